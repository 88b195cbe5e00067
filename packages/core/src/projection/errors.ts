import { GeometryError } from "../geometry/errors.js";

/** Thrown when a spatial reference has no known definition: register one with `registerProjection`. */
export class UnknownProjectionError extends GeometryError {
  /** `"UnknownProjectionError"`. */
  override name = "UnknownProjectionError";
  /** The wkid that is not known, when the spatial reference had one. */
  readonly wkid: number | undefined;

  /**
   * @param problem - what was missing
   * @param wkid - the unknown wkid
   */
  constructor(problem: string, wkid?: number) {
    super(problem, wkid, "spatialReference");
    this.wkid = wkid;
  }
}
