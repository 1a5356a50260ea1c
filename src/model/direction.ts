/**
 * Directions of a link, crossing or service: `from → to` (forward) and, when bidirectional, back.
 * Fields under `directions["<from>-><to>"]` hold for that direction only, over the entry's own.
 */

/** The key of a direction: `<from>-><to>` by node id. */
export function directionKey(from: string, to: string): string {
  return `${from}->${to}`;
}

interface Directed {
  readonly from: string;
  readonly to: string;
  readonly bidirectional: boolean;
  readonly directions?: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined;
}

/** The keys of the directions an entry can be travelled in: forward first. */
export function directionKeys(e: Pick<Directed, 'from' | 'to' | 'bidirectional'>): string[] {
  const forward = directionKey(e.from, e.to);
  return e.bidirectional ? [forward, directionKey(e.to, e.from)] : [forward];
}

/**
 * The entry as seen travelling one way (0: from → to, 1: back): its own fields with that direction's
 * fields over them. Capacities given for the entry as a whole are shared by both directions and are
 * not part of a direction's view (read them from the entry).
 */
export function directionView<T extends Directed>(entry: T, reversed: boolean): Omit<T, 'directions'> {
  const key = reversed ? directionKey(entry.to, entry.from) : directionKey(entry.from, entry.to);
  const own = entry.directions?.[key];
  const {
    directions: _all,
    capacity_t_per_year,
    capacity_units_per_day,
    capacity_trains_per_day,
    ...rest
  } = entry as T & Record<string, unknown>;
  const view: Record<string, unknown> = { ...rest, ...(own ?? {}) };
  if (own?.provenance !== undefined) {
    view.provenance = { ...((rest.provenance as object | undefined) ?? {}), ...(own.provenance as object) };
  }
  void capacity_t_per_year;
  void capacity_units_per_day;
  void capacity_trains_per_day;
  return view as Omit<T, 'directions'>;
}
