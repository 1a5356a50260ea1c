/**
 * Dated changes: an entry's `timeline` lists changes that hold from a day (and until another), so
 * that each year of an outlook and each simulated day sees the infrastructure of its time. The
 * network on a day is the network with the changes that hold that day applied in order.
 */
import type { NetworkModel } from './schema.js';

/** The year the demand figures describe, unless an analysis is told otherwise. */
export const DEFAULT_BASE_YEAR = 2024;

/** The day of a year on which its network is taken: 1 July. */
export function assessmentDate(year: number): string {
  return `${year}-07-01`;
}

/**
 * The day every analysis takes the network on when none is given: 1 July of the demand's base year,
 * so that route, simulate, assign, check and compare describe one dated state by default.
 */
export const DEFAULT_DATE = assessmentDate(DEFAULT_BASE_YEAR);

/** The fields of a timeline entry that describe the change itself, not what changes. */
const ENTRY_FIELDS = new Set(['from', 'until', 'note', 'provenance']);

interface Dated {
  readonly timeline?: readonly { readonly from: string; readonly until?: string | undefined }[] | undefined;
}

/** Whether a change holds on a day (YYYY-MM-DD; dates compare as text). */
export function holdsOn(entry: { from: string; until?: string | undefined }, date: string): boolean {
  return entry.from <= date && (entry.until === undefined || date < entry.until);
}

/**
 * An entry as it stands on a day: the fields of every change that holds, applied in order. Fields
 * replace the entry's own; `directions` merge direction by direction and field by field; provenance
 * merges field by field, so that a changed figure carries the source of its change.
 */
export function entryOn<T extends Dated>(entry: T, date: string): T {
  const changes = entry.timeline?.filter((c) => holdsOn(c, date)) ?? [];
  if (changes.length === 0) return entry;
  const out: Record<string, unknown> = { ...(entry as object) };
  for (const change of changes as readonly (Record<string, unknown> & { provenance?: unknown })[]) {
    for (const [field, value] of Object.entries(change)) {
      if (ENTRY_FIELDS.has(field)) continue;
      if (field === 'directions') out.directions = mergeDirections(out.directions, value);
      else out[field] = value;
    }
    if (change.provenance !== undefined) {
      out.provenance = {
        ...((out.provenance as object | undefined) ?? {}),
        ...(change.provenance as object),
      };
    }
  }
  return out as T;
}

function mergeDirections(base: unknown, change: unknown): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, fields] of Object.entries((base ?? {}) as Record<string, Record<string, unknown>>))
    out[key] = { ...fields };
  for (const [key, fields] of Object.entries((change ?? {}) as Record<string, Record<string, unknown>>)) {
    const merged = { ...(out[key] ?? {}), ...fields };
    if (fields.provenance !== undefined || out[key]?.provenance !== undefined) {
      merged.provenance = {
        ...((out[key]?.provenance as object | undefined) ?? {}),
        ...((fields.provenance as object | undefined) ?? {}),
      };
    }
    out[key] = merged;
  }
  return out;
}

/** The network as it stands on a day (YYYY-MM-DD): every entry with its changes of that day applied. */
export function networkOn(model: NetworkModel, date: string): NetworkModel {
  return {
    ...model,
    nodes: model.nodes.map((n) => entryOn(n, date)),
    links: model.links.map((l) => entryOn(l, date)),
    crossings: model.crossings.map((c) => entryOn(c, date)),
    services: model.services.map((s) => entryOn(s, date)),
  };
}

/** The days on which some entry changes (a change starts or ends), sorted: where outlooks step. */
export function changeDates(model: NetworkModel): string[] {
  const dates = new Set<string>();
  const lists: readonly (readonly Dated[])[] = [model.nodes, model.links, model.crossings, model.services];
  for (const list of lists) {
    for (const e of list)
      for (const c of e.timeline ?? []) {
        dates.add(c.from);
        if (c.until !== undefined) dates.add(c.until);
      }
  }
  return [...dates].sort();
}
