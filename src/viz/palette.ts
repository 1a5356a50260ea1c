/**
 * The colours and line styles every map and chart shares. Modes use the Okabe–Ito colour-blind safe
 * palette and a dash pattern where colour is not enough; utilization a sequential ramp whose
 * lightness falls as load rises; changes a diverging ramp (blue better, red worse) with a neutral
 * class for differences that are not significant.
 */

export type Mode = 'rail' | 'road' | 'ferry' | 'sea';
export const MODE_ORDER: readonly Mode[] = ['rail', 'road', 'ferry', 'sea'];

/** Okabe–Ito colours per mode. */
export const MODE_COLOR: Readonly<Record<Mode, string>> = {
  rail: '#0072B2',
  road: '#E69F00',
  ferry: '#009E73',
  sea: '#56B4E9',
};

/** SVG `stroke-dasharray` per mode, in multiples of the line width (solid when empty). */
export const MODE_DASH: Readonly<Record<Mode, readonly number[]>> = {
  rail: [],
  road: [],
  ferry: [0.1, 2],
  sea: [4, 2.5],
};

/** How each mode's line is described in legends and labels. */
export const MODE_LABEL: Readonly<Record<Mode, string>> = {
  rail: 'rail',
  road: 'road',
  ferry: 'ferry (dotted)',
  sea: 'sea (dashed)',
};

/** A dash array for a line of the given width; dots use round caps, so they stay dots. */
export function dashArray(mode: Mode, widthPx: number): string | undefined {
  const d = MODE_DASH[mode];
  if (d.length === 0) return undefined;
  const w = Math.max(widthPx, 1.5);
  return d.map((k) => round2(k * w)).join(' ');
}

/** Utilization classes: upper bounds (shares of capacity) and colours, light to dark. */
export const UTILIZATION_CLASSES: readonly {
  readonly below: number;
  readonly color: string;
  readonly label: string;
}[] = [
  { below: 0.5, color: '#FDAE6B', label: 'under 50' },
  { below: 0.8, color: '#F16913', label: '50–80' },
  { below: 1, color: '#B83A0B', label: '80–100' },
  { below: Number.POSITIVE_INFINITY, color: '#4A1405', label: '100 or more' },
];

/** The colour of a utilization (a share of capacity, 1 = full). */
export function utilizationColor(share: number): string {
  for (const c of UTILIZATION_CLASSES) if (share < c.below) return c.color;
  return UTILIZATION_CLASSES[UTILIZATION_CLASSES.length - 1]!.color;
}

/** Diverging fills for a signed change where lower is better (a wait): blue better, red worse. */
export const CHANGE_COLOR = {
  muchBetter: '#2166AC',
  better: '#92C5DE',
  neutral: '#F7F7F7',
  worse: '#F4A582',
  muchWorse: '#B2182B',
} as const;

/** Neutral fill for a wait circle when there is no comparison. */
export const WAIT_FILL = '#FFFFFF';

/** Countries and their borders. */
export const LAND = {
  fill: '#E4E4E4',
  emphasis: '#CBCBCB',
  border: '#FFFFFF',
  sea: '#FFFFFF',
  graticule: '#EDF1F5',
};

/** Ink for text and outlines. */
export const INK = { text: '#1A1A1A', muted: '#555555', outline: '#333333', halo: '#FFFFFF' };

/** Series in charts: base first, then variants; distinct in grey scale by lightness and dash. */
export const SERIES_COLOR: readonly string[] = ['#555555', '#0072B2', '#D55E00', '#CC79A7', '#009E73'];
export const SERIES_DASH: readonly string[] = ['', '7 3', '2 2.5', '10 3 2 3', '1 3'];
/** Bar fills for series: base light grey, variants darker. */
export const SERIES_FILL: readonly string[] = ['#B8B8B8', '#0072B2', '#D55E00', '#CC79A7', '#009E73'];

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The colour of the i-th series (cycling). */
export function seriesColor(i: number): string {
  return SERIES_COLOR[i % SERIES_COLOR.length]!;
}

/** The dash of the i-th series (`none` for solid). */
export function seriesDash(i: number): string {
  return SERIES_DASH[i % SERIES_DASH.length] || 'none';
}

/** The bar fill of the i-th series. */
export function seriesFill(i: number): string {
  return SERIES_FILL[i % SERIES_FILL.length]!;
}
