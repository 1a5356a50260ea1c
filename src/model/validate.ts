/**
 * Validation of a network: form (the schema, element by element so that one bad entry does not
 * hide the others) then meaning (references, countries, calendars, connectivity, provenance).
 * Every problem is reported at once.
 */

import type { z } from 'zod';
import { hasErrors, type Issue, issue, type PathSegment } from './issue.js';
import { checkMeaning, type PartialRef } from './rules.js';
import { ELEMENT_SCHEMAS, FORMAT, MODES, ModeProperties, type NetworkModel } from './schema.js';
import { describe, fromSchemaIssues, type KnownKeys } from './schema-issues.js';
import { didYouMean } from './suggest.js';

type ListName = keyof typeof ELEMENT_SCHEMAS;
const LISTS = Object.keys(ELEMENT_SCHEMAS) as ListName[];
const TOP_LEVEL = ['format', 'name', 'description', 'modes', ...LISTS];

export interface ValidationResult {
  /** The network with defaults filled in; absent when the input has errors. */
  readonly model?: NetworkModel;
  readonly issues: readonly Issue[];
}

/** Validates parsed data (from YAML or JSON) as a `caravan/1` network. */
export function validateNetwork(data: unknown): ValidationResult {
  const issues: Issue[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      issues: [
        issue(
          'invalid_type',
          '',
          `a network is a mapping with "format: ${FORMAT}", nodes, links, …; got ${describe(data)}`,
        ),
      ],
    };
  }
  const doc = data as Record<string, unknown>;
  if (doc.format !== FORMAT) {
    issues.push(
      doc.format === undefined
        ? issue('missing_field', 'format', `"format: ${FORMAT}" is required at the top of the file`)
        : issue(
            'wrong_format',
            'format',
            `unsupported format ${describe(doc.format)}: this version reads "${FORMAT}"`,
          ),
    );
  }
  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL.includes(key)) {
      issues.push(
        issue(
          'unknown_field',
          key,
          `unknown top-level field "${key}"${didYouMean(key, TOP_LEVEL)}; allowed: ${TOP_LEVEL.join(', ')}`,
        ),
      );
    }
  }
  for (const key of ['name', 'description'] as const) {
    if (doc[key] !== undefined && typeof doc[key] !== 'string')
      issues.push(issue('invalid_type', key, 'expected text'));
  }

  const lists = {} as { [K in ListName]: z.output<(typeof ELEMENT_SCHEMAS)[K]>[] };
  /** Ids of every entry, valid or not, so that one broken entry does not cause a cascade of unknown references. */
  const declaredIds = {} as Record<ListName, Set<string>>;
  /** Node references of entries that failed the schema: still checked, so that every typo is reported at once. */
  const partialRefs: PartialRef[] = [];
  for (const name of LISTS) {
    const raw = doc[name];
    const parsed: unknown[] = [];
    declaredIds[name] = new Set();
    if (raw === undefined) {
      if (name === 'nodes') issues.push(issue('missing_field', 'nodes', 'a network needs a list of nodes'));
    } else if (!Array.isArray(raw)) {
      issues.push(
        issue(
          'invalid_type',
          name,
          `"${name}" must be a list (write each entry on a line starting with "- ")`,
        ),
      );
    } else {
      const schema = ELEMENT_SCHEMAS[name];
      raw.forEach((element, i) => {
        const id = (element as { id?: unknown } | null)?.id;
        if (typeof id === 'string') declaredIds[name].add(id);
        const result = schema.safeParse(element, { reportInput: true });
        if (result.success) {
          parsed.push(result.data);
          return;
        }
        issues.push(...fromSchemaIssues(result.error.issues, [name, i], knownKeysFor(name)));
        for (const end of ['from', 'to'] as const) {
          const ref = (element as Record<string, unknown> | null)?.[end];
          if (typeof ref === 'string') partialRefs.push({ path: [name, i, end], node: ref });
        }
      });
    }
    (lists as Record<ListName, unknown[]>)[name] = parsed;
  }

  const modes: NetworkModel['modes'] = {};
  if (doc.modes !== undefined) {
    if (typeof doc.modes !== 'object' || doc.modes === null || Array.isArray(doc.modes)) {
      issues.push(
        issue(
          'invalid_type',
          'modes',
          'expected a mapping from mode (rail, road, ferry, sea) to its properties',
        ),
      );
    } else {
      for (const [mode, props] of Object.entries(doc.modes)) {
        if (!(MODES as readonly string[]).includes(mode)) {
          issues.push(
            issue(
              'unknown_field',
              ['modes', mode],
              `unknown mode "${mode}"${didYouMean(mode, MODES)}; modes are ${MODES.join(', ')}`,
            ),
          );
          continue;
        }
        const result = ModeProperties.safeParse(props, { reportInput: true });
        if (result.success) modes[mode as (typeof MODES)[number]] = result.data;
        else
          issues.push(
            ...fromSchemaIssues(result.error.issues, ['modes', mode], () =>
              Object.keys(ModeProperties.shape),
            ),
          );
      }
    }
  }

  const model: NetworkModel = {
    format: FORMAT,
    ...(typeof doc.name === 'string' ? { name: doc.name } : {}),
    ...(typeof doc.description === 'string' ? { description: doc.description } : {}),
    modes,
    ...lists,
    links: lists.links.map((l) => ({ ...l, id: l.id ?? `${l.from}-${l.to}-${l.mode}` })),
  };
  issues.push(...checkMeaning(model, declaredIds, partialRefs));
  return hasErrors(issues) ? { issues } : { model, issues };
}

/** The field names allowed at a path, from the schemas (for "did you mean" on unknown fields). */
function knownKeysFor(list: ListName): KnownKeys {
  return (path: readonly PathSegment[]) => {
    let schema: unknown = ELEMENT_SCHEMAS[list];
    for (const seg of path.slice(2)) {
      schema = childSchema(schema, seg);
      if (schema === undefined) return [];
    }
    const shape = objectShape(schema);
    return shape ? Object.keys(shape) : [];
  };
}

interface SchemaLike {
  readonly shape?: Record<string, unknown>;
  readonly element?: unknown;
  readonly valueType?: unknown;
  unwrap?: () => unknown;
}

/** Optional, default and nullable wrappers removed. */
function unwrapped(schema: unknown): SchemaLike | undefined {
  let s = schema as SchemaLike | undefined;
  for (let i = 0; i < 5 && s && !s.shape && !s.element && !s.valueType && typeof s.unwrap === 'function'; i++)
    s = s.unwrap() as SchemaLike;
  return s;
}

/** The schema of a field, list element or record value under `schema`. */
function childSchema(schema: unknown, seg: PathSegment): unknown {
  const s = unwrapped(schema);
  if (!s) return undefined;
  if (s.shape) return typeof seg === 'string' ? s.shape[seg] : undefined;
  if (s.element) return typeof seg === 'number' ? s.element : undefined;
  if (s.valueType) return s.valueType;
  return undefined;
}

function objectShape(schema: unknown): Record<string, unknown> | undefined {
  return unwrapped(schema)?.shape;
}
