import type { SampleField } from "./types.js";

/** The object id field. */
export function oidField(name = "objectid"): SampleField {
  return { name, type: "esriFieldTypeOID", alias: name.toUpperCase(), nullable: false, editable: false, domain: null };
}

/** A GlobalID field. */
export function globalIdField(name = "globalid"): SampleField {
  return { name, type: "esriFieldTypeGlobalID", alias: "GlobalID", length: 38, nullable: false, editable: false, domain: null };
}

/** A string field. */
export function stringField(name: string, length: number, alias = name, extra: Partial<SampleField> = {}): SampleField {
  return { name, type: "esriFieldTypeString", alias, length, nullable: true, editable: true, domain: null, ...extra };
}

/** A double field. */
export function doubleField(name: string, alias = name, extra: Partial<SampleField> = {}): SampleField {
  return { name, type: "esriFieldTypeDouble", alias, nullable: true, editable: true, domain: null, ...extra };
}

/** A 32-bit integer field. */
export function integerField(name: string, alias = name, extra: Partial<SampleField> = {}): SampleField {
  return { name, type: "esriFieldTypeInteger", alias, nullable: true, editable: true, domain: null, ...extra };
}

/** A 16-bit integer field. */
export function smallIntegerField(name: string, alias = name, extra: Partial<SampleField> = {}): SampleField {
  return { name, type: "esriFieldTypeSmallInteger", alias, nullable: true, editable: true, domain: null, ...extra };
}

/** A date field (epoch ms values). */
export function dateField(name: string, alias = name, extra: Partial<SampleField> = {}): SampleField {
  return { name, type: "esriFieldTypeDate", alias, length: 8, nullable: true, editable: true, domain: null, ...extra };
}

/** A coded-value domain. */
export function codedValueDomain(name: string, values: [code: string | number, label: string][]): NonNullable<SampleField["domain"]> {
  return { type: "codedValue", name, codedValues: values.map(([code, label]) => ({ name: label, code })) };
}
