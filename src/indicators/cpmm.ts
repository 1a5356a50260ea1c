/**
 * The CAREC Corridor Performance Measurement and Monitoring (CPMM) indicators of a route: time and
 * cost to clear each border crossing point (TFI1, TFI2), cost per 500 km per 20 t (TFI3), and speed
 * without and with delay (SWOD, SWD). Computed from expected values, per unit shipped.
 */
import type { NetworkModel } from '../model/schema.js';
import type { Route } from '../route/describe-route.js';

export interface BorderCrossingIndicators {
  readonly id: string;
  readonly name: string;
  /** Countries left and entered, e.g. "CN-KZ". */
  readonly border: string;
  readonly mode: string;
  /** TFI1: time to clear the crossing point, queue included, hours. */
  readonly tfi1_h: number;
  readonly wait_h: number;
  readonly clearance_h: number;
  /** TFI2: cost of clearing it (fees, gauge change), USD per unit. */
  readonly tfi2_usd: number;
}

export interface CpmmIndicators {
  readonly bcps: BorderCrossingIndicators[];
  readonly distance_km: number;
  readonly time_h: number;
  /** Time not spent moving: border crossings, waits for departures, transshipments. */
  readonly delay_h: number;
  /** SWOD: distance over the time spent moving, km/h. */
  readonly swod_kmh: number;
  /** SWD: distance over the whole time, km/h. */
  readonly swd_kmh: number;
  /** TFI3: money to move 20 t over 500 km on this route, USD. */
  readonly tfi3_usd_per_500km_20t: number;
}

/** CPMM indicators of a route carrying units of `unitT` tonnes. */
export function cpmmIndicators(model: NetworkModel, route: Route, unitT: number): CpmmIndicators {
  const country = new Map(model.nodes.map((n) => [n.id, n.country]));
  const bcps: BorderCrossingIndicators[] = [];
  let delay = 0;
  for (const leg of route.legs) {
    if (leg.kind === 'crossing') {
      bcps.push({
        id: leg.id,
        name: leg.name,
        border: `${country.get(leg.from)}-${country.get(leg.to)}`,
        mode: leg.mode,
        tfi1_h: leg.time_h,
        wait_h: leg.wait_h,
        clearance_h: leg.time_h - leg.wait_h,
        tfi2_usd: leg.cost_usd,
      });
      delay += leg.time_h;
    } else if (leg.kind === 'transshipment') {
      delay += leg.time_h;
    } else {
      delay += leg.wait_h;
    }
  }
  const time = route.time_h.expected;
  const moving = time - delay;
  const distance = route.distance_km;
  return {
    bcps,
    distance_km: distance,
    time_h: time,
    delay_h: delay,
    swod_kmh: moving > 0 ? distance / moving : 0,
    swd_kmh: time > 0 ? distance / time : 0,
    tfi3_usd_per_500km_20t: distance > 0 && unitT > 0 ? (route.cost_usd / unitT) * 20 * (500 / distance) : 0,
  };
}
