import { ExportError } from "./export-error.js";

/** A file would exceed a format limit, e.g. the 2 GB limit of a `.shp` or `.dbf`. */
export class FileSizeLimitError extends ExportError {
  /** The part that would be too large, e.g. `"shp"` or `"dbf"`. */
  readonly part: string;
  /** The limit in bytes. */
  readonly limit: number;

  /**
   * @param part - file part (extension) that would be too large
   * @param limit - the limit in bytes
   * @param featureIndex - index of the feature that did not fit
   */
  constructor(part: string, limit: number, featureIndex: number) {
    super(
      `The .${part} file would exceed ${limit} bytes (the shapefile format limit) at feature #${featureIndex}; ` +
        `write fewer features per file, fewer/narrower fields, or another format such as GeoJSON`,
      "file-too-large",
    );
    this.name = "FileSizeLimitError";
    this.part = part;
    this.limit = limit;
  }
}
