import { describe, expect, it } from 'vitest';
import { idleCo2eKg, modeEmissionFactors, transportCo2eKg } from '../../src/indicators/emissions.js';
import { MODES } from '../../src/model/schema.js';
import { validateNetwork } from '../../src/model/validate.js';
import { mini } from '../helpers.js';

describe('emissions (ISO 14083 / GLEC, well-to-wheel)', () => {
  const f = modeEmissionFactors(validateNetwork(mini()).model!);
  it('reads each mode’s intensity and idling rate per tonne from the modes table', () => {
    expect(f.gPerTKm[MODES.indexOf('road')]).toBe(90);
    expect(f.gPerTKm[MODES.indexOf('rail')]).toBe(20);
    expect(f.idleKgPerTH[MODES.indexOf('road')]).toBeCloseTo(2.5 / 20, 12);
    expect(f.idleKgPerTH[MODES.indexOf('rail')]).toBe(0);
    expect(f.missing).toEqual(['sea']);
    expect(Number.isNaN(f.gPerTKm[MODES.indexOf('sea')])).toBe(true);
  });
  it('a 20-t FEU over 10,000 km of rail at 22.5 g/t-km emits 4.5 t CO2e; a truck idling 10 h at 8 kg/h, 80 kg', () => {
    expect(transportCo2eKg(22.5, 20, 10_000)).toBeCloseTo(4500, 9);
    expect(idleCo2eKg(8 / 20, 20, 10)).toBeCloseTo(80, 12);
  });
});
