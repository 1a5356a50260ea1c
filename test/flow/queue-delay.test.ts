import { describe, expect, it } from 'vitest';
import { bprDelay } from '../../src/flow/bpr-delay.js';
import { queueDelay } from '../../src/flow/queue-delay.js';

const CAP = 20e6;

describe('queueDelay', () => {
  it('is the M/M/1 wait S·ρ/(1−ρ) for one server with exponential clearance', () => {
    const f = queueDelay({ servers: 1, serviceMeanH: 6, serviceCv2: 1, capacityTPerYear: CAP });
    for (const rho of [0.1, 0.5, 0.8, 0.94])
      expect(f.delayH(rho * CAP)).toBeCloseTo((6 * rho) / (1 - rho), 9);
  });

  it('is the M/M/2 wait (Erlang C = 2ρ²/(1+ρ)) scaled by Allen–Cunneen (ca² + cs²)/2', () => {
    const f = queueDelay({ servers: 2, serviceMeanH: 4, serviceCv2: 0.5, capacityTPerYear: CAP });
    for (const rho of [0.2, 0.6, 0.9]) {
      const erlangC = (2 * rho * rho) / (1 + rho);
      const mmc = (erlangC * 4) / (2 * (1 - rho));
      expect(f.delayH(rho * CAP)).toBeCloseTo(mmc * ((1 + 0.5) / 2), 9);
    }
  });

  it('is zero at zero load, increasing, convex and finite at every load, including far past capacity', () => {
    for (const servers of [1, 2, 4, 10]) {
      const f = queueDelay({ servers, serviceMeanH: 8, serviceCv2: 0.3, capacityTPerYear: CAP });
      expect(f.delayH(0)).toBe(0);
      const step = 0.005;
      let prev = -1;
      let prevSlope = -1;
      for (let rho = 0; rho <= 3; rho += step) {
        const w = f.delayH(rho * CAP);
        expect(Number.isFinite(w)).toBe(true);
        expect(w).toBeGreaterThanOrEqual(prev);
        const slope = (f.delayH((rho + step) * CAP) - w) / step;
        expect(slope).toBeGreaterThanOrEqual(prevSlope - 1e-6 * Math.abs(prevSlope));
        prev = w;
        prevSlope = slope;
      }
    }
  });

  it('is continuous with a continuous derivative at the threshold, and its derivative matches finite differences', () => {
    const f = queueDelay({
      servers: 3,
      serviceMeanH: 5,
      serviceCv2: 1,
      capacityTPerYear: CAP,
      threshold: 0.9,
    });
    const eps = 1e-7;
    expect(f.delayH((0.9 + eps) * CAP)).toBeCloseTo(f.delayH((0.9 - eps) * CAP), 4);
    expect(f.derivative((0.9 + eps) * CAP) * CAP).toBeCloseTo(f.derivative((0.9 - eps) * CAP) * CAP, 1);
    for (const rho of [0.05, 0.5, 0.85, 0.95, 1.2, 2]) {
      const h = 1e-5 * CAP;
      const numeric = (f.delayH(rho * CAP + h) - f.delayH(rho * CAP - h)) / (2 * h);
      expect(f.derivative(rho * CAP) / numeric).toBeCloseTo(1, 4);
    }
  });
});

describe('bprDelay', () => {
  it('is free time × 0.15 × (x/C)^4', () => {
    const f = bprDelay(10, 100);
    expect(f.delayH(100)).toBeCloseTo(1.5, 12);
    expect(f.delayH(200)).toBeCloseTo(1.5 * 16, 12);
    expect(f.derivative(100)).toBeCloseTo((10 * 0.15 * 4) / 100, 12);
  });
});
