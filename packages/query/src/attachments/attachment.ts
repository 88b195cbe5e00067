import { request, type CallOptions, type Session } from "@arcrest/core";
import type { AttachmentInfo } from "../parse/attachment-infos.js";
import { checkOptionsObject } from "../params/options-object.js";

/**
 * One attachment of a feature: what the server says about it, and its bytes on
 * demand. (To write it to a file in Node, see `saveAttachment` in `@arcrest/query/node`.)
 */
export class Attachment {
  /** Attachment id (unique within the layer). */
  readonly id: number;
  /** The feature it belongs to. */
  readonly parentObjectId: number;
  /** File name. */
  readonly name: string;
  /** MIME type, e.g. `image/png`. */
  readonly contentType: string;
  /** Size in bytes, as the server reports it. */
  readonly size: number;
  /** GlobalID of the attachment, when the layer has them. */
  readonly globalId: string | undefined;
  /** Keywords, when set. */
  readonly keywords: string | undefined;
  /** Where the bytes are: `<layer>/<objectId>/attachments/<id>`. */
  readonly url: string;
  /** The server's description as received. */
  readonly info: AttachmentInfo;
  readonly #session: Session | undefined;

  /**
   * @param layerUrl - the layer URL the attachment belongs to
   * @param parentObjectId - the feature's object id
   * @param info - the attachment info from the server
   * @param session - session used for the download (tokens)
   */
  constructor(layerUrl: string, parentObjectId: number, info: AttachmentInfo, session?: Session) {
    this.id = info.id;
    this.parentObjectId = parentObjectId;
    this.name = info.name;
    this.contentType = info.contentType;
    this.size = info.size;
    this.globalId = info.globalId;
    this.keywords = info.keywords;
    // A server-given URL is used only when absolute (some answer with relative ones); its query (a token) is dropped.
    const given = info.url !== undefined && /^https?:\/\//i.test(info.url) ? info.url.split("?")[0] : undefined;
    this.url = given ?? `${layerUrl}/${parentObjectId}/attachments/${info.id}`;
    this.info = info;
    this.#session = session;
  }

  /**
   * Downloads the bytes (retried like any read; the session's token goes along to its own server
   * only). To write them to a file in Node use `saveAttachment` from `@arcrest/query/node`.
   *
   * @throws ValidationError when `options` is not an object (e.g. a folder name)
   */
  async download(options: CallOptions = {}): Promise<Uint8Array> {
    checkOptionsObject(options, "; to save to a file use saveAttachment (@arcrest/query/node)");
    const session = options.session ?? this.#session;
    const response = await request(this.url, { rawResponse: true, kind: "read", params: { f: null }, session, signal: options.signal });
    return new Uint8Array(await response.arrayBuffer());
  }

  /** A short description, e.g. `photo.png (image/png, 1234 bytes)`. */
  toString(): string {
    return `${this.name} (${this.contentType}, ${this.size} bytes)`;
  }
}
