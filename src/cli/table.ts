/** Plain-text tables for the terminal: aligned columns, numbers right-aligned, units in the headers. */
import { fixedDecimals } from '../model/fixed-decimals.js';

export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number;
  /** Right-align (default for numbers). */
  readonly align?: 'left' | 'right';
}

export function formatTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const right = columns.map(
    (c, j) =>
      c.align === 'right' || (c.align === undefined && cells.some((row) => typeof row[j] === 'number')),
  );
  const text = cells.map((row) => row.map((v) => String(v)));
  const widths = columns.map((c, j) => Math.max(c.header.length, ...text.map((row) => row[j]!.length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, j) => (right[j] ? v.padStart(widths[j]!) : v.padEnd(widths[j]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join(
    '\n',
  );
}

/** A number with thousands separators and a fixed number of decimals. */
export function num(x: number, decimals = 0): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '–';
  return fixedDecimals(x, decimals);
}
