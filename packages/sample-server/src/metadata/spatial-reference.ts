/** Esri JSON spatial reference as ArcGIS Server writes it. */
export interface SpatialReferenceJson {
  wkid: number;
  latestWkid: number;
}

/** The spatial reference JSON of a wkid (3857 is written as 102100/3857 like ArcGIS does). */
export function spatialReferenceJson(wkid: number): SpatialReferenceJson {
  if (wkid === 3857 || wkid === 102100 || wkid === 102113) return { wkid: 102100, latestWkid: 3857 };
  return { wkid, latestWkid: wkid };
}
