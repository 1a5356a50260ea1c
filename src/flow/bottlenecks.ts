/**
 * Bottlenecks: capacitated links, crossings and services ranked by utilization and by the price
 * of their capacity (LP shadow price, or under congestion the marginal-cost toll).
 */
import type { ElementFlow, FlowReport } from './flow-report.js';

export interface Bottleneck {
  readonly kind: ElementFlow['kind'];
  readonly id: string;
  readonly utilization: number;
  readonly flow_t_per_year: number;
  readonly capacity_t_per_year: number;
  /** Shadow price (capacity method) or marginal-cost toll (equilibrium), USD per tonne. */
  readonly price_usd_per_t: number;
  /** What one more Mt/yr of capacity is worth a year, USD (capacity method; 0 under equilibrium). */
  readonly value_of_1mt_usd_per_year: number;
}

export interface Bottlenecks {
  readonly by_utilization: Bottleneck[];
  readonly by_shadow_price: Bottleneck[];
}

export function bottlenecks(report: FlowReport, top = 10): Bottlenecks {
  const all: Bottleneck[] = [...report.links, ...report.crossings, ...report.services]
    .filter((r) => r.capacity_t_per_year !== null && r.utilization !== null)
    .map((r) => {
      const shadow = r.shadow_price_usd_per_t ?? 0;
      return {
        kind: r.kind,
        id: r.id,
        utilization: r.utilization!,
        flow_t_per_year: r.flow_t_per_year,
        capacity_t_per_year: r.capacity_t_per_year!,
        price_usd_per_t: r.shadow_price_usd_per_t ?? r.congestion_toll_usd_per_t ?? 0,
        value_of_1mt_usd_per_year: shadow * 1e6,
      };
    });
  const byUse = [...all]
    .filter((b) => b.flow_t_per_year > 0)
    .sort((a, b) => b.utilization - a.utilization || a.id.localeCompare(b.id))
    .slice(0, top);
  const byPrice = [...all]
    .filter((b) => b.price_usd_per_t > 1e-9)
    .sort((a, b) => b.price_usd_per_t - a.price_usd_per_t || a.id.localeCompare(b.id))
    .slice(0, top);
  return { by_utilization: byUse, by_shadow_price: byPrice };
}
