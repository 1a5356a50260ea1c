/**
 * The meaning of per-direction fields and dated changes: a direction names one of its entry's
 * directions; a change ends after it starts; the calendars and time zones they set can happen; and
 * every state an entry passes through over time is still a whole entry (a service still knows when
 * it departs).
 */
import { parseHours, utcOffsetHours } from './calendar.js';
import { directionKeys } from './direction.js';
import { type Issue, issue, type PathSegment } from './issue.js';
import type { NetworkModel } from './schema.js';
import { didYouMean } from './suggest.js';
import { trainTonnes } from './train-unit.js';

type Variant = Readonly<Record<string, unknown>>;

interface Directed {
  readonly from: string;
  readonly to: string;
  readonly bidirectional?: boolean;
  readonly directions?: Readonly<Record<string, Variant>> | undefined;
  readonly timeline?: readonly (Variant & { from: string; until?: string | undefined })[] | undefined;
}

export function checkVariants(model: NetworkModel): Issue[] {
  const issues: Issue[] = [];
  const hasTrain = trainTonnes(model) !== undefined;
  const checkTrains = (fields: Variant | undefined, path: PathSegment[]) => {
    if (hasTrain || fields?.capacity_trains_per_day === undefined) return;
    issues.push(
      issue(
        'missing_field',
        [...path, 'capacity_trains_per_day'],
        'trains per day need the tonnes of a train: declare a unit `train` under `units` (e.g. {id: train, t: 1000})',
      ),
    );
  };
  const lists = ['links', 'crossings', 'services'] as const;
  for (const list of lists) {
    (model[list] as readonly Directed[]).forEach((e, i) => {
      const path: PathSegment[] = [list, i];
      const checkAll = (fields: Variant, at: PathSegment[]) => {
        checkCalendar(fields, at, issues);
        checkTrains(fields, at);
        const directions = fields.directions as Directed['directions'];
        checkDirections(e, directions, [...at, 'directions'], issues);
        for (const [key, d] of Object.entries(directions ?? {})) checkTrains(d, [...at, 'directions', key]);
      };
      checkAll(e as unknown as Variant, path);
      e.timeline?.forEach((change, k) => {
        const at = [...path, 'timeline', k];
        checkRange(change, at, issues);
        checkAll(change, at);
      });
    });
  }
  model.nodes.forEach((n, i) => {
    n.timeline?.forEach((change, k) => {
      checkRange(change, ['nodes', i, 'timeline', k], issues);
    });
  });
  model.services.forEach((s, i) => {
    const states = [s, ...(s.timeline ?? []).map((c) => ({ ...s, ...c }))];
    states.forEach((state, k) => {
      if (state.departures_per_week === undefined && !state.departs_when_full) {
        issues.push(
          issue(
            'missing_field',
            k === 0 ? ['services', i] : ['services', i, 'timeline', k - 1],
            'a service needs `departures_per_week`, `departs_when_full: true`, or both',
          ),
        );
      }
    });
  });
  return issues;
}

function checkDirections(
  e: Directed,
  directions: Directed['directions'],
  path: PathSegment[],
  issues: Issue[],
): void {
  if (!directions) return;
  const keys = directionKeys({ from: e.from, to: e.to, bidirectional: e.bidirectional ?? true });
  for (const [key, fields] of Object.entries(directions)) {
    if (!keys.includes(key)) {
      const oneWay = keys.length === 1 ? ' (the entry is one-way)' : '';
      issues.push(
        issue(
          'unknown_reference',
          [...path, key],
          `"${key}" is not a direction of this entry${oneWay}${didYouMean(key, keys)}: use ${keys.map((k) => `"${k}"`).join(' or ')}`,
        ),
      );
    }
    checkCalendar(fields, [...path, key], issues);
  }
}

function checkCalendar(fields: Variant, path: PathSegment[], issues: Issue[]): void {
  if (typeof fields.hours === 'string') {
    const hours = parseHours(fields.hours);
    if ('error' in hours) issues.push(issue('bad_calendar', [...path, 'hours'], hours.error));
  }
  if (typeof fields.tz === 'string') {
    const tz = utcOffsetHours(fields.tz);
    if ('error' in tz) issues.push(issue('bad_timezone', [...path, 'tz'], tz.error));
  }
}

function checkRange(
  change: { from: string; until?: string | undefined },
  path: PathSegment[],
  issues: Issue[],
) {
  if (change.until !== undefined && change.until <= change.from) {
    issues.push(
      issue('bad_date', [...path, 'until'], `until (${change.until}) must come after from (${change.from})`),
    );
  }
}
