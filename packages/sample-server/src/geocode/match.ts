import { ADDRESSES, BY_NUMBER, words, type SampleAddress } from "./table.js";

/** A scored match of the address table. */
export interface Match {
  address: SampleAddress;
  score: number;
}

/** Lowest score reported as a candidate. */
export const MIN_CANDIDATE_SCORE = 40;
/** Lowest score a batch record counts as matched ("M") at. */
export const MIN_MATCH_SCORE = 60;

/**
 * Scores the table against a free-text address: the house number must match. The street counts
 * 70 and the city, region and postal code 30, scaled by the share of the query's words that are
 * the address's: only the full address scores 100, a street without a city scores 70 (a tie
 * between cities), extra words lower the score.
 */
export function matchText(text: string): Match[] {
  const query = words(text);
  const numberWord = query.find((w) => /^\d+$/.test(w));
  if (!numberWord) return [];
  const used = new Set(query);
  const matches: Match[] = [];
  for (const address of BY_NUMBER.get(Number(numberWord)) ?? []) {
    const known = new Set(address.words);
    const precision = query.filter((w) => known.has(w)).length / query.length;
    const street = share(address.streetWords, used);
    const locality = share(address.localityWords, used);
    const score = Math.round(100 * precision * (70 * street + 30 * locality)) / 100;
    if (score >= MIN_CANDIDATE_SCORE) matches.push({ address, score });
  }
  return matches.sort((a, b) => b.score - a.score || a.address.id - b.address.id);
}

function share(wanted: string[], used: Set<string>): number {
  return wanted.filter((w) => used.has(w)).length / wanted.length;
}

/** Addresses whose label starts with the text's words (the last one may be a prefix). */
export function suggestText(text: string, max: number): SampleAddress[] {
  const query = words(text);
  if (query.length === 0) return [];
  const out: SampleAddress[] = [];
  for (const address of ADDRESSES) {
    if (query.every((w, i) => (i === query.length - 1 ? address.words[i]?.startsWith(w) : address.words[i] === w))) {
      out.push(address);
      if (out.length >= max) break;
    }
  }
  return out;
}

/** The nearest address to a WGS84 point within `maxDegrees`, if any. */
export function nearest(x: number, y: number, maxDegrees: number): SampleAddress | undefined {
  let best: SampleAddress | undefined;
  let bestDistance = maxDegrees * maxDegrees;
  for (const address of ADDRESSES) {
    const d = (address.x - x) ** 2 + (address.y - y) ** 2;
    if (d <= bestDistance) {
      best = address;
      bestDistance = d;
    }
  }
  return best;
}

/** The address a `magicKey` from suggest names. */
export function byMagicKey(key: string): SampleAddress | undefined {
  const m = /^SL(\d+)$/.exec(key);
  return m ? ADDRESSES[Number(m[1]) - 1] : undefined;
}

/** The magicKey of an address. */
export function magicKeyOf(address: SampleAddress): string {
  return `SL${address.id}`;
}
