/** One address of the sample locator's table. */
export interface SampleAddress {
  id: number;
  number: number;
  street: string;
  city: string;
  region: string;
  postal: string;
  /** Longitude, latitude (WGS84). */
  x: number;
  y: number;
  /** "380 Oak St, Redlands, CA, 92373". */
  label: string;
  /** Lower-case words of the label, for matching. */
  words: string[];
  /** Words of the number and street, and of the city, region and postal code. */
  streetWords: string[];
  localityWords: string[];
}

const NAMES = ["Oak", "Pine", "Maple", "Cedar", "Elm", "Main", "Lake", "Hill", "Park", "Washington", "Lincoln", "Jackson", "Franklin", "Highland", "River", "Sunset", "Forest", "Church", "Mill", "Spring", "Center", "Walnut", "Willow", "Meadow", "Orchard"];
const TYPES = ["St", "Ave"];
const CITIES: Array<[string, string, string, number, number]> = [
  ["Redlands", "CA", "92373", -117.18, 34.05],
  ["Minneapolis", "MN", "55403", -93.27, 44.98],
  ["Portland", "OR", "97205", -122.68, 45.52],
  ["Springfield", "IL", "62701", -89.65, 39.8],
  ["Madison", "WI", "53703", -89.4, 43.07],
  ["Boulder", "CO", "80302", -105.27, 40.01],
  ["Austin", "TX", "78701", -97.74, 30.27],
  ["Albany", "NY", "12207", -73.75, 42.65],
  ["Salem", "MA", "01970", -70.9, 42.52],
  ["Brentwood", "TN", "37027", -86.78, 36.03],
  ["Dayton", "OH", "45402", -84.19, 39.76],
  ["Eugene", "OR", "97401", -123.09, 44.05],
];
/** House numbers per street and city: 12 cities × 50 streets × 10 = 6,000 addresses. */
const PER_STREET = 10;

/** Lower-case words of a text, punctuation dropped. */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/[^a-z0-9 ]+/g, " ").split(" ").filter((w) => w.length > 0);
}

function build(): SampleAddress[] {
  const table: SampleAddress[] = [];
  CITIES.forEach(([city, region, postal, cx, cy]) => {
    NAMES.forEach((name, n) => {
      TYPES.forEach((type, t) => {
        const s = n * TYPES.length + t;
        for (let k = 0; k < PER_STREET; k++) {
          // The same number and street exist in every city: a query without a city is a tie.
          const number = (k + 1) * 100 + s * 2;
          const street = `${name} ${type}`;
          const label = `${number} ${street}, ${city}, ${region}, ${postal}`;
          table.push({
            id: table.length + 1,
            number,
            street,
            city,
            region,
            postal,
            x: round(cx + (s - 25) * 0.002 + k * 0.0003),
            y: round(cy + (t === 0 ? 1 : -1) * n * 0.0015 + k * 0.0001),
            label,
            words: words(label),
            streetWords: words(`${number} ${street}`),
            localityWords: words(`${city} ${region} ${postal}`),
          });
        }
      });
    });
  });
  return table;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The sample locator's address table (deterministic). */
export const ADDRESSES: readonly SampleAddress[] = build();

/** Addresses by house number. */
export const BY_NUMBER: ReadonlyMap<number, SampleAddress[]> = (() => {
  const map = new Map<number, SampleAddress[]>();
  for (const a of ADDRESSES) map.set(a.number, [...(map.get(a.number) ?? []), a]);
  return map;
})();
