/**
 * The loaded-state cache must never drift from a fresh computation: the state built from a cached
 * solution equals, field by field and bit by bit, the state solved again; the cache shipped in the
 * build's snapshot is the solution the current code computes; and it is used only for the model
 * object and date it was remembered for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeUseCase } from '../../src/app/route.js';
import type { Assignment } from '../../src/flow/assignment.js';
import { type NetworkLoadedState, networkLoadedState } from '../../src/flow/loaded-state.js';
import {
  cachedLoadedState,
  decodeSolution,
  encodeSolution,
  type LoadedStateCacheJson,
  rememberLoadedState,
  solveLoadedStateCache,
} from '../../src/flow/loaded-state-cache.js';
import { loadNetwork } from '../../src/model/load.js';
import { DEFAULT_DATE } from '../../src/model/timeline.js';
import { compileNetwork } from '../../src/network/compile.js';
import { DEFAULT, ROOT } from '../helpers.js';

/** A network's state as data: everything but the graph and the resources (which hold functions). */
function stateData(s: NetworkLoadedState) {
  const { graph: _g, resources: _r, ...assignment }: Assignment = s.assignment;
  return {
    assignment,
    arcLoadTPerH: s.arcLoadTPerH,
    crossingWait: s.crossingWait,
    demand: s.demand,
    arcCount: s.net.arcCount,
  };
}

/** The embedded network, read fresh (a new model object each time). */
const readModel = () => loadNetwork(readFileSync(DEFAULT, 'utf8'), 'network.yaml').model;

describe('the loaded-state cache', () => {
  it('keeps every bit of every number through JSON, -0, infinities and NaN included', () => {
    const solution = {
      arcFlow: Float64Array.from([0, -0, 1 / 3, 1e-300, 123456.789]),
      arcCost: Float64Array.from([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, 0.1 + 0.2]),
      resourceLoad: Float64Array.from([Math.PI]),
      odUnserved: Float64Array.from([0, 2 ** -1074]),
      resourceDelayH: Float64Array.from([Number.POSITIVE_INFINITY, 0.25]),
      resourceCongestionToll: Float64Array.from([-0, 7e-3]),
      paths: [{ od: 1, arcs: Uint32Array.from([3, 4, 2 ** 32 - 1]), flow: -0 }],
      gap: 9.99e-5,
      iterations: 17,
      converged: true,
    };
    const back = decodeSolution(JSON.parse(JSON.stringify(encodeSolution('2024-07-01', solution))));
    expect(back).toEqual(solution);
    expect(Object.is(back.arcFlow[1], -0)).toBe(true);
    expect(Object.is(back.paths[0]!.flow, -0)).toBe(true);
    expect(back.arcCost[2]).toBeNaN();
  });

  it('builds the same loaded state as solving again, on the embedded network and the default date', () => {
    const model = readModel();
    const cache = JSON.parse(
      JSON.stringify(solveLoadedStateCache(model, DEFAULT_DATE)),
    ) as LoadedStateCacheJson;
    rememberLoadedState(model, cache);
    const cached = cachedLoadedState(model, compileNetwork(model, { date: DEFAULT_DATE }), DEFAULT_DATE);
    expect(cached).toBeDefined();
    const other = readModel();
    const fresh = networkLoadedState(compileNetwork(other, { date: DEFAULT_DATE }), DEFAULT_DATE);
    expect(stateData(cached!)).toEqual(stateData(fresh));
    // The equilibrium was really solved: demand is carried.
    expect(fresh.assignment.iterations).toBeGreaterThan(0);
    expect(fresh.arcLoadTPerH.some((x) => x > 0)).toBe(true);
  });

  it('answers the same route question with the cache as without it', async () => {
    const model = readModel();
    rememberLoadedState(model, solveLoadedStateCache(model, DEFAULT_DATE));
    const options = routeUseCase.options.parse({ from: 'xian', to: 'duisburg', all: true });
    const withCache = await routeUseCase.run(model, options, {});
    const without = await routeUseCase.run(readModel(), options, {});
    expect(withCache).toEqual(without);
  });

  it('is used only for the model object and the date it was remembered for', () => {
    const model = readModel();
    rememberLoadedState(model, solveLoadedStateCache(model, DEFAULT_DATE));
    const net = compileNetwork(model, { date: DEFAULT_DATE });
    expect(cachedLoadedState(readModel(), net, DEFAULT_DATE)).toBeUndefined();
    expect(
      cachedLoadedState(model, compileNetwork(model, { date: '2026-06-01' }), '2026-06-01'),
    ).toBeUndefined();
    expect(cachedLoadedState(model, compileNetwork(model), undefined)).toBeUndefined();
    // A network compiled for another day than the one asked about.
    expect(
      cachedLoadedState(model, compileNetwork(model, { date: '2026-06-01' }), DEFAULT_DATE),
    ).toBeUndefined();
  });

  const built = join(ROOT, 'dist', 'data', 'eurasia.json');
  it.skipIf(!existsSync(built))(
    'shipped in the build (dist/data/eurasia.json) is what the code solves now',
    () => {
      const snapshot = JSON.parse(readFileSync(built, 'utf8'));
      expect(snapshot.code_version).toMatch(/^[0-9a-f]{64}$/);
      expect(snapshot.loaded_state).toEqual(solveLoadedStateCache(readModel(), DEFAULT_DATE));
    },
  );
});
