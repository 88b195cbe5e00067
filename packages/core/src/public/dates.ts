/** The public names of `@arcrest/core`: Dates as ArcGIS sends them (epoch milliseconds). Listed one by one; what is not here is internal. */
export { toEpochMs, fromEpochMs } from "../dates.js";
