/**
 * The network map: muted country outlines, links coloured by mode (or by utilization) with widths
 * proportional to flow, crossings as circles whose area follows the wait (filled by the change in a
 * comparison), an optional highlighted route, labels for the largest, and a legend with units.
 * One SVG with a viewBox, so it scales; every mark has a `<title>` and an aria-label.
 */
import { geoGraticule10, geoPath } from 'd3-geo';
import type { CountryOutline } from './atlas.js';
import { changeMarker } from './change-marker.js';
import { isoNumeric } from './country-codes.js';
import { svgEl, svgTitle, type VizDocument, type VizElement } from './dom.js';
import { formatMt, formatPercent, formatSigned, formatWait, NBSP, waitUnit } from './format.js';
import { placeLabels } from './label-placement.js';
import { legendValues } from './legend-values.js';
import { layoutLegend } from './map-legend.js';
import { mapLegendSections } from './map-legend-sections.js';
import { changeClass, changeColor, changeThreshold, flowWidth, waitRadius } from './map-scales.js';
import { dashArray, INK, LAND, MODE_COLOR, type Mode, utilizationColor, WAIT_FILL } from './palette.js';
import {
  type LonLat,
  type MapFrame,
  mapFrame,
  offsetLine,
  type Point,
  pathData,
  projectLine,
  projectPoint,
} from './projection.js';
import { world110m } from './world-110m.js';

/** A place on the network. */
export interface MapNode {
  readonly id: string;
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
  /** Label it on the map (otherwise it is named on hover). */
  readonly label?: boolean | undefined;
}

/** A link or a service (ferry, shipping line) between two nodes. */
export interface MapLink {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly mode: Mode;
  readonly name?: string | undefined;
  /** Tonnes a year over the link, both directions together. */
  readonly flow_t_per_year?: number | undefined;
  /** Flow over capacity (1 = full), in the busier direction. */
  readonly utilization?: number | undefined;
  /** Points the line passes through between its ends (a sea lane's straits), lon/lat degrees. */
  readonly via_lon_lat?: readonly LonLat[] | undefined;
}

/** A border crossing: where it is and how long units wait there. */
export interface MapCrossing {
  readonly id: string;
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
  readonly mode?: Mode | undefined;
  /** Mean wait, h (the variant's in a comparison). */
  readonly wait_h?: number | undefined;
  /** Mean wait in the base scenario, h: makes the map a comparison (fill = change). */
  readonly wait_base_h?: number | undefined;
  /** 95 % confidence interval of the change in mean wait (variant − base), h. */
  readonly wait_change_ci95_h?: readonly [number, number] | undefined;
  /** Flow over capacity (1 = full), for the hover text. */
  readonly utilization?: number | undefined;
}

/** A route to highlight: its name and the coordinates of the nodes it passes, in order. */
export interface MapRoute {
  readonly name: string;
  readonly lon_lat: readonly LonLat[];
}

export interface NetworkMapData {
  readonly nodes: readonly MapNode[];
  readonly links: readonly MapLink[];
  readonly crossings?: readonly MapCrossing[] | undefined;
  readonly route?: MapRoute | undefined;
}

export interface NetworkMapOptions {
  /** Prefix of the ids inside the SVG (clip path); unique per page. Default `caravan-map`. */
  readonly id?: string;
  /** Accessible name of the map. */
  readonly title?: string;
  /** Width of the map, px (the SVG scales through its viewBox). Default 960. */
  readonly width_px?: number;
  /** Height of the map area, px; from the extent's shape when absent. */
  readonly height_px?: number;
  /** Colour links by mode (default) or by utilization. */
  readonly color_by?: 'mode' | 'utilization';
  /** Country outlines; default Natural Earth 1:110m. */
  readonly outlines?: readonly CountryOutline[];
  /** Countries drawn a shade stronger, ISO 3166-1 alpha-2. Default ["KZ"]. */
  readonly emphasis_countries?: readonly string[];
  /** Points the map must show, lon/lat; default every node reached by land or ferry, and the crossings. */
  readonly fit_lon_lat?: readonly LonLat[];
  /** Flow drawn at the widest line, t/yr (to share a scale between maps); default the largest flow. */
  readonly flow_max_t_per_year?: number;
  /** Wait drawn at the largest circle, h (to share a scale between maps); default the largest wait. */
  readonly wait_max_h?: number;
  /** Widest line, px. Default 12. */
  readonly max_line_width_px?: number;
  /** Largest circle radius, px. Default 22. */
  readonly max_radius_px?: number;
  /** How many crossings to label, largest waits first. Default 6. */
  readonly crossing_labels?: number;
  /** Draw the legend under the map. Default true. */
  readonly legend?: boolean;
}

