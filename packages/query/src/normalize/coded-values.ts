import type { Field } from "@arcrest/core";

/** Per field (layer case): code → name of its coded-value domain. */
export type CodedValueTable = Map<string, Map<string | number, string>>;

/** Collects the coded-value domains of a field list. */
export function codedValueTable(fields: readonly Field[]): CodedValueTable {
  const table: CodedValueTable = new Map();
  for (const field of fields) {
    const coded = field.domain?.type === "codedValue" ? field.domain.codedValues : undefined;
    if (!coded || coded.length === 0) continue;
    const names = new Map<string | number, string>();
    for (const { code, name } of coded) names.set(code, name);
    table.set(field.name, names);
  }
  return table;
}

/**
 * Returns a function that replaces coded values by their names in an attribute
 * object (layer-cased keys), leaving values without a domain entry untouched.
 *
 * @example
 * ```ts
 * const decode = codedValueDecoder(layer.fields);
 * for await (const f of layer.features()) console.log(decode(f.attributes).status);
 * ```
 */
export function codedValueDecoder(
  fields: readonly Field[],
): <A extends Record<string, unknown>>(attributes: A) => A {
  const table = codedValueTable(fields);
  return <A extends Record<string, unknown>>(attributes: A): A => {
    const out: Record<string, unknown> = { ...attributes };
    for (const [field, names] of table) {
      const code = out[field];
      if (code === null || code === undefined) continue;
      const name = names.get(code as string | number) ?? names.get(String(code)) ?? (typeof code === "string" ? names.get(Number(code)) : undefined);
      if (name !== undefined) out[field] = name;
    }
    return out as A;
  };
}
