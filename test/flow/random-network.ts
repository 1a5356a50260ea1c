/**
 * Small random networks for property tests across commands: two chains of road nodes, one in CN and
 * one in KZ, joined by one to three road crossings (lanes, one clearance step, sometimes a declared
 * capacity), links that may have a capacity, and one to three demands of two cargo classes
 * (containers, valued above bulk), each way across the border. Sizes are such that crossings bind.
 */
import fc from 'fast-check';
import type { NetworkModel } from '../../src/model/schema.js';
import { validModel } from './models.js';

export const CONTAINER_USD_PER_T = 505;
export const BULK_USD_PER_T = 250;

export interface RandomNetworkSpec {
  readonly side: number;
  readonly links: readonly { km: number; cap?: number | undefined }[];
  readonly crossings: readonly {
    cn: number;
    kz: number;
    lanes: number;
    hours: number;
    cap?: number | undefined;
  }[];
  readonly demands: readonly { cn: number; kz: number; westbound: boolean; t: number; containers: boolean }[];
}

export const randomNetworkSpec: fc.Arbitrary<RandomNetworkSpec> = fc
  .integer({ min: 2, max: 3 })
  .chain((side) =>
    fc.record({
      side: fc.constant(side),
      links: fc.array(
        fc.record({
          km: fc.integer({ min: 20, max: 400 }),
          cap: fc.option(fc.integer({ min: 50_000, max: 800_000 }), { nil: undefined }),
        }),
        { minLength: 2 * (side - 1), maxLength: 2 * (side - 1) },
      ),
      crossings: fc.array(
        fc.record({
          cn: fc.integer({ min: 0, max: side - 1 }),
          kz: fc.integer({ min: 0, max: side - 1 }),
          lanes: fc.integer({ min: 1, max: 4 }),
          hours: fc.integer({ min: 1, max: 6 }),
          cap: fc.option(fc.integer({ min: 50_000, max: 600_000 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      demands: fc.array(
        fc.record({
          cn: fc.integer({ min: 0, max: side - 1 }),
          kz: fc.integer({ min: 0, max: side - 1 }),
          westbound: fc.boolean(),
          t: fc.integer({ min: 20_000, max: 700_000 }),
          containers: fc.boolean(),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  );

/** The network of a spec, validated; `demandScale` multiplies every demand; `growthPerYear` is every demand's growth. */
export function randomNetwork(
  spec: RandomNetworkSpec,
  options: { demandScale?: number; growthPerYear?: number } = {},
): NetworkModel {
  const scale = options.demandScale ?? 1;
  const cn = (i: number) => `cn${i}`;
  const kz = (i: number) => `kz${i}`;
  const nodes = [];
  for (let i = 0; i < spec.side; i++) {
    nodes.push({ id: cn(i), name: `CN ${i}`, country: 'CN', kind: 'city', lon: 80 + i * 0.5, lat: 44 });
    nodes.push({ id: kz(i), name: `KZ ${i}`, country: 'KZ', kind: 'city', lon: 78 - i * 0.5, lat: 44 });
  }
  const links = [];
  for (let i = 0; i + 1 < spec.side; i++) {
    for (const [k, name] of [
      [2 * i, cn],
      [2 * i + 1, kz],
    ] as const) {
      const l = spec.links[k]!;
      links.push({
        from: name(i),
        to: name(i + 1),
        mode: 'road',
        distance_km: l.km,
        speed_kmh: 50,
        cost_usd_per_t_km: 0.1,
        ...(l.cap === undefined ? {} : { capacity_t_per_year: l.cap }),
      });
    }
  }
  const crossings = spec.crossings.map((c, i) => ({
    id: `x${i}`,
    name: `Crossing ${i}`,
    mode: 'road',
    from: cn(c.cn),
    to: kz(c.kz),
    lanes: c.lanes,
    steps: [{ name: 'check', time: `${c.hours}h` }],
    ...(c.cap === undefined ? {} : { capacity_t_per_year: c.cap }),
  }));
  const demand = spec.demands.map((d, i) => ({
    id: `d${i}`,
    from: d.westbound ? cn(d.cn) : kz(d.kz),
    to: d.westbound ? kz(d.kz) : cn(d.cn),
    t_per_year: d.t * scale,
    cargo: d.containers ? 'containers' : 'bulk',
    ...(options.growthPerYear === undefined ? {} : { growth_per_year: options.growthPerYear }),
  }));
  return validModel({
    format: 'caravan/1',
    units: [{ id: 'truck', t: 20 }],
    modes: { road: { unit: 'truck', co2e_g_per_t_km: 90, value_of_time_usd_per_t_h: 0.5 } },
    nodes,
    links,
    crossings,
    demand,
    cargo_classes: [
      { id: 'containers', unserved_cost_usd_per_t: CONTAINER_USD_PER_T },
      { id: 'bulk', unserved_cost_usd_per_t: BULK_USD_PER_T },
    ],
  });
}
