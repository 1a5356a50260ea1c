/**
 * Fuzzing scenarios: random overlays on the mini network — fields changed on entries found by id
 * (or not found), entries removed and added, and the scenario's own form broken — always give
 * issues located in the scenario or a network that validates and can be analysed.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { configureLimits, networkSizeIssues } from '../../../src/model/limits.js';
import { parseText } from '../../../src/model/load.js';
import { applyScenario, parseScenario } from '../../../src/model/scenario.js';
import { validateNetwork } from '../../../src/model/validate.js';
import { MINI, ROOT } from '../../helpers.js';
import { exercise, expectIssueList, FUZZ_LIMITS } from './check.js';
import { fuzz } from './fuzz.js';
import { hostileValue, mutate, mutateText, structuralOps, textOps } from './mutate.js';

const BASE = parse(readFileSync(MINI, 'utf8'));
const SCENARIO = parse(readFileSync(`${ROOT}/test/fixtures/mini-24h.yaml`, 'utf8'));
const LISTS = ['nodes', 'links', 'crossings', 'services', 'demand', 'units', 'sources'] as const;
/** Ids in the mini network, and a few that are not. */
const IDS = [
  'alpha',
  'beta',
  'gamma',
  'alpha-gate',
  'beta-gate',
  'gate',
  'ferry',
  'truck',
  'teu',
  'handbook',
  'alpha-gate-road',
  'beta-gate-beta-rail',
  'alpha->gamma',
  'nowhere',
  'Gate',
  '',
];
const FIELDS = [
  'hours',
  'lanes',
  'quota_units_per_day',
  'steps',
  'tz',
  'distance_km',
  'time',
  'units_per_day',
  't_per_year',
  'from',
  'to',
  'mode',
  'capacity_units',
  'departures_per_week',
  'country',
  'provenance',
  'id',
  'x',
];

/** A scenario drawn from pieces of the mini network, with hostile values. */
const scenarioData = fc.record({
  format: fc.constantFrom('caravan-scenario/1', 'caravan-scenario/1', 'caravan/1', 'caravan-scenario/2'),
  name: fc.oneof(fc.constant('fuzz'), fc.string({ maxLength: 5 })),
  changes: fc.dictionary(
    fc.constantFrom(...LISTS, 'roads'),
    fc.dictionary(
      fc.constantFrom(...IDS),
      fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 3 }),
      {
        maxKeys: 2,
      },
    ),
    { maxKeys: 2 },
  ),
  remove: fc.dictionary(fc.constantFrom(...LISTS), fc.array(fc.constantFrom(...IDS), { maxLength: 2 }), {
    maxKeys: 2,
  }),
  add: fc.dictionary(
    fc.constantFrom(...LISTS),
    fc.array(fc.tuple(fc.constantFrom(...LISTS), fc.nat(), structuralOps), { maxLength: 2 }),
    { maxKeys: 2 },
  ),
});

beforeAll(() => configureLimits({ values: FUZZ_LIMITS }));
afterAll(() => configureLimits({}));

/** Parses, applies and validates as `caravan validate --scenario` does; never throws. */
async function checkScenario(data: unknown): Promise<void> {
  const { scenario, issues } = parseScenario(data);
  expectIssueList(issues);
  if (!scenario) {
    expect(issues.length).toBeGreaterThan(0);
    return;
  }
  const applied = applyScenario(BASE, scenario);
  expectIssueList(applied.issues);
  if (!applied.network) return;
  expectIssueList(networkSizeIssues(applied.network));
  const r = validateNetwork(applied.network);
  expectIssueList(r.issues);
  if (r.model) await exercise(r.model, { assign: false });
}

describe('fuzzing scenarios', () => {
  it('overlays made of the network’s own ids, fields and hostile values', async () => {
    await fuzz(
      'scenarios: generated overlays',
      scenarioData,
      async (s) => {
        const add = Object.fromEntries(
          Object.entries(s.add).map(([list, entries]) => [
            list,
            entries.map(([from, k, ops]) => {
              const pool = BASE[from] as unknown[];
              return mutate(pool[k % pool.length], ops);
            }),
          ]),
        );
        await checkScenario({ ...s, add });
      },
      { runs: 150, seconds: 4 },
    );
  });

  it('the mini-24h scenario mutated as data and as text', async () => {
    const text = stringify(SCENARIO);
    await fuzz(
      'scenarios: mini-24h, structural and text mutations',
      fc.tuple(structuralOps, textOps, fc.boolean()),
      async ([ops, edits, asText]) => {
        if (!asText) {
          await checkScenario(mutate(SCENARIO, ops));
          return;
        }
        const { parsed, issues } = parseText(mutateText(text, edits), { file: 'scenario.yaml' });
        expectIssueList(issues);
        if (parsed) await checkScenario(parsed.data);
      },
      { runs: 150, seconds: 3 },
    );
  });
});
