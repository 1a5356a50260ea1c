/**
 * Demand as a CSV beside the network, `from,to,t_per_year[,cargo][,growth_per_year]`, one flow a
 * row, checked against the network with the file and line of each problem.
 */
import { InputError, type Issue, issue } from '../model/issue.js';
import type { NetworkModel } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';
import { nodeIndex } from '../network/lookup.js';
import { readCsv } from './csv-table.js';
import { DEFAULT_CARGO, type OdDemand, UniqueIds } from './demand.js';

export const DEMAND_COLUMNS = ['from', 'to', 't_per_year', 'cargo', 'growth_per_year', 'id'] as const;
const REQUIRED = ['from', 'to', 't_per_year'] as const;

/** Parses demand CSV text; throws an InputError listing every problem with its line. */
export function parseDemandCsv(text: string, file: string, model: NetworkModel): OdDemand[] {
  const at = (i: Issue, line: number): Issue => ({ ...i, file, line });
  const table = readCsv(text);
  if ('error' in table) throw new InputError([at(issue('parse_error', '', table.error), table.line)]);
  const issues: Issue[] = [];
  const col = new Map<string, number>();
  table.header.forEach((h, j) => {
    if ((DEMAND_COLUMNS as readonly string[]).includes(h)) {
      if (col.has(h))
        issues.push(at(issue('duplicate_id', h, `column "${h}" appears twice`), table.headerLine));
      col.set(h, j);
    } else {
      issues.push(
        at(
          issue(
            'unknown_field',
            h,
            `unknown column "${h}"${didYouMean(h, DEMAND_COLUMNS)}: columns are ${DEMAND_COLUMNS.join(', ')}`,
          ),
          table.headerLine,
        ),
      );
    }
  });
  for (const r of REQUIRED) {
    if (!col.has(r)) {
      issues.push(
        at(
          issue('missing_field', r, `missing column "${r}": the header must name from,to,t_per_year`),
          table.headerLine,
        ),
      );
    }
  }
  if (issues.length > 0) throw new InputError(issues);

  const nodes = nodeIndex(model);
  const labels = model.nodes.flatMap((n) => [n.id, n.name, ...(n.aliases ?? [])]);
  const ids = new UniqueIds();
  const out: OdDemand[] = [];
  table.rows.forEach((row, r) => {
    const cell = (name: string) => {
      const j = col.get(name);
      return j === undefined ? undefined : row.cells[j];
    };
    const path = (name: string) => `demand[${r}].${name}`;
    const node = (name: 'from' | 'to') => {
      const text = cell(name) ?? '';
      if (text === '') {
        issues.push(at(issue('missing_field', path(name), `empty "${name}": give a node id`), row.line));
        return undefined;
      }
      const found = nodes.find(text);
      if (!found) {
        issues.push(
          at(
            issue(
              'unknown_reference',
              path(name),
              `unknown node "${text}"${didYouMean(text, labels) || ': see `caravan network info`'}`,
            ),
            row.line,
          ),
        );
      }
      return found?.id;
    };
    if (row.cells.length > table.header.length) {
      issues.push(
        at(
          issue(
            'invalid_value',
            `demand[${r}]`,
            `${row.cells.length} cells for ${table.header.length} columns: quote a cell that contains a comma`,
          ),
          row.line,
        ),
      );
      return;
    }
    const from = node('from');
    const to = node('to');
    const t = number(cell('t_per_year'), path('t_per_year'), row.line, { positive: true });
    const growthText = cell('growth_per_year');
    const growth =
      growthText === undefined || growthText === ''
        ? undefined
        : number(growthText, path('growth_per_year'), row.line, { min: -1, max: 10 });
    if (from !== undefined && to !== undefined && from === to) {
      issues.push(
        at(issue('invalid_value', path('to'), 'origin and destination are the same node'), row.line),
      );
      return;
    }
    if (from === undefined || to === undefined || t === undefined) return;
    if (growthText !== undefined && growthText !== '' && growth === undefined) return;
    const cargo = cell('cargo') || DEFAULT_CARGO;
    out.push({
      id: ids.take(cell('id') || `${from}->${to}${cell('cargo') ? `:${cargo}` : ''}`),
      from,
      to,
      cargo,
      tPerYear: t,
      growthPerYear: growth,
    });
  });
  if (issues.length > 0) throw new InputError(issues);
  return out;

  function number(
    text: string | undefined,
    path: string,
    line: number,
    limits: { positive?: boolean; min?: number; max?: number },
  ): number | undefined {
    const value = text === undefined || text === '' ? Number.NaN : Number(text.replace(/_/g, ''));
    if (!Number.isFinite(value)) {
      issues.push(at(issue('invalid_type', path, `"${text ?? ''}" is not a number`), line));
      return undefined;
    }
    if (limits.positive && value <= 0) {
      issues.push(at(issue('non_positive', path, `${value} must be greater than 0`), line));
      return undefined;
    }
    if (
      (limits.min !== undefined && value < limits.min) ||
      (limits.max !== undefined && value > limits.max)
    ) {
      issues.push(
        at(
          issue(
            'invalid_value',
            path,
            `${value} is outside ${limits.min} … ${limits.max} (0.05 = 5 % a year)`,
          ),
          line,
        ),
      );
      return undefined;
    }
    return value;
  }
}
