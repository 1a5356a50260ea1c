/**
 * Scenarios: a small overlay on a base network — fields changed on entries found by id, entries
 * removed and added — so that a what-if (24-hour operation, another lane, a closed border) is a
 * few lines that can be compared with the base side by side.
 */
import { z } from 'zod';
import { formatPath, type Issue, issue, type PathSegment } from './issue.js';
import { pathSegments } from './load.js';
import { MODES, ModeProperties, Source } from './schema.js';
import { fromSchemaIssues } from './schema-issues.js';
import { didYouMean } from './suggest.js';

export const SCENARIO_FORMAT = 'caravan-scenario/1';
const LISTS = ['nodes', 'links', 'crossings', 'services', 'demand', 'units', 'sources'] as const;
type ListName = (typeof LISTS)[number];

const fieldChanges = z
  .record(z.string(), z.unknown())
  .describe('fields to set on the entry; null removes a field');

export const Scenario = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  name: z.string().min(1),
  description: z.string().optional(),
  changes: z
    .partialRecord(z.enum(LISTS), z.record(z.string(), fieldChanges))
    .default({})
    .describe(
      'per list, entries by id and the fields to change, e.g. crossings: {nur-zholy-khorgos: {hours: "24/7"}}',
    ),
  modes: z
    .partialRecord(z.enum(MODES), ModeProperties.partial())
    .default({})
    .describe('mode properties to change'),
  remove: z
    .partialRecord(z.enum(LISTS), z.array(z.string()))
    .default({})
    .describe('per list, ids of entries to remove'),
  add: z.partialRecord(z.enum(LISTS), z.array(z.unknown())).default({}).describe('per list, entries to add'),
  sources: z.array(Source).default([]).describe('sources cited by the scenario, added to the network'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
    .optional()
    .describe(
      'the day the scenario is about (a dated closure): compare takes the network on it unless --date is given',
    ),
  simulation: z
    .strictObject({
      e_queue: z
        .array(z.string().min(1))
        .min(1)
        .describe('crossings (ids) with an appointment queue (e-queue) in the simulation'),
      provenance: z.record(z.string(), z.unknown()).optional(),
    })
    .optional()
    .describe('how the simulation runs under the scenario (settings that are not network data)'),
});
export type ScenarioModel = z.output<typeof Scenario>;

/** The id an entry is known by: its id, or the default id of links and demand. */
export function entryId(list: ListName, entry: Record<string, unknown>): string | undefined {
  if (typeof entry.id === 'string') return entry.id;
  if (list === 'links') return `${entry.from}-${entry.to}-${entry.mode}`;
  if (list === 'demand') return `${entry.from}->${entry.to}`;
  return undefined;
}

export function parseScenario(data: unknown): { scenario?: ScenarioModel; issues: Issue[] } {
  const format = (data as { format?: unknown } | null)?.format;
  if (format !== SCENARIO_FORMAT) {
    const what =
      format === 'caravan/1' ? 'this is a network, not a scenario' : 'this is not a Caravan scenario';
    return {
      issues: [
        issue('wrong_format', 'format', `${what}: a scenario starts with "format: ${SCENARIO_FORMAT}"`),
      ],
    };
  }
  const r = Scenario.safeParse(data, { reportInput: true });
  if (r.success) return { scenario: r.data, issues: [] };
  return { issues: fromSchemaIssues(r.error.issues, [], () => Object.keys(Scenario.shape)) };
}

/**
 * Applies a scenario to network data (as read from the file, before validation). Returns the new
 * data, or issues located in the scenario (unknown ids, with suggestions). The result must still
 * be validated as a network.
 */
