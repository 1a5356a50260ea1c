/**
 * The delay at a border crossing as its load grows: the Allen–Cunneen G/G/c wait at utilization
 * load ÷ capacity, continued past a threshold by its Taylor polynomial (convex, finite everywhere).
 */
import { mmcWait } from '../queueing/erlang-c.js';

/** A load-dependent delay, hours, with its derivative in hours per (tonne per year). */
export interface DelayFunction {
  delayH(loadTPerYear: number): number;
  derivative(loadTPerYear: number): number;
}

export interface QueueDelayParams {
  /** Servers: lanes or tracks. */
  readonly servers: number;
  /** Mean clearance time of one unit at one server, hours. */
  readonly serviceMeanH: number;
  /** Squared coefficient of variation of the clearance time. */
  readonly serviceCv2: number;
  /** Squared coefficient of variation of inter-arrival times (1 for Poisson arrivals). */
  readonly arrivalCv2?: number | undefined;
  /** Load at which utilization reaches 1, tonnes per year. */
  readonly capacityTPerYear: number;
  /** Utilization from which the polynomial continuation takes over, in (0, 0.99]. */
  readonly threshold?: number | undefined;
}

/** Utilization at which the queueing formula hands over to its continuation. */
export const DEFAULT_QUEUE_THRESHOLD = 0.95;

/** Mean queue wait at utilization rho (< 1), hours: Allen–Cunneen, Wq(M/M/c) · (ca² + cs²) / 2. */
export function allenCunneenWaitH(
  servers: number,
  serviceMeanH: number,
  variability: number,
  rho: number,
): number {
  if (rho <= 0 || serviceMeanH <= 0) return 0;
  const mu = 1 / serviceMeanH;
  return mmcWait(servers, servers * rho * mu, mu) * variability;
}

/** The crossing's delay function. */
export function queueDelay(p: QueueDelayParams): DelayFunction {
  const c = p.servers;
  const s = p.serviceMeanH;
  const variability = ((p.arrivalCv2 ?? 1) + p.serviceCv2) / 2;
  const r0 = Math.min(Math.max(p.threshold ?? DEFAULT_QUEUE_THRESHOLD, 1e-3), 0.99);
  const cap = p.capacityTPerYear;
  const w = (rho: number) => allenCunneenWaitH(c, s, variability, rho);
  const h = 1e-4;
  const w0 = w(r0);
  const w1 = (w(r0 + h) - w(r0 - h)) / (2 * h);
  const w2 = Math.max((w(r0 + h) - 2 * w0 + w(r0 - h)) / (h * h), 0);
  const slope = (rho: number) => {
    const d = 1e-6;
    if (rho < d) return (w(rho + d) - w(rho)) / d;
    return (w(rho + d) - w(rho - d)) / (2 * d);
  };
  return {
    delayH(load) {
      const rho = load / cap;
      if (rho <= r0) return w(rho);
      const e = rho - r0;
      return w0 + w1 * e + 0.5 * w2 * e * e;
    },
    derivative(load) {
      const rho = load / cap;
      if (rho <= 0) return slope(0) / cap;
      if (rho <= r0) return slope(rho) / cap;
      return (w1 + w2 * (rho - r0)) / cap;
    },
  };
}
