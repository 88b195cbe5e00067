import { ValidationError } from "../errors/validation-error.js";

/**
 * Thrown for input that is not a geometry this library can read or write
 * (unknown shapes, mixed geometry types, bad bounding boxes, unreadable
 * files). A {@link ValidationError}, so one `catch` handles all bad input; its
 * message reads "`parameter`: problem".
 */
export class GeometryError extends ValidationError {
  /** `"GeometryError"`. */
  override name = "GeometryError";
  /** The offending value, when it helps debugging. */
  readonly value: unknown;

  /**
   * @param problem - what was wrong
   * @param value - the offending value
   * @param parameter - the input it was found in (default `geometry`)
   */
  constructor(problem: string, value?: unknown, parameter = "geometry") {
    super(parameter, problem);
    this.value = value;
  }
}