const LABEL_FONT = 11.5;
const NO_DATA = '#9A9A9A';
const UNIFORM_WIDTH = 1.8;

interface DrawnLink {
  readonly link: MapLink;
  readonly points: Point[];
  readonly width: number;
  readonly color: string;
}

/** The map as an SVG element. */
export function networkMap(
  doc: VizDocument,
  data: NetworkMapData,
  options: NetworkMapOptions = {},
): VizElement {
  const id = options.id ?? 'caravan-map';
  const width = options.width_px ?? 960;
  const colorBy = options.color_by ?? 'mode';
  const maxLine = options.max_line_width_px ?? 12;
  const maxRadius = options.max_radius_px ?? 22;
  const crossings = data.crossings ?? [];
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const nodeAt = (nodeId: string): LonLat => {
    const n = byId.get(nodeId);
    if (!n) throw new Error(`networkMap: link end "${nodeId}" is not among the nodes`);
    return [n.lon, n.lat];
  };

  const frame = mapFrame(options.fit_lon_lat ?? defaultFit(data), {
    width_px: width,
    height_px: options.height_px,
  });
  const mapH = frame.height;

  // Scales
  const flows = data.links.map((l) => l.flow_t_per_year ?? 0);
  const hasFlow = flows.some((f) => f > 0);
  const flowMax = options.flow_max_t_per_year ?? Math.max(0, ...flows);
  const waits = crossings.flatMap((c) => [c.wait_h ?? 0, c.wait_base_h ?? 0]);
  const waitMax = options.wait_max_h ?? Math.max(0, ...waits);
  const unit = waitUnit(waitMax);
  const isComparison = crossings.some((c) => c.wait_base_h !== undefined);
  // Only changes beyond chance are classed by size (the others are neutral whatever their size).
  const maxAbsChange = Math.max(
    0,
    ...crossings.map((c) => {
      if (c.wait_base_h === undefined) return 0;
      const ci = c.wait_change_ci95_h;
      if (ci && ci[0] <= 0 && ci[1] >= 0) return 0;
      return Math.abs((c.wait_h ?? 0) - c.wait_base_h);
    }),
  );
  // The threshold between a change and a large one, a round figure in the unit shown, and never
  // below what the legend can print (0.1 of the unit).
  const threshold =
    unit === 'd'
      ? Math.max(0.1, changeThreshold(maxAbsChange / 24)) * 24
      : Math.max(0.1, changeThreshold(maxAbsChange));

  const svg = svgEl(doc, 'svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    class: 'viz-map',
    viewBox: `0 0 ${width} ${mapH}`,
    width,
    height: mapH,
    role: 'group',
    'aria-roledescription': 'map',
    'aria-label': options.title ?? 'Map of the network',
    'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  });
  const clipId = `${id}-clip`;
  svg.append(
    svgEl(
      doc,
      'defs',
      {},
      svgEl(doc, 'clipPath', { id: clipId }, svgEl(doc, 'rect', { x: 0, y: 0, width, height: mapH })),
    ) as never,
  );
  svg.append(
    svgEl(doc, 'rect', { class: 'viz-sea', x: 0, y: 0, width, height: mapH, fill: LAND.sea }) as never,
  );
  svg.append(background(doc, frame, options) as never);

  // Links, widest first so that thin lines stay visible on top.
  const drawn = layoutLinks(data.links, nodeAt, frame, (l) => {
    const w = hasFlow ? flowWidth(l.flow_t_per_year ?? 0, flowMax, maxLine) || 0.8 : UNIFORM_WIDTH;
    const color =
      colorBy === 'mode'
        ? MODE_COLOR[l.mode]
        : l.utilization === undefined
          ? NO_DATA
          : utilizationColor(l.utilization);
    return { width: w, color };
  });
  const route = data.route && data.route.lon_lat.length >= 2 ? data.route : undefined;
  if (route)
    svg.append(routeBand(doc, frame, route, clipId, (hasFlow ? maxLine : UNIFORM_WIDTH) + 8) as never);
  const linkGroup = svgEl(doc, 'g', { class: 'viz-links', 'clip-path': `url(#${clipId})`, fill: 'none' });
  for (const d of [...drawn].sort((a, b) => b.width - a.width || a.link.id.localeCompare(b.link.id))) {
    linkGroup.append(linkPath(doc, d, byId) as never);
  }
  svg.append(linkGroup as never);

  if (route) svg.append(routeEnds(doc, frame, route) as never);

  // Nodes: small dots, named on hover.
  const nodeGroup = svgEl(doc, 'g', { class: 'viz-nodes' });
  for (const n of data.nodes) {
    const [x, y] = projectPoint(frame, [n.lon, n.lat]);
    if (!inside(x, y, width, mapH)) continue;
    const dot = svgEl(doc, 'circle', {
      cx: x,
      cy: y,
      r: n.label ? 2.6 : 1.6,
      fill: n.label ? INK.outline : '#777777',
      role: 'img',
      'aria-label': n.name,
      'data-id': n.id,
    });
    dot.append(svgTitle(doc, n.name) as never);
    nodeGroup.append(dot as never);
  }
  svg.append(nodeGroup as never);

  // Crossings: largest circles first.
  const circles = crossings
    .map((c) => {
      const [x, y] = projectPoint(frame, [c.lon, c.lat]);
      return {
        c,
        x,
        y,
        r: waitRadius(c.wait_h ?? 0, waitMax, maxRadius),
        rBase: c.wait_base_h === undefined ? undefined : waitRadius(c.wait_base_h, waitMax, maxRadius),
      };
    })
    .sort(
      (a, b) => Math.max(b.r, b.rBase ?? 0) - Math.max(a.r, a.rBase ?? 0) || a.c.id.localeCompare(b.c.id),
    );
  const crossingGroup = svgEl(doc, 'g', { class: 'viz-crossings' });
  for (const k of circles) {
    const text = crossingText(k.c, unit);
    const g = svgEl(doc, 'g', {
      class: 'viz-crossing',
      role: 'img',
      'aria-label': text,
      'data-id': k.c.id,
    });
    g.append(svgTitle(doc, text) as never);
    if (k.r > 0) {
      const cls =
        k.c.wait_base_h === undefined
          ? undefined
          : changeClass((k.c.wait_h ?? 0) - k.c.wait_base_h, threshold, k.c.wait_change_ci95_h);
      g.append(
        svgEl(doc, 'circle', {
          class: 'viz-wait',
          cx: k.x,
          cy: k.y,
          r: k.r,
          fill: cls === undefined ? WAIT_FILL : changeColor(cls),
          'fill-opacity': 0.85,
          stroke: INK.outline,
          'stroke-width': 1.2,
          'data-change': cls,
        }) as never,
      );
    }
    if (k.rBase !== undefined && k.rBase > 0) {
      g.append(
        svgEl(doc, 'circle', {
          class: 'viz-wait-base',
          cx: k.x,
          cy: k.y,
          r: k.rBase,
          fill: 'none',
          stroke: INK.outline,
          'stroke-width': 1,
          'stroke-dasharray': '3 2',
        }) as never,
      );
    }
    // Where the wait changed beyond chance, a triangle (down: shorter, up: longer) in place of the
    // dot, so that the change reads without colour.
    const marker =
      (k.r > 0 || (k.rBase ?? 0) > 0) && k.c.wait_base_h !== undefined
        ? changeMarker(
            doc,
            changeClass((k.c.wait_h ?? 0) - k.c.wait_base_h, threshold, k.c.wait_change_ci95_h),
            k.x,
            k.y,
          )
        : undefined;
    g.append(
      (marker ??
        svgEl(doc, 'circle', {
          class: 'viz-crossing-dot',
          cx: k.x,
          cy: k.y,
          r: 2.2,
          fill: INK.outline,
        })) as never,
    );
    crossingGroup.append(g as never);
  }
  svg.append(crossingGroup as never);

  svg.append(labels(doc, data, frame, circles, unit, options.crossing_labels ?? 6) as never);

  svg.append(
    svgEl(doc, 'rect', {
      class: 'viz-frame',
      x: 0.5,
      y: 0.5,
      width: width - 1,
      height: mapH - 1,
      fill: 'none',
      stroke: '#C8C8C8',
    }) as never,
  );

  if (options.legend ?? true) {
    const sections = mapLegendSections(doc, {
      colorBy,
      modes: [...new Set(data.links.map((l) => l.mode))],
      hasNoUtilization: colorBy === 'utilization' && data.links.some((l) => l.utilization === undefined),
      // Three round flows, each drawn at least 1.5 px wide so that the widths can be told apart.
      flowValues: hasFlow
        ? legendValues(flowMax, 3, 1)
            .filter((v) => (v / flowMax) * maxLine >= 1.5)
            .map((v) => ({ value: v, width: flowWidth(v, flowMax, maxLine) }))
        : [],
      waitValues:
        waitMax > 0
          ? legendValues(unit === 'd' ? waitMax / 24 : waitMax, 3).map((v) => ({
              label: `${v.toLocaleString('en-US')}${NBSP}${unit}`,
              radius: waitRadius(unit === 'd' ? v * 24 : v, waitMax, maxRadius),
            }))
          : [],
      waitUnit: unit,
      isComparison,
      changeThresholdLabel: formatWait(threshold, unit),
      route: data.route?.name,
    });
    const { group, height } = layoutLegend(doc, sections, width, mapH);
    svg.append(group as never);
    const total = mapH + height;
    svg.setAttribute('viewBox', `0 0 ${width} ${total}`);
    svg.setAttribute('height', String(total));
  }
  return svg;
}

/**
 * Every node that a land or ferry link touches, every crossing, and the sea ports within 10° of
 * those (Shanghai, Port Said), but not the far ends of the sea lanes (the Cape).
 */
function defaultFit(data: NetworkMapData): LonLat[] {
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const land = new Set<string>();
  for (const l of data.links) {
    if (l.mode === 'sea') continue;
    land.add(l.from);
    land.add(l.to);
  }
  const landNodes = [...land].map((i) => byId.get(i)).filter((n) => n !== undefined);
  if (landNodes.length === 0) return data.nodes.map((n) => [n.lon, n.lat]);
  const lon0 = Math.min(...landNodes.map((n) => n.lon)) - 10;
  const lon1 = Math.max(...landNodes.map((n) => n.lon)) + 10;
  const lat0 = Math.min(...landNodes.map((n) => n.lat)) - 10;
  const lat1 = Math.max(...landNodes.map((n) => n.lat)) + 10;
  const near = data.nodes.filter(
    (n) => land.has(n.id) || (n.lon >= lon0 && n.lon <= lon1 && n.lat >= lat0 && n.lat <= lat1),
  );
  const points: LonLat[] = near.map((n) => [n.lon, n.lat]);
  for (const c of data.crossings ?? []) points.push([c.lon, c.lat]);
  return points;
}

function inside(x: number, y: number, w: number, h: number): boolean {
  return x >= 0 && y >= 0 && x <= w && y <= h;
}

/** Graticule and countries, clipped to the frame. */
function background(doc: VizDocument, frame: MapFrame, options: NetworkMapOptions): VizElement {
  frame.projection.clipExtent([
    [0, 0],
    [frame.width, frame.height],
  ]);
  const path = geoPath(frame.projection).digits(1);
  const g = svgEl(doc, 'g', { class: 'viz-background', 'aria-hidden': 'true' });
  const graticule = path(geoGraticule10());
  if (graticule) {
    g.append(
      svgEl(doc, 'path', {
        class: 'viz-graticule',
        d: graticule,
        fill: 'none',
        stroke: LAND.graticule,
      }) as never,
    );
  }
  const emphasis = new Set(
    (options.emphasis_countries ?? ['KZ']).map((c) => isoNumeric(c)).filter((c) => c !== undefined),
  );
  const countries = svgEl(doc, 'g', { class: 'viz-countries', stroke: LAND.border, 'stroke-width': 0.8 });
  for (const c of options.outlines ?? world110m()) {
    const d = path(c.geometry);
    if (!d) continue;
    const strong = emphasis.has(c.id);
    const p = svgEl(doc, 'path', {
      d,
      fill: strong ? LAND.emphasis : LAND.fill,
      class: strong ? 'viz-country viz-country-emphasis' : 'viz-country',
      'data-id': c.id,
    });
    p.append(svgTitle(doc, c.name) as never);
    countries.append(p as never);
  }
  g.append(countries as never);
  frame.projection.clipExtent(null);
  return g;
}

/** Projects every link; links sharing both ends are drawn side by side. */
function layoutLinks(
  links: readonly MapLink[],
  nodeAt: (id: string) => LonLat,
  frame: MapFrame,
  style: (l: MapLink) => { width: number; color: string },
): DrawnLink[] {
  const groups = new Map<string, MapLink[]>();
  for (const l of links) {
    const key = l.from < l.to ? `${l.from}|${l.to}` : `${l.to}|${l.from}`;
    const list = groups.get(key);
    if (list) list.push(l);
    else groups.set(key, [l]);
  }
  const out: DrawnLink[] = [];
  for (const list of groups.values()) {
    const styled = list.map((l) => ({ l, ...style(l) }));
    const total = styled.reduce((s, x) => s + x.width, 0) + (styled.length - 1) * 1.5;
    let cursor = -total / 2;
    for (const s of styled) {
      const mid = cursor + s.width / 2;
      cursor += s.width + 1.5;
      // Offsets are measured in the direction from the lower id to the higher one.
      const forward = s.l.from < s.l.to;
      const ends = [nodeAt(s.l.from), ...(s.l.via_lon_lat ?? []), nodeAt(s.l.to)];
      const line = projectLine(frame, ends);
      const offset = styled.length > 1 ? (forward ? mid : -mid) : 0;
      out.push({ link: s.l, points: offsetLine(line, offset), width: s.width, color: s.color });
    }
  }
  return out;
}

function linkText(l: MapLink, byId: ReadonlyMap<string, MapNode>): string {
  const from = byId.get(l.from)?.name ?? l.from;
  const to = byId.get(l.to)?.name ?? l.to;
  const parts = [`${l.name ?? `${l.mode} ${from} – ${to}`}`];
  if (l.name) parts.push(`${l.mode}, ${from} – ${to}`);
  if (l.flow_t_per_year !== undefined) parts.push(`flow ${formatMt(l.flow_t_per_year)}`);
  if (l.utilization !== undefined) parts.push(`${formatPercent(l.utilization)} of capacity`);
  return parts.join('; ');
}

function linkPath(doc: VizDocument, d: DrawnLink, byId: ReadonlyMap<string, MapNode>): VizElement {
  const text = linkText(d.link, byId);
  const dotted = d.link.mode === 'ferry';
  const p = svgEl(doc, 'path', {
    class: `viz-link viz-link-${d.link.mode}`,
    d: pathData(d.points),
    stroke: d.color,
    'stroke-width': d.width,
    'stroke-dasharray': dashArray(d.link.mode, d.width),
    'stroke-linecap': dotted ? 'round' : 'butt',
    'stroke-linejoin': 'round',
    role: 'img',
    'aria-label': text,
    'data-id': d.link.id,
    'data-mode': d.link.mode,
  });
  p.append(svgTitle(doc, text) as never);
  return p;
}

/** The route as a dark band under the links (they stay readable on top), with its ends marked. */
function routeBand(
  doc: VizDocument,
  frame: MapFrame,
  route: MapRoute,
  clipId: string,
  width: number,
): VizElement {
  const points = projectLine(frame, route.lon_lat);
  const text = `Highlighted route: ${route.name}`;
  const g = svgEl(doc, 'g', {
    class: 'viz-route',
    'clip-path': `url(#${clipId})`,
    role: 'img',
    'aria-label': text,
  });
  g.append(svgTitle(doc, text) as never);
  g.append(
    svgEl(doc, 'path', {
      class: 'viz-route-band',
      d: pathData(points),
      fill: 'none',
      stroke: INK.text,
      'stroke-opacity': 0.22,
      'stroke-width': width,
      'stroke-linejoin': 'round',
      'stroke-linecap': 'round',
    }) as never,
  );
  return g;
}

/** Start (open) and end (filled) of the highlighted route, drawn above the links. */
function routeEnds(doc: VizDocument, frame: MapFrame, route: MapRoute): VizElement {
  const a = projectPoint(frame, route.lon_lat[0]!);
  const b = projectPoint(frame, route.lon_lat[route.lon_lat.length - 1]!);
  return svgEl(
    doc,
    'g',
    { class: 'viz-route-ends', 'aria-hidden': 'true' },
    svgEl(doc, 'circle', {
      cx: a[0],
      cy: a[1],
      r: 5.5,
      fill: INK.halo,
      stroke: INK.text,
      'stroke-width': 2.5,
    }),
    svgEl(doc, 'circle', {
      cx: b[0],
      cy: b[1],
      r: 5.5,
      fill: INK.text,
      stroke: INK.halo,
      'stroke-width': 1.5,
    }),
  );
}

function crossingText(c: MapCrossing, unit: 'h' | 'd'): string {
  const parts = [`${c.name} (border crossing${c.mode ? `, ${c.mode}` : ''})`];
  if (c.wait_h !== undefined) parts.push(`mean wait ${formatWait(c.wait_h, unit)}`);
  if (c.wait_base_h !== undefined) {
    const change = (c.wait_h ?? 0) - c.wait_base_h;
    parts.push(`base ${formatWait(c.wait_base_h, unit)}`);
    let changeText = `change ${formatSigned(unit === 'd' ? change / 24 : change)}${NBSP}${unit}`;
    const ci = c.wait_change_ci95_h;
    if (ci) {
      const f = (x: number) => formatSigned(unit === 'd' ? x / 24 : x);
      changeText += ` (95 % CI ${f(ci[0])} to ${f(ci[1])})`;
      if (ci[0] <= 0 && ci[1] >= 0) changeText += ', no significant difference';
    }
    parts.push(changeText);
  }
  if (c.utilization !== undefined) parts.push(`${formatPercent(c.utilization)} of capacity`);
  return parts.join('; ');
}

function labels(
  doc: VizDocument,
  data: NetworkMapData,
  frame: MapFrame,
  circles: readonly { c: MapCrossing; x: number; y: number; r: number; rBase?: number | undefined }[],
  unit: 'h' | 'd',
  crossingCount: number,
): VizElement {
  const obstacles = circles.map((k) => {
    const r = Math.max(k.r, k.rBase ?? 0, 2.2);
    return { x0: k.x - r, y0: k.y - r, x1: k.x + r, y1: k.y + r };
  });
  const largest = [...circles]
    .filter((k) => (k.c.wait_h ?? 0) > 0 || (k.c.wait_base_h ?? 0) > 0)
    .sort(
      (a, b) =>
        Math.max(b.c.wait_h ?? 0, b.c.wait_base_h ?? 0) - Math.max(a.c.wait_h ?? 0, a.c.wait_base_h ?? 0) ||
        a.c.id.localeCompare(b.c.id),
    )
    .slice(0, crossingCount);
  // A crossing inside a larger circle (two crossings at one border town) is labelled outside it.
  const clearance = (k: (typeof circles)[number]) =>
    Math.max(
      k.r,
      k.rBase ?? 0,
      ...circles
        .filter((o) => o !== k && Math.hypot(o.x - k.x, o.y - k.y) < Math.max(o.r, o.rBase ?? 0))
        .map((o) => Math.max(o.r, o.rBase ?? 0) + Math.hypot(o.x - k.x, o.y - k.y)),
    );
  const requests = [
    ...largest.map((k) => ({
      text:
        k.c.wait_base_h === undefined
          ? `${k.c.name} ${formatWait(k.c.wait_h ?? 0, unit)}`
          : `${k.c.name} ${formatWait(k.c.wait_base_h, unit)} → ${formatWait(k.c.wait_h ?? 0, unit)}`,
      x: k.x,
      y: k.y,
      gap: clearance(k),
      fontSize: LABEL_FONT,
      bold: true,
    })),
    ...data.nodes
      .filter((n) => n.label)
      .map((n) => {
        const [x, y] = projectPoint(frame, [n.lon, n.lat]);
        return { text: n.name, x, y, gap: 2.6, fontSize: LABEL_FONT - 0.5 };
      }),
  ];
  const placed = placeLabels(requests, frame.width, frame.height, obstacles);
  const g = svgEl(doc, 'g', {
    class: 'viz-labels',
    'aria-hidden': 'true',
    fill: INK.text,
    stroke: INK.halo,
    'stroke-width': 3,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
  });
  for (const p of placed) {
    g.append(
      svgEl(
        doc,
        'text',
        {
          x: p.x,
          y: p.y,
          'text-anchor': p.anchor,
          'font-size': p.fontSize,
          'font-weight': p.bold ? 700 : undefined,
        },
        p.text,
      ) as never,
    );
  }
  return g;
}
