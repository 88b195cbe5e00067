import { fetchLayerInfo, sessionFor, type CallOptions, type ConnectOptions, type LayerInfo, type Session } from "@arcrest/core";
import { MapServiceLayer } from "@arcrest/query";
import { addAttachment, deleteAttachments, updateAttachment, type AttachmentEditOptions, type AttachmentEditResult } from "./attachments/attachment-edits.js";
import type { AttachmentSource } from "./attachments/attachment-source.js";
import { InsertCursor } from "./cursors/insert-cursor.js";
import { UpdateCursor, type UpdateCursorOptions } from "./cursors/update-cursor.js";
import { calculate, type CalcExpression, type CalculateOptions, type CalculateResult } from "./edits/calculate.js";
import { addFeatures } from "./edits/add-features.js";
import { applyEdits } from "./edits/apply-edits.js";
import { deleteFeatures, type DeleteSelection } from "./edits/delete-features.js";
import { updateFeatures } from "./edits/update-features.js";
import type { EditOptions, EditSummary, FeaturesInput, LayerEditsInput } from "./edits/types.js";

/**
 * A layer or table of a feature service: everything a {@link MapServiceLayer} reads, plus
 * edits (chunked, with one result per input feature and no blind retries), attachments,
 * `calculate` and cursors.
 *
 * @example
 * ```ts
 * const incidents = await (await FeatureService.connect(url)).layer("incidents");
 * const result = await incidents.addFeatures([{ attributes: { req_type: "Graffiti" }, geometry: { x: -122.4, y: 37.78 } }]);
 * result.addResults[0].objectId;
 * ```
 */
export class FeatureLayer extends MapServiceLayer {
  /** Loads a feature layer or table by URL, applying any credentials given. */
  static override async connect(url: string, options: ConnectOptions = {}): Promise<FeatureLayer> {
    const clean = url.split(/[?#]/)[0].replace(/\/+$/, "");
    const session = await sessionFor(clean, options);
    const info = await fetchLayerInfo(clean, { session, ...(options.signal ? { signal: options.signal } : {}) });
    return new FeatureLayer(clean, info, session);
  }

  /**
   * @param url - the layer URL
   * @param info - the layer JSON
   * @param session - the session for every request
   */
  constructor(url: string, info: LayerInfo, session?: Session) {
    super(url, info, session);
  }

  /** Options with this layer's session unless the call names one. */
  protected withSession<T extends CallOptions>(options: T): T {
    return options.session || !this.session ? options : { ...options, session: this.session };
  }

  /** Adds features (Esri JSON or GeoJSON; `Date` values become epoch ms). */
  addFeatures(features: FeaturesInput, options: EditOptions = {}): Promise<EditSummary> {
    return addFeatures(this, features, this.withSession(options));
  }

  /** Updates features named by object id (or GlobalID with `useGlobalIds`). */
  updateFeatures(features: FeaturesInput, options: EditOptions = {}): Promise<EditSummary> {
    return updateFeatures(this, features, this.withSession(options));
  }

  /** Deletes features by object ids, GlobalIDs, a where clause and/or a geometry. */
  deleteFeatures(selection: DeleteSelection, options: EditOptions = {}): Promise<EditSummary> {
    return deleteFeatures(this, selection, this.withSession(options));
  }

  /** Adds, updates and deletes in one job (`applyEdits`, chunked). */
  applyEdits(edits: LayerEditsInput, options: EditOptions = {}): Promise<EditSummary> {
    return applyEdits(this, edits, this.withSession(options));
  }

  /**
   * Attaches a file to a feature: a `File`, bytes, or `{ data, name, contentType }` (in Node,
   * `attachmentFile(path)` from `@arcrest/feature-edit/node`). Files of 10 MB and more go
   * through the service's uploads, which are deleted afterwards.
   */
  addAttachment(objectId: number, source: AttachmentSource, options: AttachmentEditOptions = {}): Promise<AttachmentEditResult> {
    return addAttachment(this, objectId, source, this.withSession(options));
  }

  /** Replaces the file of one of a feature's attachments. */
  updateAttachment(objectId: number, attachmentId: number, source: AttachmentSource, options: AttachmentEditOptions = {}): Promise<AttachmentEditResult> {
    return updateAttachment(this, objectId, attachmentId, source, this.withSession(options));
  }

  /** Deletes attachments of a feature; one result per attachment id. */
  deleteAttachments(objectId: number, attachmentIds: readonly number[], options: CallOptions = {}): Promise<AttachmentEditResult[]> {
    return deleteAttachments(this, objectId, attachmentIds, this.withSession(options));
  }

  /** Sets fields of every matching feature at once (`calculate`): `{ field: value }` or expressions. */
  calculate(expressions: Record<string, unknown> | readonly CalcExpression[], options: CalculateOptions = {}): Promise<CalculateResult> {
    return calculate(this, expressions, this.withSession(options));
  }

  /** An insert cursor: rows queued with `insertRow`, added in chunks on `close()`. */
  insertCursor(fields?: readonly string[], options: EditOptions = {}): InsertCursor {
    return new InsertCursor(this, fields, this.withSession(options));
  }

  /** An update cursor over the matching rows: `updateRow`/`deleteRow` queue changes, applied in chunks on `close()`. */
  updateCursor(options: UpdateCursorOptions = {}): UpdateCursor {
    return new UpdateCursor(this, this.withSession(options));
  }
}
