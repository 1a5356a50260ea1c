/**
 * Exposure of a route: whether it passes through countries or uses modes that a shipper may want
 * to weigh as a risk (transit through Russia and Belarus, Iran; a Caspian ferry; the sea via Suez).
 * Exposure is a criterion compared by inclusion, so a route exposed to less is never hidden behind
 * a faster or cheaper one exposed to more: each corridor keeps its own best routes.
 */
import { MODES, type Mode } from '../model/modes.js';
import type { CompiledNetwork } from '../network/compile.js';

export interface Exposure {
  /** Countries whose transit counts as exposure (ISO codes). */
  readonly countries: readonly string[];
  /** Modes whose use counts as exposure. */
  readonly modes: readonly Mode[];
}

/** Sanctions and transit risk (RU, BY, IR), weather and capacity of ferries, the sea via Suez or the Cape. */
export const DEFAULT_EXPOSURE: Exposure = { countries: ['RU', 'BY', 'IR'], modes: ['ferry', 'sea'] };

/** Names of the exposure flags in bit order (countries, then modes), limited to 31. */
export function exposureNames(exposure: Exposure): string[] {
  return [...exposure.countries, ...exposure.modes].slice(0, 31);
}

/** Per arc, the exposure bits it carries: its end nodes' countries and its mode. */
export function arcExposureFlags(net: CompiledNetwork, exposure: Exposure): Uint32Array {
  const names = exposureNames(exposure);
  const countryBit = net.countries.map((c) => {
    const i = names.indexOf(c);
    return i >= 0 && i < exposure.countries.length ? 1 << i : 0;
  });
  const modeBit = MODES.map((m) => {
    const i = names.indexOf(m, exposure.countries.length);
    return i >= 0 ? 1 << i : 0;
  });
  const flags = new Uint32Array(net.arcCount);
  for (let a = 0; a < net.arcCount; a++) {
    flags[a] =
      countryBit[net.nodeCountry[net.arcFrom[a]!]!]! |
      countryBit[net.nodeCountry[net.arcTo[a]!]!]! |
      modeBit[net.arcMode[a]!]!;
  }
  return flags;
}

/** The exposure names set in a flag word. */
export function exposureOf(flags: number, exposure: Exposure): string[] {
  return exposureNames(exposure).filter((_, i) => (flags & (1 << i)) !== 0);
}
