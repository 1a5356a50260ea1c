/**
 * Fuzzing networks: random mutations of the mini fixture and of the embedded Eurasia network, as
 * data and as YAML or JSON text, always give an issue list or a valid model whose analyses answer.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { configureLimits } from '../../../src/model/limits.js';
import { parseNetwork } from '../../../src/model/load.js';
import { validateNetwork } from '../../../src/model/validate.js';
import { DEFAULT, MINI } from '../../helpers.js';
import { exercise, expectIssueList, FUZZ_LIMITS } from './check.js';
import { fuzz } from './fuzz.js';
import { mutate, mutateText, structuralOps, textOps } from './mutate.js';

const MINI_TEXT = readFileSync(MINI, 'utf8');
const MINI_DATA = parse(MINI_TEXT);
const MINI_JSON = JSON.stringify(MINI_DATA, null, 2);
const EURASIA = parse(readFileSync(DEFAULT, 'utf8'));

beforeAll(() => configureLimits({ values: FUZZ_LIMITS }));
afterAll(() => configureLimits({}));

async function checkText(text: string, file: string, deep = true): Promise<void> {
  const r = parseNetwork(text, file);
  expectIssueList(r.issues);
  if (!r.model) {
    expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
    return;
  }
  if (deep) await exercise(r.model);
}

describe('fuzzing networks', () => {
  it('the mini network, mutated as data, written as YAML or JSON', async () => {
    await fuzz(
      'networks: mini, structural mutations',
      fc.tuple(structuralOps, fc.boolean()),
      async ([ops, json]) => {
        const data = mutate(MINI_DATA, ops);
        // The whole document may have been deleted: an empty file.
        const text = data === undefined ? '' : json ? JSON.stringify(data) : stringify(data);
        await checkText(text, json ? 'fuzz.json' : 'fuzz.yaml');
      },
      { runs: 150, seconds: 6 },
    );
  });

  it('the mini network, mutated as text (YAML and JSON)', async () => {
    await fuzz(
      'networks: mini, text mutations',
      fc.tuple(textOps, fc.boolean()),
      async ([ops, json]) => {
        await checkText(mutateText(json ? MINI_JSON : MINI_TEXT, ops), json ? 'fuzz.json' : 'fuzz.yaml');
      },
      { runs: 250, seconds: 5 },
    );
  });

  it('the embedded Eurasia network, mutated as data', async () => {
    await fuzz(
      'networks: eurasia, structural mutations',
      fc.tuple(structuralOps, fc.nat({ max: 3 })),
      async ([ops, how]) => {
        const data = mutate(EURASIA, ops);
        if (how === 0) {
          await checkText(JSON.stringify(data) ?? '', 'eurasia.json', false);
          return;
        }
        const r = validateNetwork(data);
        expectIssueList(r.issues);
        if (r.model && how === 1) await exercise(r.model, { assign: false });
      },
      { runs: 40, seconds: 8 },
    );
  });
});
