/** A US state: abbreviation, name, boxes mostly inside it (lon/lat), and its share of river gauges. */
export interface StateArea {
  abbr: string;
  name: string;
  /** [west, south, east, north] rectangles inside (or mostly inside) the state. */
  boxes: [number, number, number, number][];
  /** Relative number of gauges. */
  weight: number;
}

/** The 50 states, alphabetical by name (the order NWS SHEF location codes use). */
export const US_STATES: StateArea[] = [
  { abbr: "AL", name: "Alabama", boxes: [[-88.2, 30.9, -85.3, 34.8]], weight: 2 },
  { abbr: "AK", name: "Alaska", boxes: [[-162, 58.5, -141.5, 67.5], [-152, 60, -145, 62]], weight: 2 },
  { abbr: "AZ", name: "Arizona", boxes: [[-114.4, 31.6, -109.2, 36.9]], weight: 2 },
  { abbr: "AR", name: "Arkansas", boxes: [[-94.4, 33.1, -89.8, 36.4]], weight: 2 },
  {
    abbr: "CA",
    name: "California",
    boxes: [
      [-123.9, 39.0, -120.3, 41.8],
      [-122.8, 36.6, -119.2, 39.0],
      [-121.0, 34.4, -116.2, 36.6],
      [-119.3, 32.7, -115.0, 34.4],
    ],
    weight: 7,
  },
  { abbr: "CO", name: "Colorado", boxes: [[-108.9, 37.1, -102.2, 40.9]], weight: 2.5 },
  { abbr: "CT", name: "Connecticut", boxes: [[-73.6, 41.1, -71.9, 42.0]], weight: 1 },
  { abbr: "DE", name: "Delaware", boxes: [[-75.7, 38.5, -75.2, 39.7]], weight: 0.5 },
  { abbr: "FL", name: "Florida", boxes: [[-87.4, 30.3, -82.0, 30.9], [-82.8, 26.2, -80.3, 30.4]], weight: 3 },
  { abbr: "GA", name: "Georgia", boxes: [[-85.5, 30.8, -81.5, 34.9]], weight: 2.5 },
  { abbr: "HI", name: "Hawaii", boxes: [[-158.2, 21.3, -157.7, 21.7], [-156.0, 19.2, -155.0, 20.2]], weight: 0.5 },
  { abbr: "ID", name: "Idaho", boxes: [[-117.0, 42.1, -111.1, 45.5], [-116.9, 45.5, -114.6, 48.9]], weight: 2 },
  { abbr: "IL", name: "Illinois", boxes: [[-91.2, 37.2, -87.6, 42.4]], weight: 3 },
  { abbr: "IN", name: "Indiana", boxes: [[-87.9, 37.9, -84.9, 41.7]], weight: 2.5 },
  { abbr: "IA", name: "Iowa", boxes: [[-96.3, 40.7, -90.3, 43.4]], weight: 2.5 },
  { abbr: "KS", name: "Kansas", boxes: [[-101.9, 37.1, -94.7, 39.9]], weight: 2 },
  { abbr: "KY", name: "Kentucky", boxes: [[-88.9, 36.7, -83.5, 38.2], [-85.5, 37.2, -82.3, 38.6]], weight: 2 },
  { abbr: "LA", name: "Louisiana", boxes: [[-93.8, 30.0, -90.0, 32.9]], weight: 2 },
  { abbr: "ME", name: "Maine", boxes: [[-70.9, 43.2, -67.2, 47.3]], weight: 1 },
  { abbr: "MD", name: "Maryland", boxes: [[-79.4, 38.9, -76.0, 39.7]], weight: 1.5 },
  { abbr: "MA", name: "Massachusetts", boxes: [[-73.4, 41.7, -70.1, 42.8]], weight: 1.5 },
  { abbr: "MI", name: "Michigan", boxes: [[-86.4, 41.8, -82.6, 45.7], [-89.9, 46.0, -84.8, 47.4]], weight: 2.5 },
  { abbr: "MN", name: "Minnesota", boxes: [[-97.1, 43.6, -89.6, 48.9]], weight: 2.5 },
  { abbr: "MS", name: "Mississippi", boxes: [[-91.5, 30.4, -88.2, 34.9]], weight: 2 },
  { abbr: "MO", name: "Missouri", boxes: [[-95.6, 36.1, -89.3, 40.5]], weight: 3 },
  { abbr: "MT", name: "Montana", boxes: [[-116.0, 44.5, -104.1, 48.9]], weight: 2 },
  { abbr: "NE", name: "Nebraska", boxes: [[-104.0, 40.1, -95.4, 42.9]], weight: 2 },
  { abbr: "NV", name: "Nevada", boxes: [[-119.5, 36.5, -114.1, 41.9]], weight: 1 },
  { abbr: "NH", name: "New Hampshire", boxes: [[-72.5, 42.7, -71.0, 45.2]], weight: 1 },
  { abbr: "NJ", name: "New Jersey", boxes: [[-75.4, 39.1, -74.0, 41.3]], weight: 1.5 },
  { abbr: "NM", name: "New Mexico", boxes: [[-109.0, 31.4, -103.1, 36.9]], weight: 1.5 },
  { abbr: "NY", name: "New York", boxes: [[-79.7, 42.0, -73.5, 44.9]], weight: 4 },
  { abbr: "NC", name: "North Carolina", boxes: [[-83.9, 34.4, -76.0, 36.5]], weight: 3 },
  { abbr: "ND", name: "North Dakota", boxes: [[-104.0, 46.0, -96.6, 48.9]], weight: 1.5 },
  { abbr: "OH", name: "Ohio", boxes: [[-84.8, 38.5, -80.6, 41.9]], weight: 3 },
  { abbr: "OK", name: "Oklahoma", boxes: [[-99.9, 33.9, -94.5, 36.9]], weight: 2 },
  { abbr: "OR", name: "Oregon", boxes: [[-124.0, 42.1, -116.5, 46.2]], weight: 2.5 },
  { abbr: "PA", name: "Pennsylvania", boxes: [[-80.5, 39.8, -74.8, 42.2]], weight: 4 },
  { abbr: "RI", name: "Rhode Island", boxes: [[-71.8, 41.4, -71.2, 42.0]], weight: 0.5 },
  { abbr: "SC", name: "South Carolina", boxes: [[-83.3, 32.1, -79.0, 35.1]], weight: 1.5 },
  { abbr: "SD", name: "South Dakota", boxes: [[-104.0, 42.5, -96.5, 45.9]], weight: 1.5 },
  { abbr: "TN", name: "Tennessee", boxes: [[-90.2, 35.0, -81.8, 36.6]], weight: 2 },
  { abbr: "TX", name: "Texas", boxes: [[-103.0, 29.8, -94.0, 33.9], [-100.5, 26.0, -96.0, 29.8]], weight: 6 },
  { abbr: "UT", name: "Utah", boxes: [[-114.0, 37.0, -109.1, 41.9]], weight: 1.5 },
  { abbr: "VT", name: "Vermont", boxes: [[-73.4, 42.8, -71.6, 44.9]], weight: 1 },
  { abbr: "VA", name: "Virginia", boxes: [[-81.5, 36.6, -76.3, 38.6], [-83.6, 36.6, -81.5, 37.2]], weight: 2.5 },
  { abbr: "WA", name: "Washington", boxes: [[-124.6, 45.6, -117.1, 48.9]], weight: 3 },
  { abbr: "WV", name: "West Virginia", boxes: [[-82.5, 37.4, -78.2, 39.5]], weight: 1.5 },
  { abbr: "WI", name: "Wisconsin", boxes: [[-92.8, 42.5, -87.0, 46.8]], weight: 2.5 },
  { abbr: "WY", name: "Wyoming", boxes: [[-111.0, 41.0, -104.1, 45.0]], weight: 1.5 },
];

/** NWS SHEF state code: first letter of the state name and its rank among states with that letter (CA = "C1", TX = "T2"). */
export function shefStateCode(state: StateArea): string {
  const letter = state.name[0];
  const rank = US_STATES.filter((s) => s.name[0] === letter).indexOf(state) + 1;
  return `${letter}${rank}`;
}
