/**
 * Freight demand as an origin–destination matrix in tonnes per year by cargo type, from a network's
 * `demand` (t_per_year, or units_per_day × tonnes per unit × 365).
 */
import { InputError, type Issue, issue } from '../model/issue.js';
import type { Mode, NetworkModel } from '../model/schema.js';

/** One origin–destination flow to assign. */
export interface OdDemand {
  readonly id: string;
  /** Node ids. */
  readonly from: string;
  readonly to: string;
  readonly cargo: string;
  readonly tPerYear: number;
  /** Growth a year (0.05 = 5 %), when the input gives one. */
  readonly growthPerYear?: number | undefined;
  /** Modes the cargo may use; undefined for all. */
  readonly modes?: readonly Mode[] | undefined;
  /** What a tonne left unserved costs, USD (`unserved_cost_usd_per_t`); undefined: the assignment's default. */
  readonly unservedCostUsdPerT?: number | undefined;
}

/** Cargo type of entries that name none. */
export const DEFAULT_CARGO = 'general';

const DAYS_PER_YEAR = 365;

/** The model's demand as OD flows in tonnes per year. Throws an InputError for an entry that cannot be converted. */
export function demandMatrix(model: NetworkModel): OdDemand[] {
  const issues: Issue[] = [];
  const out: OdDemand[] = [];
  const ids = new UniqueIds();
  model.demand.forEach((d, i) => {
    let t = d.t_per_year;
    if (t === undefined && d.units_per_day !== undefined) {
      const unitId = d.unit ?? (d.mode ? model.modes[d.mode]?.unit : undefined);
      const unit = model.units.find((u) => u.id === unitId);
      if (!unit) {
        issues.push(
          issue(
            'missing_quantity',
            ['demand', i, 'unit'],
            'units_per_day needs a `unit` declared under `units` (or a `mode` whose unit is declared) to convert to tonnes',
          ),
        );
        return;
      }
      t = d.units_per_day * unit.t * DAYS_PER_YEAR;
    }
    if (t === undefined) {
      issues.push(issue('missing_quantity', ['demand', i], 'a demand needs `t_per_year` or `units_per_day`'));
      return;
    }
    const cargo = d.cargo ?? DEFAULT_CARGO;
    out.push({
      id: ids.take(d.id ?? `${d.from}->${d.to}${d.cargo ? `:${d.cargo}` : ''}`),
      from: d.from,
      to: d.to,
      cargo,
      tPerYear: t,
      growthPerYear: d.growth_per_year,
      modes: d.modes,
      unservedCostUsdPerT: d.unserved_cost_usd_per_t,
    });
  });
  if (issues.length > 0) throw new InputError(issues);
  return out;
}

/** Makes ids unique by appending #2, #3, … to repeats. */
export class UniqueIds {
  private readonly seen = new Map<string, number>();
  take(id: string): string {
    const n = (this.seen.get(id) ?? 0) + 1;
    this.seen.set(id, n);
    return n === 1 ? id : `${id}#${n}`;
  }
}

/** Total tonnes per year of a demand list. */
export function totalDemand(demand: readonly OdDemand[]): number {
  return demand.reduce((s, d) => s + d.tPerYear, 0);
}
