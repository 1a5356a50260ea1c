import { describe, expect, it } from 'vitest';
import { cpmmIndicators } from '../../src/indicators/cpmm.js';
import { HAND_MODEL, handRoute } from './route-fixture.js';

describe('cpmmIndicators (hand-worked route)', () => {
  const c = cpmmIndicators(HAND_MODEL, handRoute(), 20);
  it('TFI1 and TFI2 per border crossing point: time with the queue, and the cost', () => {
    expect(c.bcps).toEqual([
      {
        id: 'bc',
        name: 'B–C',
        border: 'CN-KZ',
        mode: 'rail',
        tfi1_h: 5,
        wait_h: 3,
        clearance_h: 2,
        tfi2_usd: 50,
      },
    ]);
  });
  it('SWOD = km / hours moving, SWD = km / all hours; delays are borders, waits for departure and transshipments', () => {
    expect(c.delay_h).toBe(5 + 4 + 1);
    expect(c.swod_kmh).toBeCloseTo(300 / 8, 12);
    expect(c.swd_kmh).toBeCloseTo(300 / 18, 12);
    expect(c.swd_kmh).toBeLessThan(c.swod_kmh);
  });
  it('TFI3 is money per 500 km per 20 t', () => {
    expect(c.tfi3_usd_per_500km_20t).toBeCloseTo((200 / 20) * 20 * (500 / 300), 12);
    expect(cpmmIndicators(HAND_MODEL, handRoute(), 10).tfi3_usd_per_500km_20t).toBeCloseTo(
      (200 / 10) * 20 * (500 / 300),
      12,
    );
  });
});
