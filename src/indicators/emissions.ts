/**
 * Greenhouse-gas emissions of freight per ISO 14083 / the GLEC Framework: well-to-wheel intensity
 * of each mode (g CO2e per tonne-km, from the network's `modes` table) times tonne-km, plus idling
 * while a unit waits at a border where the mode gives an idling rate.
 */
import { MODES, type Mode } from '../model/modes.js';
import type { NetworkModel } from '../model/schema.js';
import { modeUnitTonnes } from '../network/compile.js';

export interface ModeEmissionFactors {
  /** Well-to-wheel g CO2e per tonne-km, by index into MODES; NaN where the model gives none. */
  readonly gPerTKm: Float64Array;
  /** Idling kg CO2e per tonne of cargo per hour of waiting, by index into MODES (0 where none). */
  readonly idleKgPerTH: Float64Array;
  /** Modes the model gives no intensity for. */
  readonly missing: readonly Mode[];
}

/** The emission factors of each mode, from the model's `modes` table. */
export function modeEmissionFactors(model: NetworkModel): ModeEmissionFactors {
  const gPerTKm = new Float64Array(MODES.length).fill(Number.NaN);
  const idleKgPerTH = new Float64Array(MODES.length);
  const missing: Mode[] = [];
  MODES.forEach((mode, i) => {
    const props = model.modes[mode];
    if (props === undefined) {
      missing.push(mode);
      return;
    }
    gPerTKm[i] = props.co2e_g_per_t_km;
    const unitT = modeUnitTonnes(model, mode);
    if (props.idle_co2e_kg_per_unit_h !== undefined && unitT) {
      idleKgPerTH[i] = props.idle_co2e_kg_per_unit_h / unitT;
    }
  });
  return { gPerTKm, idleKgPerTH, missing };
}

/** kg CO2e of carrying `tonnes` over `distanceKm` at an intensity in g per tonne-km. */
export function transportCo2eKg(gPerTKm: number, tonnes: number, distanceKm: number): number {
  return (gPerTKm * tonnes * distanceKm) / 1000;
}

/** kg CO2e of `tonnes` of cargo waiting `hours` on a mode that idles at `idleKgPerTH`. */
export function idleCo2eKg(idleKgPerTH: number, tonnes: number, hours: number): number {
  return idleKgPerTH * tonnes * hours;
}
