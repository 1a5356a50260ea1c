/**
 * The map's projection: a conic equal-area projection centred on Central Asia (standard parallels
 * 35° N and 55° N), which keeps Shanghai to Rotterdam in one view with areas true, fitted to the
 * network's extent. Lines are drawn as great circles, sampled every two degrees.
 */
import { type GeoProjection, geoConicEqualArea, geoDistance, geoInterpolate } from 'd3-geo';

/** Longitude and latitude in degrees. */
export type LonLat = readonly [number, number];
/** A point on the map, in SVG user units (pixels at the map's nominal size). */
export type Point = readonly [number, number];

export interface MapFrame {
  readonly projection: GeoProjection;
  readonly width: number;
  readonly height: number;
}

export interface FrameOptions {
  /** Width of the map, px. */
  readonly width_px: number;
  /** Height of the map, px; from the extent's shape when absent (at least 0.4 of the width). */
  readonly height_px?: number | undefined;
  /** Margin around the fitted extent, px. */
  readonly padding_px?: number | undefined;
}

/** The conic equal-area projection used by every map (before fitting). */
export function centralAsiaConic(): GeoProjection {
  return geoConicEqualArea().rotate([-65, 0]).parallels([35, 55]);
}

/** The projection fitted so that every point of `fit` lies inside the frame. */
export function mapFrame(fit: readonly LonLat[], options: FrameOptions): MapFrame {
  if (fit.length === 0) throw new Error('mapFrame: nothing to fit the map to');
  const pad = options.padding_px ?? 24;
  const width = options.width_px;
  const target = { type: 'MultiPoint' as const, coordinates: fit.map((p) => [p[0], p[1]]) };
  const projection = centralAsiaConic();
  let height = options.height_px;
  if (height === undefined) {
    projection.fitWidth(width - 2 * pad, target);
    const [[, y0], [, y1]] = boundsOf(projection, fit);
    // At least 0.4 of the width, so that a close-up of a narrow band is not a thin strip.
    height = Math.max(Math.ceil(y1 - y0 + 2 * pad), Math.round(width * 0.4));
  }
  projection.fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad],
    ],
    target,
  );
  return { projection, width, height };
}

function boundsOf(projection: GeoProjection, points: readonly LonLat[]): [Point, Point] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    const q = projection([p[0], p[1]]);
    if (!q) continue;
    x0 = Math.min(x0, q[0]);
    y0 = Math.min(y0, q[1]);
    x1 = Math.max(x1, q[0]);
    y1 = Math.max(y1, q[1]);
  }
  return [
    [x0, y0],
    [x1, y1],
  ];
}

/** Rounded to a tenth of a pixel: enough for print, and stable output. */
function r1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** A point projected onto the map (rounded to 0.1 px). */
export function projectPoint(frame: MapFrame, p: LonLat): Point {
  const q = frame.projection([p[0], p[1]]);
  if (!q) throw new Error(`projectPoint: ${p[0]}, ${p[1]} cannot be projected`);
  return [r1(q[0]), r1(q[1])];
}

const STEP_RAD = (2 * Math.PI) / 180;

/** A line through the given points, each leg drawn along the great circle, projected. */
export function projectLine(frame: MapFrame, points: readonly LonLat[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < points.length; i++) {
    const b = points[i]!;
    if (i > 0) {
      const a = points[i - 1]!;
      const A: [number, number] = [a[0], a[1]];
      const B: [number, number] = [b[0], b[1]];
      const n = Math.ceil(geoDistance(A, B) / STEP_RAD);
      const at = geoInterpolate(A, B);
      for (let k = 1; k < n; k++) out.push(projectPoint(frame, at(k / n) as LonLat));
    }
    out.push(projectPoint(frame, b));
  }
  return out;
}

/** The polyline moved sideways by `offset` px (positive to the left of its direction). */
export function offsetLine(points: readonly Point[], offset: number): Point[] {
  if (offset === 0 || points.length < 2) return points.slice();
  return points.map((p, i) => {
    const a = points[Math.max(0, i - 1)]!;
    const b = points[Math.min(points.length - 1, i + 1)]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy) || 1;
    return [r1(p[0] + (dy / len) * offset), r1(p[1] - (dx / len) * offset)] as Point;
  });
}

/** SVG path data for a polyline. */
export function pathData(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p[0]},${p[1]}`).join('');
}
