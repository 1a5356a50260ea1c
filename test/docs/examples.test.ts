/**
 * Examples are tests: every `$ caravan …` command shown in the README and docs runs here (once, however
 * many docs show it), with the exit code the text shows (`# exit 2` after the command), and its whole
 * output (stdout then stderr) must equal the lines under it, volatile parts masked and a line `…`
 * standing for any number of lines (see ./doc-examples.ts).
 *
 * `npm run examples:update` (UPDATE_EXAMPLES=1) rewrites those output lines from real runs instead of
 * comparing them; a normal run never writes a file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, caravan, ROOT } from '../helpers.js';
import {
  compareOutput,
  ELISION,
  type Example,
  MASK_TOKEN,
  mask,
  outputLines,
  parseExamples,
  regenerateDoc,
} from './doc-examples.js';

const UPDATE = process.env.UPDATE_EXAMPLES === '1';

const files = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];
const docs = files.map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));
const all = docs.flatMap((d) => parseExamples(d.text, d.file));

const runs = new Map<string, CliResult>();
function run(args: readonly string[]): CliResult {
  const key = JSON.stringify(args);
  let r = runs.get(key);
  if (r === undefined) runs.set(key, (r = caravan(args)));
  return r;
}

/** What each example printed, by `file:line`, for the update. */
const printed = new Map<string, string[]>();
const where = (e: Example): string => `${e.file}:${e.line}`;

describe('examples in the README and docs', () => {
  it('there are examples to run', () => {
    expect(all.length).toBeGreaterThan(3);
  });

  it('every route example pins its date (the default is today)', () => {
    const undated = all.filter((e) => e.args[0] === 'route' && !e.args.includes('--date'));
    expect(undated.map((e) => `${e.file}:${e.line}`)).toEqual([]);
  });

  it('every elided output still shows its first and its last line', () => {
    const bad = all.filter(
      (e) => e.expected.includes(ELISION) && (e.expected[0] === ELISION || e.expected.at(-1) === ELISION),
    );
    expect(bad.map(where)).toEqual([]);
  });

  it.each(all.map((e) => [`${where(e)}: ${e.command}`, e] as const))(
    '%s',
    (_name, e) => {
      const r = run(e.args);
      const actual = outputLines(r.stdout, r.stderr);
      printed.set(where(e), actual);
      expect(r.code, `exit code of ${e.command}\n${r.stderr}`).toBe(e.exit);
      if (UPDATE) return;
      const m = compareOutput(e.expected, actual);
      if (m !== undefined) {
        expect.fail(
          `${where(e)}: ${e.command}\n${m.message}\n` +
            `(npm run examples:update rewrites the docs from real runs; ${MASK_TOKEN} marks masked text)\n` +
            `--- the command printed (masked) ---\n${actual.map(mask).join('\n')}`,
        );
      }
    },
    600_000,
  );

  afterAll(() => {
    if (!UPDATE) return;
    for (const d of docs) {
      const text = regenerateDoc(d.text, d.file, (e) => printed.get(where(e)));
      if (text === d.text) continue;
      writeFileSync(join(ROOT, d.file), text);
      console.log(`examples: rewrote the outputs in ${d.file}`);
    }
  });
});