export function applyScenario(
  network: unknown,
  scenario: ScenarioModel,
): { network?: Record<string, unknown>; issues: Issue[] } {
  const issues: Issue[] = [];
  const base = structuredClone(network) as Record<string, unknown>;
  const listOf = (name: ListName): Record<string, unknown>[] => {
    const l = base[name];
    if (Array.isArray(l)) return l as Record<string, unknown>[];
    const fresh: Record<string, unknown>[] = [];
    base[name] = fresh;
    return fresh;
  };
  const ids = (name: ListName) =>
    listOf(name)
      .filter((e) => typeof e === 'object' && e !== null)
      .map((e) => entryId(name, e))
      .filter((x): x is string => x !== undefined);

  for (const [name, entries] of Object.entries(scenario.changes) as [
    ListName,
    Record<string, Record<string, unknown>>,
  ][]) {
    const list = listOf(name);
    for (const [id, fields] of Object.entries(entries)) {
      const entry = list.find((e) => entryId(name, e) === id);
      if (!entry) {
        issues.push(
          issue(
            'unknown_reference',
            ['changes', name, id],
            `no ${name} entry "${id}" in the network${didYouMean(id, ids(name))}`,
          ),
        );
        continue;
      }
      for (const [field, value] of Object.entries(fields)) {
        if (value === null) delete entry[field];
        else if (
          field === 'provenance' &&
          typeof value === 'object' &&
          typeof entry.provenance === 'object' &&
          entry.provenance
        ) {
          // Provenance merges key by key; a key set to null is removed (with the field it covered).
          const merged: Record<string, unknown> = { ...(entry.provenance as object), ...(value as object) };
          for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
          entry.provenance = merged;
        } else entry[field] = value;
      }
    }
  }
  for (const [name, removed] of Object.entries(scenario.remove) as [ListName, string[]][]) {
    const list = listOf(name);
    removed.forEach((id, i) => {
      const at = list.findIndex((e) => entryId(name, e) === id);
      if (at < 0)
        issues.push(
          issue(
            'unknown_reference',
            ['remove', name, i],
            `no ${name} entry "${id}" in the network${didYouMean(id, ids(name))}`,
          ),
        );
      else list.splice(at, 1);
    });
  }
  for (const [name, added] of Object.entries(scenario.add) as [ListName, Record<string, unknown>[]][]) {
    listOf(name).push(...structuredClone(added));
  }
  listOf('sources').push(...scenario.sources);
  if (Object.keys(scenario.modes).length > 0) {
    const modes = (typeof base.modes === 'object' && base.modes ? base.modes : {}) as Record<
      string,
      Record<string, unknown>
    >;
    for (const [mode, props] of Object.entries(scenario.modes))
      modes[mode] = { ...(modes[mode] ?? {}), ...props };
    base.modes = modes;
  }
  const crossingIds = scenario.simulation ? ids('crossings') : [];
  scenario.simulation?.e_queue.forEach((id, i) => {
    if (!crossingIds.includes(id))
      issues.push(
        issue(
          'unknown_reference',
          ['simulation', 'e_queue', i],
          `no crossing "${id}" in the network${didYouMean(id, crossingIds)}`,
        ),
      );
  });
  return issues.length > 0 ? { issues } : { network: base, issues };
}

/**
 * Where in the scenario a path into the network it produced comes from: a field the scenario
 * changed (`changes.crossings.<id>.<field>…`), an entry it added (`add.<list>[k]…`), a mode it
 * changed, or undefined when the path points at what the base network already had.
 */
export function scenarioPath(
  applied: Record<string, unknown>,
  scenario: ScenarioModel,
  issuePath: string,
): string | undefined {
  const path = pathSegments(issuePath);
  const found = scenarioSegments(applied, scenario, path);
  return found === undefined ? undefined : formatPath(found);
}

function scenarioSegments(
  applied: Record<string, unknown>,
  scenario: ScenarioModel,
  path: readonly PathSegment[],
): PathSegment[] | undefined {
  const [list, index, field, ...rest] = path;
  if (list === 'modes' && typeof index === 'string' && field !== undefined) {
    const props = scenario.modes[index as keyof typeof scenario.modes] as Record<string, unknown> | undefined;
    return props && field in props ? ['modes', index, field, ...rest] : undefined;
  }
  if (!(LISTS as readonly unknown[]).includes(list) || typeof index !== 'number') return undefined;
  const name = list as ListName;
  const entries = applied[name];
  if (!Array.isArray(entries)) return undefined;
  const entry = entries[index] as Record<string, unknown> | undefined;
  if (!entry) return undefined;
  const id = entryId(name, entry);
  const added = scenario.add[name] ?? [];
  const k = added.findIndex(
    (e) => typeof e === 'object' && e !== null && entryId(name, e as Record<string, unknown>) === id,
  );
  if (k >= 0) return ['add', name, k, ...path.slice(2)];
  const changed = id !== undefined ? scenario.changes[name]?.[id] : undefined;
  if (changed) {
    if (typeof field === 'string' && field in changed) return ['changes', name, id!, field, ...rest];
    if (field === undefined) return ['changes', name, id!];
  }
  return undefined;
}
