/** Longest name returned by {@link safeFileName}, in UTF-8 bytes: room for an id prefix and a temporary suffix under 255. */
export const MAX_SAFE_NAME_BYTES = 200;

/** Device names Windows reserves with any extension (`CON`, `aux.txt`, `COM1.log` ...). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Path separators, characters Windows refuses, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/** Cuts `text` to at most `bytes` UTF-8 bytes, never inside a character. */
function cutToBytes(text: string, bytes: number): string {
  let out = "";
  for (const char of text) {
    if (utf8Length(out + char) > bytes) break;
    out += char;
  }
  return out;
}

/**
 * A file name built from a name a server sent (an attachment's or a layer's), safe to join to a
 * folder on every system: no path separators or `..` (it stays inside the folder), no control or
 * Windows-forbidden characters, no reserved device names (`CON`, `NUL`, `aux.txt` get a `_` in front),
 * no trailing dots or spaces, at most {@link MAX_SAFE_NAME_BYTES} bytes (the extension kept), and
 * `fallback` when nothing is left. A name that is already safe is returned unchanged.
 * @internal
 */
export function safeFileName(name: string, fallback: string): string {
  let safe = name.replace(UNSAFE, "_").replace(/[. ]+$/, "");
  if (safe === "" || /^\.+$/.test(safe)) return fallback;
  if (RESERVED.test(safe)) safe = `_${safe}`;
  if (utf8Length(safe) <= MAX_SAFE_NAME_BYTES) return safe;
  const dot = safe.lastIndexOf(".");
  const extension = dot > 0 && safe.length - dot <= 16 ? safe.slice(dot) : "";
  const stem = cutToBytes(safe.slice(0, safe.length - extension.length), MAX_SAFE_NAME_BYTES - utf8Length(extension));
  return (stem.replace(/[. ]+$/, "") || fallback) + extension;
}
