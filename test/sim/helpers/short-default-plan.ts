/**
 * The default network and its simulation plan over a short run (2 days of warm-up, 8 in all, 5 more to
 * drain): small enough to run many replications in a test, made once per test file.
 */
import { readFileSync } from 'node:fs';
import { parseNetwork } from '../../../src/model/load.js';
import { buildPlan } from '../../../src/sim/simulation-plan.js';
import { DEFAULT } from '../../helpers.js';

export const model = parseNetwork(readFileSync(DEFAULT, 'utf8')).model!;
export const plan = buildPlan(model, { warmup_h: 24 * 2, end_h: 24 * 8, drain_h: 24 * 5 });
