/**
 * The HTTP adapter's names for the use cases' options: JSON request fields are snake_case
 * (`avoid_countries`, `warmup_days`), as the results are, while the use cases name their options
 * in camelCase. One table per schema maps field ↔ option key, so an unknown field, an issue's path
 * and the OpenAPI description all speak the same names.
 */
import type { z } from 'zod';

/** `valueOfTimeUsdPerH` → `value_of_time_usd_per_h`; snake_case keys are left as they are. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export interface FieldNames {
  /** The JSON fields, in the schema's order. */
  readonly fields: readonly string[];
  /** JSON field → option key. */
  toOption(field: string): string | undefined;
  /** Option key → JSON field (the key itself when unknown). */
  toField(key: string): string;
}

/** The field names of an object schema's top-level options (undefined for other schemas). */
export function fieldNames(schema: z.ZodType): FieldNames | undefined {
  // biome-ignore lint/suspicious/noExplicitAny: reading zod's definition
  const shape = (schema as any)?._zod?.def?.shape;
  if (!shape) return undefined;
  const keys = Object.keys(shape);
  const byField = new Map(keys.map((k) => [snakeCase(k), k]));
  return {
    fields: [...byField.keys()],
    toOption: (field) => byField.get(field),
    toField: (key) => (shape[key] !== undefined ? snakeCase(key) : key),
  };
}

/** An object's top-level keys renamed (the values untouched: they are data, not options). */
export function renameKeys(
  body: Readonly<Record<string, unknown>>,
  rename: (key: string) => string,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [rename(k), v]));
}

/** An issue path with its first segment (an option key) named as the JSON field. */
export function fieldPath(path: string, names: FieldNames): string {
  return path.replace(/^[A-Za-z_][A-Za-z0-9_]*/, (k) => names.toField(k));
}
