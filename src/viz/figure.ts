/**
 * A figure as the report and the dashboard show it: a title that states the finding, the graphic
 * (one SVG or a row of them), a source line, and the data table behind it in a disclosure.
 */
import { dataTable, type TableSpec } from './data-table.js';
import { htmlEl, type VizDocument, type VizElement } from './dom.js';

export interface FigureSpec {
  /** Id of the figure element (unique per page). */
  readonly id?: string | undefined;
  /** The finding, in words: "24-hour operation cuts the Nur Zholy wait from 11 days to under a day". */
  readonly title: string;
  /** What is drawn, with units, when the title does not say it. */
  readonly subtitle?: string | undefined;
  /** Sources and notes. */
  readonly caption?: string | undefined;
  /** A key to the marks, shown above the graphic. */
  readonly key?: VizElement | undefined;
  /** The graphics. */
  readonly body: readonly VizElement[];
  /** How the graphics are laid out: one under another, or side by side. */
  readonly layout?: 'stack' | 'row' | 'grid';
  readonly table?: TableSpec | undefined;
}

/** What every chart takes besides its data. */
export interface ChartFigureOptions {
  /** Id of the figure element (unique per page). */
  readonly id?: string;
  /** The finding, in words. */
  readonly title: string;
  /** Sources and notes. */
  readonly caption?: string;
  /** Width of the chart, px (default 640: prints on A4 at full size). */
  readonly width_px?: number;
}

/** A `<figure>` with its title, graphics, caption and data table. */
export function figure(doc: VizDocument, spec: FigureSpec): VizElement {
  for (const g of spec.body) {
    if (g.getAttribute('aria-label') === null) g.setAttribute('aria-label', spec.title);
  }
  return htmlEl(
    doc,
    'figure',
    { class: 'viz-figure', id: spec.id },
    htmlEl(doc, 'figcaption', { class: 'viz-title' }, spec.title),
    spec.subtitle !== undefined && htmlEl(doc, 'p', { class: 'viz-subtitle' }, spec.subtitle),
    spec.key,
    htmlEl(doc, 'div', { class: `viz-body viz-body-${spec.layout ?? 'stack'}` }, ...spec.body),
    spec.caption !== undefined && htmlEl(doc, 'p', { class: 'viz-source' }, spec.caption),
    spec.table &&
      htmlEl(
        doc,
        'details',
        { class: 'viz-data' },
        htmlEl(doc, 'summary', {}, `Data table: ${spec.table.caption}`),
        dataTable(doc, spec.table),
      ),
  );
}
