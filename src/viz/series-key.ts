/**
 * The key above a chart: one entry per series (scenario) or mark kind, each drawn as the chart draws
 * it (colour, dash, symbol), so that it reads in grey scale too.
 */
import { htmlEl, svgEl, type VizDocument, type VizElement } from './dom.js';
import { INK } from './palette.js';

export type KeySymbol =
  | { readonly kind: 'line'; readonly color: string; readonly dash?: string; readonly width?: number }
  | { readonly kind: 'bar'; readonly color: string }
  | { readonly kind: 'dot'; readonly color: string; readonly filled: boolean }
  | { readonly kind: 'square' | 'triangle'; readonly color: string };

export interface KeyEntry {
  readonly label: string;
  readonly symbol: KeySymbol;
}

function symbolSvg(doc: VizDocument, s: KeySymbol): VizElement {
  const svg = svgEl(doc, 'svg', { width: 26, height: 12, viewBox: '0 0 26 12', 'aria-hidden': 'true' });
  switch (s.kind) {
    case 'line':
      svg.append(
        svgEl(doc, 'line', {
          x1: 1,
          y1: 6,
          x2: 25,
          y2: 6,
          stroke: s.color,
          'stroke-width': s.width ?? 2,
          'stroke-dasharray': s.dash || undefined,
        }) as never,
      );
      break;
    case 'bar':
      svg.append(svgEl(doc, 'rect', { x: 3, y: 1, width: 20, height: 10, fill: s.color }) as never);
      break;
    case 'dot':
      svg.append(
        svgEl(doc, 'circle', {
          cx: 13,
          cy: 6,
          r: 4.5,
          fill: s.filled ? s.color : '#FFFFFF',
          stroke: s.color,
          'stroke-width': 1.8,
        }) as never,
      );
      break;
    case 'square':
      svg.append(
        svgEl(doc, 'rect', {
          x: 8.5,
          y: 1.5,
          width: 9,
          height: 9,
          fill: '#FFFFFF',
          stroke: s.color,
          'stroke-width': 1.5,
        }) as never,
      );
      break;
    case 'triangle':
      svg.append(
        svgEl(doc, 'path', {
          d: 'M13,1L18.5,11L7.5,11Z',
          fill: INK.outline,
          stroke: s.color,
          'stroke-width': 1,
        }) as never,
      );
      break;
  }
  return svg;
}

/** A `<ul class="viz-key">` of entries. */
export function seriesKey(doc: VizDocument, entries: readonly KeyEntry[]): VizElement {
  return htmlEl(
    doc,
    'ul',
    { class: 'viz-key' },
    ...entries.map((e) => htmlEl(doc, 'li', {}, symbolSvg(doc, e.symbol), e.label)),
  );
}
