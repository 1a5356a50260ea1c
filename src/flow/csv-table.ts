/**
 * A small CSV reader for hand-written tables: a header row, comma-separated cells, optional double
 * quotes, blank lines and `#` comments skipped, each row with its line number.
 */

export interface CsvRow {
  /** 1-based line in the file. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly headerLine: number;
  readonly rows: readonly CsvRow[];
}

/** Splits CSV text into a header and rows; returns an error with its line for malformed quoting. */
export function readCsv(text: string): CsvTable | { error: string; line: number } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | undefined;
  let headerLine = 0;
  const rows: CsvRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const cells = splitLine(raw);
    if (cells === undefined) return { error: 'unbalanced double quote', line: i + 1 };
    if (!header) {
      header = cells.map((c) => c.trim().toLowerCase());
      headerLine = i + 1;
    } else rows.push({ line: i + 1, cells: cells.map((c) => c.trim()) });
  }
  if (!header) return { error: 'the file is empty: expected a header row', line: 1 };
  return { header, headerLine, rows };
}

function splitLine(line: string): string[] | undefined {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  if (quoted) return undefined;
  out.push(cell);
  return out;
}
