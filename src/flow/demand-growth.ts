/**
 * Demand year by year: each flow grows at its own rate from a base year, D(y) = D × (1 + g)^(y − base),
 * the rates from the demand, a file of rates, or one rate for all.
 */
import { InputError, type Issue, issue } from '../model/issue.js';
import type { NetworkModel } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';
import { nodeIndex } from '../network/lookup.js';
import { readCsv } from './csv-table.js';
import type { OdDemand } from './demand.js';

/** A growth rate for the flows between two nodes (of one cargo type, when given). */
export interface GrowthRule {
  readonly from: string;
  readonly to: string;
  readonly cargo?: string | undefined;
  readonly growthPerYear: number;
}

/** One rate for every flow, or rules by origin–destination; flows no rule covers keep their own rate. */
export type GrowthSpec = number | readonly GrowthRule[];

/** A rate written as `0.05`, `5%` or `-2 %`; undefined when the text is not a rate. */
export function parseRate(text: string): number | undefined {
  const m = /^\s*([+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*(%)?\s*$/i.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]) / (m[2] ? 100 : 1);
  return Number.isFinite(value) ? value : undefined;
}

/** The growth rate a flow gets: the spec's, else its own, else 0. */
export function growthRate(d: OdDemand, spec?: GrowthSpec): number {
  if (typeof spec === 'number') return spec;
  if (spec) {
    const rule =
      spec.find((r) => r.from === d.from && r.to === d.to && r.cargo === d.cargo) ??
      spec.find((r) => r.from === d.from && r.to === d.to && r.cargo === undefined);
    if (rule) return rule.growthPerYear;
  }
  return d.growthPerYear ?? 0;
}

/** The demand of `year`, grown from `baseYear`. */
export function demandInYear(
  demand: readonly OdDemand[],
  year: number,
  options: { baseYear: number; growth?: GrowthSpec | undefined },
): OdDemand[] {
  return demand.map((d) => ({
    ...d,
    tPerYear: d.tPerYear * (1 + growthRate(d, options.growth)) ** (year - options.baseYear),
  }));
}

/** Parses a CSV of rates, `from,to[,cargo],growth_per_year`; throws an InputError with lines. */
export function parseGrowthCsv(text: string, file: string, model: NetworkModel): GrowthRule[] {
  const at = (i: Issue, line: number): Issue => ({ ...i, file, line });
  const table = readCsv(text);
  if ('error' in table) throw new InputError([at(issue('parse_error', '', table.error), table.line)]);
  const columns = ['from', 'to', 'cargo', 'growth_per_year'];
  const issues: Issue[] = [];
  for (const h of table.header) {
    if (!columns.includes(h) && h !== 't_per_year' && h !== 'id') {
      issues.push(
        at(issue('unknown_field', h, `unknown column "${h}"${didYouMean(h, columns)}`), table.headerLine),
      );
    }
  }
  for (const r of ['from', 'to', 'growth_per_year']) {
    if (!table.header.includes(r)) {
      issues.push(
        at(
          issue('missing_field', r, `missing column "${r}": the header must name from,to,growth_per_year`),
          table.headerLine,
        ),
      );
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  const nodes = nodeIndex(model);
  const labels = model.nodes.flatMap((n) => [n.id, n.name]);
  const rules: GrowthRule[] = [];
  const col = (name: string) => table.header.indexOf(name);
  table.rows.forEach((row, r) => {
    const cell = (name: string) => (col(name) >= 0 ? (row.cells[col(name)] ?? '') : '');
    const ref = (name: 'from' | 'to') => {
      const found = nodes.find(cell(name));
      if (!found) {
        issues.push(
          at(
            issue(
              'unknown_reference',
              `growth[${r}].${name}`,
              `unknown node "${cell(name)}"${didYouMean(cell(name), labels)}`,
            ),
            row.line,
          ),
        );
      }
      return found?.id;
    };
    const from = ref('from');
    const to = ref('to');
    const rate = parseRate(cell('growth_per_year'));
    if (rate === undefined || rate < -1 || rate > 10) {
      issues.push(
        at(
          issue(
            'invalid_value',
            `growth[${r}].growth_per_year`,
            `"${cell('growth_per_year')}" is not a growth rate between -1 and 10 (0.05 or 5% = 5 % a year)`,
          ),
          row.line,
        ),
      );
      return;
    }
    if (from === undefined || to === undefined) return;
    rules.push({ from, to, ...(cell('cargo') ? { cargo: cell('cargo') } : {}), growthPerYear: rate });
  });
  if (issues.length > 0) throw new InputError(issues);
  return rules;
}
