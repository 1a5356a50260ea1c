/**
 * The meaning of demand entries: a quantity that converts to tonnes by one rule (t_per_year, or
 * units_per_day × the unit's tonnes × 365, the two agreeing when both are given), a unit that
 * resolves, two different places, a cargo class that exists, and a monthly profile that is not all zero.
 */
import { type Issue, issue } from './issue.js';
import type { DemandModel, NetworkModel } from './schema.js';
import { didYouMean } from './suggest.js';

/** Relative difference allowed between t_per_year and units_per_day converted to tonnes a year. */
export const DEMAND_AGREEMENT = 0.01;

/** The unit a demand's units_per_day counts: `unit`, else the unit of its `mode`. */
export function demandUnitId(model: NetworkModel, d: DemandModel): string | undefined {
  return d.unit ?? (d.mode ? model.modes[d.mode]?.unit : undefined);
}

/** The cargo class whose unserved cost a demand takes: `cargo_class`, else the class whose id is its `cargo`. */
export function demandCargoClassId(model: NetworkModel, d: DemandModel): string | undefined {
  if (d.cargo_class !== undefined) return d.cargo_class;
  return d.cargo !== undefined && model.cargo_classes.some((c) => c.id === d.cargo) ? d.cargo : undefined;
}

export function checkDemand(
  model: NetworkModel,
  unitIds: ReadonlySet<string>,
  classIds: ReadonlySet<string> = new Set(model.cargo_classes.map((c) => c.id)),
): Issue[] {
  const issues: Issue[] = [];
  const tonnes = new Map(model.units.map((u) => [u.id, u.t]));
  model.demand.forEach((d, i) => {
    const path = ['demand', i];
    if (d.from === d.to) {
      issues.push(issue('invalid_value', [...path, 'to'], 'origin and destination are the same node'));
    }
    if (d.units_per_day === undefined && d.t_per_year === undefined) {
      issues.push(issue('missing_quantity', path, 'a demand needs `units_per_day` or `t_per_year`'));
    }
    if (d.unit !== undefined && !unitIds.has(d.unit)) {
      issues.push(
        issue(
          'unknown_reference',
          [...path, 'unit'],
          `unknown unit "${d.unit}"${didYouMean(d.unit, unitIds)}: declare it under \`units\``,
        ),
      );
    } else if (d.units_per_day !== undefined) {
      const unitId = demandUnitId(model, d);
      const t = unitId === undefined ? undefined : tonnes.get(unitId);
      if (d.unit === undefined && d.mode === undefined) {
        issues.push(
          issue(
            'missing_field',
            [...path, 'unit'],
            'with `units_per_day`, say which `unit` (or which `mode`, whose unit is used)',
          ),
        );
      } else if (t === undefined) {
        issues.push(
          issue(
            'missing_field',
            [...path, 'unit'],
            `units_per_day counts units of ${d.mode}, but the network's \`modes\` give ${d.mode} no declared unit: add \`unit\` or \`t_per_year\``,
          ),
        );
      } else if (d.t_per_year !== undefined) {
        const fromUnits = d.units_per_day * t * 365;
        const gap = Math.abs(fromUnits - d.t_per_year) / d.t_per_year;
        if (gap > DEMAND_AGREEMENT) {
          issues.push(
            issue(
              'invalid_value',
              [...path, 't_per_year'],
              `t_per_year ${d.t_per_year} and units_per_day × ${t} t × 365 = ${Math.round(fromUnits)} differ by ${(gap * 100).toFixed(1)} %: give one of them, or make them agree`,
            ),
          );
        }
      }
    }
    if (d.cargo_class !== undefined && !classIds.has(d.cargo_class)) {
      issues.push(
        issue(
          'unknown_reference',
          [...path, 'cargo_class'],
          `unknown cargo class "${d.cargo_class}"${didYouMean(d.cargo_class, classIds)}: declare it under \`cargo_classes\``,
        ),
      );
    }
    if (d.monthly_profile?.every((x) => x === 0)) {
      issues.push(
        issue('invalid_value', [...path, 'monthly_profile'], 'a monthly profile needs a month above 0'),
      );
    }
  });
  return issues;
}
