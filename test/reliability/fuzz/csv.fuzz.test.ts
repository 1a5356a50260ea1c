/**
 * Fuzzing demand and growth CSVs: random tables of the network's places, hostile cells, broken
 * quoting and line ends always give demand rows or issues with their line.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDemandCsv } from '../../../src/flow/demand-csv.js';
import { parseGrowthCsv } from '../../../src/flow/demand-growth.js';
import { parseNetwork } from '../../../src/model/load.js';
import { ROOT } from '../../helpers.js';
import { resultOrIssues } from './check.js';
import { fuzz } from './fuzz.js';
import { mutateText, textOps } from './mutate.js';

const MODEL = parseNetwork(readFileSync(`${ROOT}/test/fixtures/flow-corridors.yaml`, 'utf8')).model!;
const PLACES = [...MODEL.nodes.flatMap((n) => [n.id, n.name]), 'nowhere', '', ' ', '"a,b"', 'É'];
const cell = fc.oneof(
  fc.constantFrom(...PLACES),
  fc.constantFrom('1e6', '0', '-5', '1e400', 'NaN', '1_000', '0x10', '', '5%', '0.05', '11', '"2e6"', '""'),
  fc.double().map(String),
  fc.string({ maxLength: 6 }),
);
const HEADERS = ['from', 'to', 't_per_year', 'cargo', 'growth_per_year', 'id', 'From', 'tonnes', ''];

const csv = fc
  .record({
    header: fc.shuffledSubarray(HEADERS, { minLength: 0, maxLength: 6 }),
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 7 }), { maxLength: 8 }),
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
  })
  .map(
    ({ header, rows, eol, bom }) =>
      `${bom ? '\uFEFF' : ''}${[header, ...rows].map((r) => r.join(',')).join(eol)}${eol}`,
  );

describe('fuzzing CSV files', () => {
  it('demand and growth tables: rows or issues, never another error', async () => {
    await fuzz(
      'CSV: demand and growth tables',
      fc.tuple(csv, fc.option(textOps, { nil: undefined })),
      async ([text, edits]) => {
        const t = edits ? mutateText(text, edits) : text;
        const rows = await resultOrIssues(() => parseDemandCsv(t, 'demand.csv', MODEL));
        if (rows) for (const r of rows) expect(r.tPerYear).toBeGreaterThan(0);
        await resultOrIssues(() => parseGrowthCsv(t, 'growth.csv', MODEL));
      },
      { runs: 400, seconds: 3 },
    );
  });
});
