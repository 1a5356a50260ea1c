/**
 * The simulation plan of the embedded dataset on the default day reads the loaded network from the
 * snapshot's cache when one is remembered for the model (the CLI's simulate and check, whose compiled
 * modules carry the build's code version): the plan, and so every draw and figure, equals the plan
 * built by solving the equilibrium again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rememberLoadedState, solveLoadedStateCache } from '../../src/flow/loaded-state-cache.js';
import { loadNetwork } from '../../src/model/load.js';
import { DEFAULT_DATE } from '../../src/model/timeline.js';
import { buildPlan } from '../../src/sim/simulation-plan.js';
import { DEFAULT } from '../helpers.js';

const readModel = () => loadNetwork(readFileSync(DEFAULT, 'utf8'), 'network.yaml').model;
const options = {
  warmup_h: 24,
  end_h: 240,
  drain_h: 0,
  date: DEFAULT_DATE,
};

describe('the simulation plan with the cached loaded state', () => {
  it('equals the plan that solves the equilibrium again', () => {
    const model = readModel();
    // through JSON, as the snapshot keeps it
    rememberLoadedState(model, JSON.parse(JSON.stringify(solveLoadedStateCache(model, DEFAULT_DATE))));
    const cached = buildPlan(model, options);
    const fresh = buildPlan(readModel(), options);
    expect(cached.demands.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(cached))).toEqual(JSON.parse(JSON.stringify(fresh)));
  });
});
