/**
 * The UNESCAP time/cost–distance profile of a route: cumulative time and cost against cumulative
 * distance, leg by leg. Border crossings, transshipments and waits for departures cover no distance,
 * so they show as vertical steps: where a corridor loses its days and dollars.
 */
import type { LegKind, Route } from '../route/describe-route.js';

export interface ProfilePoint {
  readonly distance_km: number;
  readonly time_h: number;
  readonly cost_usd: number;
  /** Node reached at this point. */
  readonly node: string;
  /** What the step into this point was: a leg's kind, `wait` for a wait before a leg, or `start`. */
  readonly event: LegKind | 'wait' | 'start';
  /** Name of the leg or the place. */
  readonly name: string;
}

/** The profile as points; a leg that waits first gives a vertical step, then its sloped part. */
export function timeCostDistance(route: Route): ProfilePoint[] {
  const first = route.nodes[0] ?? '';
  const points: ProfilePoint[] = [
    { distance_km: 0, time_h: 0, cost_usd: 0, node: first, event: 'start', name: first },
  ];
  let d = 0;
  let t = 0;
  let c = 0;
  for (const leg of route.legs) {
    if (leg.wait_h > 0 && leg.kind !== 'crossing') {
      t += leg.wait_h;
      points.push({ distance_km: d, time_h: t, cost_usd: c, node: leg.from, event: 'wait', name: leg.name });
    }
    d += leg.distance_km;
    t += leg.kind !== 'crossing' ? leg.time_h - leg.wait_h : leg.time_h;
    c += leg.cost_usd;
    points.push({ distance_km: d, time_h: t, cost_usd: c, node: leg.to, event: leg.kind, name: leg.name });
  }
  return points;
}
