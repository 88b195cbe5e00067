/** The ArcGIS Server release the sample server emulates (services may report older versions). */
export const SERVER_VERSION = 10.81;
/** The full version string of {@link SERVER_VERSION}. */
export const SERVER_FULL_VERSION = "10.8.1";
