/**
 * Provenance of figures: every number in a network can say where it comes from, a source in the
 * `sources` list or an `estimate` note saying how it was made. A file that lists sources is held
 * to that for every figure.
 */
import { type Issue, issue } from './issue.js';
import type { NetworkModel, ProvenanceRefModel } from './schema.js';
import { didYouMean } from './suggest.js';

/** Fields that hold figures although their value is not a number. */
const NON_NUMERIC_FIGURES = new Set([
  'time',
  'steps',
  'gauge_change',
  'transshipment',
  'opens',
  'closes',
  'max_wait',
  'hours',
  'monthly_profile',
]);

/** Parts of an entry that are entries of their own, with their own provenance. */
const NESTED = new Set(['directions', 'timeline']);

type Entry = Readonly<Record<string, unknown>> & {
  provenance?: Readonly<Record<string, ProvenanceRefModel>>;
};

/** The figure fields an entry holds, by name; `dated` for a dated change, whose dates are figures too. */
export function figureFields(entry: Entry, dated = false): string[] {
  return Object.entries(entry)
    .filter(([key, value]) => {
      if (key === 'provenance' || value === undefined || NESTED.has(key)) return false;
      if (dated && (key === 'from' || key === 'until')) return true;
      if (key === 'hours') return value !== '24/7';
      if (key === 'distance_km' && value === 0) return false;
      return typeof value === 'number' || NON_NUMERIC_FIGURES.has(key);
    })
    .map(([key]) => key);
}

/** Splits a provenance key such as "lon, lat" into field names. */
export function provenanceKeyFields(key: string): string[] {
  return key
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
}

/** The provenance of one field of an entry, if given. */
export function provenanceOf(entry: Entry, field: string): ProvenanceRefModel | undefined {
  const p = entry.provenance;
  if (!p) return undefined;
  for (const [key, ref] of Object.entries(p)) if (provenanceKeyFields(key).includes(field)) return ref;
  return p['*'];
}

export function checkProvenance(model: NetworkModel, declaredSources: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const strict = model.sources.length > 0;
  /** `covering`: the provenance of the entry a direction or a dated change belongs to, whose "*" covers it too. */
  const visit = (path: (string | number)[], entry: Entry, dated = false, covering?: Entry) => {
    const figures = figureFields(entry, dated);
    for (const [key, ref] of Object.entries(entry.provenance ?? {})) {
      for (const field of provenanceKeyFields(key)) {
        if (field !== '*' && !(field in entry)) {
          issues.push(
            issue(
              'unknown_provenance_field',
              [...path, 'provenance', key],
              `"${field}" is not a field of this entry${didYouMean(field, figures)}`,
            ),
          );
        }
      }
      const source = typeof ref === 'string' ? ref : 'source' in ref ? ref.source : undefined;
      if (source !== undefined && !declaredSources.has(source)) {
        issues.push(
          issue(
            'unknown_source',
            [...path, 'provenance', key],
            `unknown source "${source}"${didYouMean(source, declaredSources)}: add it to \`sources\` or write {estimate: "how"}`,
          ),
        );
      }
    }
    if (!strict) return;
    const covered = covering?.provenance?.['*'] !== undefined;
    const missing = covered ? [] : figures.filter((f) => provenanceOf(entry, f) === undefined);
    if (missing.length > 0) {
      issues.push(
        issue(
          'missing_provenance',
          [...path, 'provenance'],
          `no source or estimate for ${missing.join(', ')}: add provenance: {${missing[0]}: <source id>} or {estimate: "how"}`,
          'warning',
        ),
      );
    }
  };
  const visitDirections = (path: (string | number)[], directions: unknown, owner: Entry) => {
    for (const [key, d] of Object.entries((directions ?? {}) as Record<string, Entry>))
      visit([...path, 'directions', key], d, false, owner);
  };
  for (const list of [
    'units',
    'nodes',
    'links',
    'crossings',
    'services',
    'demand',
    'cargo_classes',
  ] as const) {
    (model[list] as readonly Entry[]).forEach((e, i) => {
      visit([list, i], e);
      visitDirections([list, i], e.directions, e);
      ((e.timeline ?? []) as readonly Entry[]).forEach((change, k) => {
        visit([list, i, 'timeline', k], change, true, e);
        visitDirections([list, i, 'timeline', k], change.directions, e);
      });
    });
  }
  for (const [mode, props] of Object.entries(model.modes)) visit(['modes', mode], props as Entry);
  return issues;
}
