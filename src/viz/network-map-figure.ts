/**
 * The network map as a figure: the map, its finding as title, the source line and a table of the
 * crossings (waits, changes) and the links that carry flow, behind it.
 */
import type { TableSpec } from './data-table.js';
import type { VizDocument, VizElement } from './dom.js';
import { figure } from './figure.js';
import { formatMagnitude, formatMt, formatPercent, formatSigned, waitUnit } from './format.js';
import { type NetworkMapData, type NetworkMapOptions, networkMap } from './network-map.js';

export interface NetworkMapFigureOptions extends NetworkMapOptions {
  /** The finding the map shows (also the map's accessible name). */
  readonly title: string;
  readonly caption?: string;
}

/** The map in a `<figure>` with a table of crossings and of links with flow. */
export function networkMapFigure(
  doc: VizDocument,
  data: NetworkMapData,
  options: NetworkMapFigureOptions,
): VizElement {
  const map = networkMap(doc, data, options);
  return figure(doc, {
    id: options.id === undefined ? undefined : `${options.id}-figure`,
    title: options.title,
    caption: options.caption,
    body: [map],
    table: mapTable(data),
  });
}

function mapTable(data: NetworkMapData): TableSpec {
  const crossings = data.crossings ?? [];
  const isComparison = crossings.some((c) => c.wait_base_h !== undefined);
  const waits = crossings.flatMap((c) => [c.wait_h ?? 0, c.wait_base_h ?? 0]);
  const unit = waitUnit(Math.max(0, ...waits));
  const byId = new Map(data.nodes.map((n) => [n.id, n.name]));
  const rows: string[][] = [];
  const sorted = [...crossings].sort(
    (a, b) => (b.wait_base_h ?? b.wait_h ?? 0) - (a.wait_base_h ?? a.wait_h ?? 0) || a.id.localeCompare(b.id),
  );
  for (const c of sorted) {
    const change = c.wait_base_h === undefined ? undefined : (c.wait_h ?? 0) - c.wait_base_h;
    const ci = c.wait_change_ci95_h;
    const f = (x: number) => formatSigned(unit === 'd' ? x / 24 : x);
    const w = (h: number) => formatMagnitude(unit === 'd' ? h / 24 : h);
    rows.push([
      `${c.name} (crossing)`,
      c.mode ?? '',
      ...(isComparison ? [c.wait_base_h === undefined ? '–' : w(c.wait_base_h)] : []),
      c.wait_h === undefined ? '–' : w(c.wait_h),
      ...(isComparison
        ? [
            change === undefined
              ? '–'
              : `${f(change)}${ci ? ` (${f(ci[0])} to ${f(ci[1])})${ci[0] <= 0 && ci[1] >= 0 ? ', not significant' : ''}` : ''}`,
          ]
        : []),
      '',
      c.utilization === undefined ? '–' : formatPercent(c.utilization),
    ]);
  }
  const links = data.links
    .filter((l) => (l.flow_t_per_year ?? 0) > 0)
    .sort((a, b) => (b.flow_t_per_year ?? 0) - (a.flow_t_per_year ?? 0) || a.id.localeCompare(b.id));
  for (const l of links) {
    rows.push([
      l.name ?? `${byId.get(l.from) ?? l.from} – ${byId.get(l.to) ?? l.to}`,
      l.mode,
      ...(isComparison ? ['', '', ''] : ['']),
      formatMt(l.flow_t_per_year ?? 0, false),
      l.utilization === undefined ? '–' : formatPercent(l.utilization),
    ]);
  }
  return {
    caption: 'crossings (mean wait) and links with flow',
    columns: [
      { label: 'crossing or link' },
      { label: 'mode' },
      ...(isComparison
        ? [
            { label: `mean wait, base, ${unit}`, numeric: true },
            { label: `mean wait, variant, ${unit}`, numeric: true },
            { label: `change, ${unit} (95 % CI)`, numeric: true },
          ]
        : [{ label: `mean wait, ${unit}`, numeric: true }]),
      { label: 'flow, Mt/yr', numeric: true },
      { label: 'utilization, % of capacity', numeric: true },
    ],
    rows,
  };
}
