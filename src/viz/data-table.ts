/**
 * The table behind a chart or a map: the same figures as text, for screen readers, for copying and
 * for anyone who cannot tell the marks apart. Numbers right-aligned in tabular figures.
 */
import { htmlEl, type VizDocument, type VizElement } from './dom.js';

export interface TableColumn {
  /** Header with its unit: `wait, h`, `cost, USD per FEU`. */
  readonly label: string;
  /** Right-aligned figures. */
  readonly numeric?: boolean;
}

export interface TableSpec {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  /** Cells as text, already formatted; the first cell of a row is its header. */
  readonly rows: readonly (readonly string[])[];
}

/** A `<table>` with a caption, column headers and row headers. */
export function dataTable(doc: VizDocument, spec: TableSpec): VizElement {
  const head = htmlEl(
    doc,
    'tr',
    {},
    ...spec.columns.map((c) =>
      htmlEl(doc, 'th', { scope: 'col', class: c.numeric ? 'num' : undefined }, c.label),
    ),
  );
  const body = spec.rows.map((row) =>
    htmlEl(
      doc,
      'tr',
      {},
      ...row.map((cell, i) =>
        i === 0
          ? htmlEl(doc, 'th', { scope: 'row' }, cell)
          : htmlEl(doc, 'td', { class: spec.columns[i]?.numeric ? 'num' : undefined }, cell),
      ),
    ),
  );
  return htmlEl(
    doc,
    'table',
    { class: 'viz-table' },
    htmlEl(doc, 'caption', {}, spec.caption),
    htmlEl(doc, 'thead', {}, head),
    htmlEl(doc, 'tbody', {}, ...body),
  );
}
