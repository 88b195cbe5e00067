import { attachmentEditRoute } from "./attachments-edit.js";
import { editsRoute } from "./edits.js";
import { replicasRoute } from "./replicas.js";
import type { ServiceRoute } from "./service-context.js";
import { uploadsRoute } from "./uploads.js";

/** The editing side of FeatureServer services: edits, attachment edits, uploads and replicas. */
export const editServiceRoutes: ServiceRoute[] = [editsRoute, attachmentEditRoute, uploadsRoute, replicasRoute];
