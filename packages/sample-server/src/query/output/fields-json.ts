/** Field descriptions as query responses list them. */
import type { SampleField } from "../../data/types.js";

/** A field in a query response's `fields` array. */
export interface FieldJson {
  name: string;
  type: string;
  alias: string;
  length?: number;
  domain?: SampleField["domain"];
}

/** The response description of a layer field (length for text fields, domain when it has one). */
export function fieldJson(field: SampleField): FieldJson {
  const out: FieldJson = { name: field.name, type: field.type, alias: field.alias ?? field.name };
  if (field.length !== undefined) out.length = field.length;
  if (field.domain) out.domain = field.domain;
  return out;
}
