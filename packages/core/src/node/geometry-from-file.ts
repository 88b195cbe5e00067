import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { Geometry as CoreGeometry, type GeometryOptions } from "../geometry/geometry.js";
import { GeometryError } from "../geometry/errors.js";
import { readFirstFeature } from "./read-shapefile.js";

/**
 * The core {@link CoreGeometry | Geometry} plus what needs a file system:
 * `Geometry.fromFile()`. Import it from `@arcrest/core/node`.
 */
export class Geometry extends CoreGeometry {
  /**
   * Reads a geometry from a file, like the seed's `Geometry(shapefile)`:
   * - `.shp` (or a path without extension next to a `.shp`): the first feature
   *   with a geometry, with the spatial reference guessed from the `.prj`;
   * - `.json`, `.geojson`, `.esrijson`: anything `Geometry` accepts (Esri JSON
   *   geometry, feature or feature set; GeoJSON geometry, Feature or
   *   FeatureCollection; the first feature of a collection).
   *
   * @example
   * ```ts
   * const geom = await Geometry.fromFile("Polygons.shp");
   * console.log(String(geom.envelope())); // "-121.5,38.3000000007,-121.199999999,38.6000000015"
   * ```
   * @param path - the file
   * @param options - a spatial reference overriding the file's
   * @throws GeometryError when the file cannot be read or holds no geometry
   */
  static async fromFile(path: string, options?: GeometryOptions): Promise<Geometry> {
    const ext = extname(path).toLowerCase();
    if (ext === ".json" || ext === ".geojson" || ext === ".esrijson") {
      let text: string;
      try {
        text = await readFile(path, "utf8");
      } catch (cause) {
        throw new GeometryError(`cannot read ${path}: ${(cause as Error).message}`, undefined, "path");
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
      } catch (cause) {
        throw new GeometryError(`${path} is not valid JSON: ${(cause as Error).message}`, undefined, "path");
      }
      return new Geometry(parsed as ConstructorParameters<typeof CoreGeometry>[0], options);
    }
    if (ext === ".shp" || ext === "") {
      const feature = await readFirstFeature(path);
      if (!feature?.geometry) throw new GeometryError(`${path} has no feature with a geometry`, undefined, "path");
      return new Geometry(feature.geometry, options);
    }
    throw new GeometryError(`cannot read geometries from "${ext}" files; use .shp, .json or .geojson`, path, "path");
  }
}
