/**
 * Per-edit errors with the codes ArcGIS feature services report in edit results
 * ("Feature service error codes" in the ArcGIS REST API documentation).
 */

/** The `error` member of one edit result. */
export interface EditErrorJson {
  code: number;
  description: string;
}

/** Codes of the documented edit errors this server produces. */
export const EditCode = {
  /** Non-specific edit content error (bad values, conversions, truncation). */
  content: 1000,
  /** A null for a non-nullable field. */
  notNullable: 1001,
  /** Geometry without m-values on an M-aware layer. */
  noM: 1002,
  /** Not applied because another edit of the same request failed. */
  rolledBack: 1003,
  /** The feature to update or delete does not exist. */
  missing: 1011,
  /** Geometry without z-values on a Z-aware layer. */
  noZ: 1014,
  /** The geometry could not be set (wrong type, bad coordinates, unknown spatial reference). */
  geometry: 1015,
  /** An add without a GlobalID while `useGlobalIds` is on. */
  missingGlobalId: 1020,
  /** An empty GlobalID. */
  emptyGlobalId: 1021,
  /** A value (e.g. a GlobalID) that already exists where it must be unique. */
  unique: 1022,
  /** Adding an attachment failed. */
  addAttachment: 1008,
  /** Updating an attachment failed. */
  updateAttachment: 1009,
  /** Deleting an attachment failed. */
  deleteAttachment: 1010,
} as const;

/** A failure of one edit; becomes `{ success: false, error: { code, description } }`. */
export class EditError extends Error {
  override name = "EditError";
  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
  }

  /** The edit result's `error` member. */
  toJson(): EditErrorJson {
    return { code: this.code, description: this.description };
  }
}

/** The error a rolled-back edit reports. */
export function rolledBack(): EditErrorJson {
  return { code: EditCode.rolledBack, description: "Operation rolled back." };
}
