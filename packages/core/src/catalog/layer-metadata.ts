import type { Field, GeometryType, SpatialReference } from "../types/esri-json.js";
import type { LayerInfo, RelationshipInfo } from "./types.js";
import { matchName } from "./match-name.js";

const SHAPE_FIELD_TYPE = "esriFieldTypeGeometry";

/**
 * What a layer or table is: its fields, key fields and limits, read from its JSON.
 * Older servers omit `objectIdField`; it is then found from the field types.
 */
export class LayerMetadata {
  /** The layer's REST URL (`.../MapServer/0`). */
  readonly url: string;
  /** The layer JSON as the server sent it. */
  readonly info: LayerInfo;
  readonly #byLowerName: Map<string, Field>;

  constructor(url: string, info: LayerInfo) {
    this.url = url.replace(/\/+$/, "");
    this.info = info;
    this.#byLowerName = new Map(this.fields.map((f) => [f.name.toLowerCase(), f]));
  }

  /** Layer id within its service. */
  get id(): number {
    return this.info.id;
  }

  /** Layer name. */
  get name(): string {
    return this.info.name;
  }

  /** `true` for tables (no geometry). */
  get isTable(): boolean {
    return this.info.type === "Table" || !this.info.geometryType;
  }

  /** All fields (empty for group layers). */
  get fields(): Field[] {
    return this.info.fields ?? [];
  }

  /** Field names in server order. */
  listFields(): string[] {
    return this.fields.map((f) => f.name);
  }

  /** A field by name, case-insensitive (also accepts `*` wildcards). */
  field(name: string): Field | undefined {
    const exact = this.#byLowerName.get(name.toLowerCase());
    if (exact || !name.includes("*")) return exact;
    const found = matchName(this.listFields(), name);
    return found ? this.#byLowerName.get(found.toLowerCase()) : undefined;
  }

  /** The object id field name, from `objectIdField` or the OID-typed field. */
  get objectIdField(): string | undefined {
    const declared = this.info.objectIdField;
    if (declared) return this.field(declared)?.name ?? declared;
    return this.fields.find((f) => f.type === "esriFieldTypeOID")?.name;
  }

  /** The GlobalID field name, if the layer has one. */
  get globalIdField(): string | undefined {
    const declared = this.info.globalIdField;
    if (declared) return this.field(declared)?.name ?? declared;
    return this.fields.find((f) => f.type === "esriFieldTypeGlobalID")?.name;
  }

  /** The geometry field name (e.g. `Shape`, `SHAPE`), if listed. */
  get shapeField(): string | undefined {
    return this.fields.find((f) => f.type === SHAPE_FIELD_TYPE)?.name;
  }

  /** Date-typed fields, whose values arrive as epoch milliseconds. */
  get dateFields(): Field[] {
    return this.fields.filter((f) => f.type === "esriFieldTypeDate");
  }

  /** Geometry type, absent for tables. */
  get geometryType(): GeometryType | undefined {
    return this.info.geometryType;
  }

  /** Spatial reference of the data (from `extent` or `sourceSpatialReference`). */
  get spatialReference(): SpatialReference | undefined {
    return this.info.extent?.spatialReference ?? this.info.sourceSpatialReference;
  }

  /** The page size the server advertises (defaults to 1000 as ArcGIS Server does). */
  get maxRecordCount(): number {
    return this.info.maxRecordCount ?? this.info.standardMaxRecordCount ?? 1000;
  }

  /** Whether `resultOffset`/`resultRecordCount` paging is advertised (10.3+). */
  get supportsPagination(): boolean {
    return this.info.advancedQueryCapabilities?.supportsPagination === true;
  }

  /** Whether `orderByFields` is advertised. */
  get supportsOrderBy(): boolean {
    return this.info.advancedQueryCapabilities?.supportsOrderBy === true;
  }

  /** Whether `outStatistics` is advertised. */
  get supportsStatistics(): boolean {
    return this.info.supportsStatistics === true || this.info.advancedQueryCapabilities?.supportsStatistics === true;
  }

  /** Capabilities as a set of lower-case names (`query`, `create`, `update` ...). */
  get capabilities(): Set<string> {
    return new Set(
      (this.info.capabilities ?? "")
        .split(",")
        .map((c) => c.trim().toLowerCase())
        .filter(Boolean),
    );
  }

  /** Whether the layer has attachments. */
  get hasAttachments(): boolean {
    return this.info.hasAttachments === true;
  }

  /** Relationships to other layers and tables. */
  get relationships(): RelationshipInfo[] {
    return this.info.relationships ?? [];
  }
}
