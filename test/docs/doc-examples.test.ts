/** The examples machinery on synthetic docs: parsing, comparing (masks, `…`), regenerating. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareOutput,
  ELISION,
  MASK_TOKEN,
  mask,
  outputLines,
  parseExamples,
  regenerateDoc,
  regenerateOutput,
  splitArgs,
} from './doc-examples.js';

const doc = (...lines: string[]): string => lines.join('\n');

const SAMPLE = doc(
  '# Title',
  '',
  'Prose with `$ caravan inline` and a synopsis:',
  '',
  '```',
  'caravan route --from NAME --to NAME',
  '```',
  '',
  '```sh',
  '$ caravan validate',
  'ok: 3 nodes',
  '$ npx caravan validate bad.yaml   # exit 2',
  'bad.yaml:1: nope',
  '',
  'bad.yaml: invalid (1 error)',
  '$ npm test',
  'not ours',
  '```',
  '',
  'More prose.',
  '',
  '~~~',
  '$ caravan network export --out /tmp/x.json',
  '~~~',
  '',
);

describe('parseExamples', () => {
  const ex = parseExamples(SAMPLE, 'doc.md');

  it('finds the $ caravan and $ npx caravan lines inside code blocks, nothing else', () => {
    expect(ex.map((e) => e.command)).toEqual([
      'caravan validate',
      'caravan validate bad.yaml',
      'caravan network export --out /tmp/x.json',
    ]);
    expect(ex.map((e) => e.line)).toEqual([10, 12, 23]);
  });

  it('reads the exit code and the output lines up to the next $ line or the end of the block', () => {
    expect(ex[0]).toMatchObject({
      args: ['validate'],
      exit: 0,
      expected: ['ok: 3 nodes'],
      start: 10,
      end: 11,
    });
    expect(ex[1]).toMatchObject({
      args: ['validate', 'bad.yaml'],
      exit: 2,
      expected: ['bad.yaml:1: nope', '', 'bad.yaml: invalid (1 error)'],
    });
    expect(ex[2]!.expected).toEqual([]);
  });

  it('refuses a command outside a code block, which would silently not run', () => {
    expect(() => parseExamples(doc('text', '$ caravan validate', 'more'), 'x.md')).toThrow(/x\.md:2/);
  });

  it('splits quoted words and refuses what would need a shell or an unknown comment', () => {
    expect(splitArgs(` route --from "Xi'an" --to 'Duisburg'  # exit 0`, 'w')).toEqual({
      args: ['route', '--from', "Xi'an", '--to', 'Duisburg'],
      exit: 0,
    });
    expect(() => splitArgs(' overview | head', 'w')).toThrow(/shell/);
    expect(() => splitArgs(' overview > out.txt', 'w')).toThrow(/shell/);
    expect(() => splitArgs(' overview # the main job', 'w')).toThrow(/exit N/);
    expect(() => splitArgs(' route --from "xian', 'w')).toThrow(/unclosed/);
  });
});

describe('outputLines', () => {
  it('is stdout then stderr, a final newline ending the last line', () => {
    expect(outputLines('a\nb\n', 'e\n')).toEqual(['a', 'b', 'e']);
    expect(outputLines('', 'error:\n  --x: bad\n')).toEqual(['error:', '  --x: bad']);
    expect(outputLines('', '')).toEqual([]);
    expect(outputLines('a\n\n', '')).toEqual(['a', '']);
    expect(outputLines('no newline', 'e')).toEqual(['no newline', 'e']);
    expect(outputLines('a\r\nb\r\n', '')).toEqual(['a', 'b']);
  });
});

describe('masks', () => {
  it('hide wall-clock milliseconds and elapsed_ms, and nothing that is a result', () => {
    expect(mask('  optimal after 3 rounds (HiGHS), 388 ms')).toBe(
      `  optimal after 3 rounds (HiGHS), ${MASK_TOKEN} ms`,
    );
    expect(mask('done, 1,204 ms')).toBe(`done, ${MASK_TOKEN} ms`);
    expect(mask('  "elapsed_ms": 12.75,')).toBe(`  "elapsed_ms": ${MASK_TOKEN},`);
    for (const result of ['mean 114 USD/t and 4.6 days', 'wait 267.8 h', '"time_h": 388', 'slot 60 min']) {
      expect(mask(result)).toBe(result);
    }
  });
});

describe('compareOutput', () => {
  const out = ['head', 'a', 'b', 'c', 'tail'];

  it('accepts an identical output and names the first changed, missing or extra line', () => {
    expect(compareOutput(out, out)).toBeUndefined();
    expect(compareOutput(out, ['head', 'a', 'B', 'c', 'tail'])).toMatchObject({
      line: 3,
      expected: 'b',
      actual: 'B',
    });
    expect(compareOutput(out, out.slice(0, 4))).toMatchObject({
      line: 5,
      expected: 'tail',
      actual: undefined,
    });
    expect(compareOutput(out, [...out, ''])).toMatchObject({ line: 6, expected: undefined, actual: '' });
    expect(compareOutput([], [])).toBeUndefined();
    expect(compareOutput([], ['x'])).toMatchObject({ line: 1 });
    expect(compareOutput([''], [])).toMatchObject({ line: 1, expected: '', actual: undefined });
  });

  it('compares masked lines: elapsed times differ, results do not', () => {
    expect(compareOutput(['solved, 16 ms'], ['solved, 2,388 ms'])).toBeUndefined();
    expect(
      compareOutput(['{"elapsed_ms": 3, "flow": 7}'], ['{"elapsed_ms": 41.5, "flow": 7}']),
    ).toBeUndefined();
    expect(compareOutput(['{"elapsed_ms": 3, "flow": 7}'], ['{"elapsed_ms": 3, "flow": 8}'])).toBeDefined();
  });

  it('takes a line … for zero or more lines, anywhere', () => {
    expect(compareOutput(['head', ELISION, 'tail'], ['head', 'tail'])).toBeUndefined();
    expect(compareOutput(['head', ELISION, 'tail'], out)).toBeUndefined();
    expect(compareOutput(['head', ELISION], out)).toBeUndefined();
    expect(compareOutput([ELISION, 'tail'], out)).toBeUndefined();
    expect(compareOutput([ELISION], [])).toBeUndefined();
    expect(compareOutput(['head', ELISION, 'b', ELISION, 'tail'], out)).toBeUndefined();
    expect(compareOutput(['head', ELISION, 'b', 'c', ELISION, 'tail'], out)).toBeUndefined();
    expect(compareOutput(['head', ELISION, ELISION, 'tail'], out)).toBeUndefined();
  });

  it('still fails around a … : changed head or tail, lines out of order or absent, output too short', () => {
    expect(compareOutput(['HEAD', ELISION, 'tail'], out)).toMatchObject({ line: 1 });
    expect(compareOutput(['head', ELISION, 'TAIL'], out)).toMatchObject({
      line: 5,
      expected: 'TAIL',
      actual: 'tail',
    });
    expect(compareOutput(['head', ELISION, 'c', ELISION, 'b', ELISION, 'tail'], out)).toBeDefined();
    expect(compareOutput(['head', ELISION, 'z', ELISION, 'tail'], out)).toBeDefined();
    expect(compareOutput(['head', ELISION, 'head', 'tail'], ['head', 'tail'])).toBeDefined();
    expect(compareOutput(['head', 'a', ELISION, 'a', 'tail'], ['head', 'a', 'tail'])).toBeDefined();
  });

  it('reads … inside a line literally', () => {
    expect(compareOutput(['{"mean": 1, …}'], ['{"mean": 1, …}'])).toBeUndefined();
    expect(compareOutput(['{"mean": 1, …}'], ['{"mean": 1, "p90": 2}'])).toBeDefined();
  });

  it('agrees with a brute-force matcher of the same pattern', () => {
    // Independent truth: a regular expression over the output joined with a separator.
    const brute = (pattern: string[], actual: string[]): boolean => {
      const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = pattern.map((l) => (l === ELISION ? '(?:[^\\n]*\\n)*' : `${esc(l)}\\n`)).join('');
      return new RegExp(`^${re}$`).test(actual.map((l) => `${l}\n`).join(''));
    };
    const line = fc.constantFrom('a', 'b', '');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(line, fc.constant(ELISION)), { maxLength: 6 }),
        fc.array(line, { maxLength: 7 }),
        (p, a) => {
          expect(compareOutput(p, a) === undefined).toBe(brute(p, a));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('regenerateOutput', () => {
  const fresh = ['H1', 'H2', 'm1', 'm2', 'm3', 'm4', 'T1'];

  it('writes the whole output where the doc shows no …', () => {
    expect(regenerateOutput(['old'], fresh)).toEqual(fresh);
    expect(regenerateOutput(['a', 'b', 'c'], [])).toEqual([]);
  });

  it('keeps the same number of lines before and after the …', () => {
    expect(regenerateOutput(['h1', 'h2', ELISION, 't1'], fresh)).toEqual(['H1', 'H2', ELISION, 'T1']);
    expect(regenerateOutput(['h1', ELISION], fresh)).toEqual(['H1', ELISION]);
    expect(regenerateOutput([ELISION, 't1', 't2'], fresh)).toEqual([ELISION, 'm4', 'T1']);
  });

  it('shows a short output whole rather than repeat lines around the …', () => {
    expect(regenerateOutput(['h1', 'h2', 'h3', ELISION, 't1', 't2'], ['x', 'y', 'z'])).toEqual([
      'x',
      'y',
      'z',
    ]);
  });

  it('finds the lines between two … again by their first line, and drops them once it is gone', () => {
    const doc = ['h1', ELISION, 'm2', 'old', ELISION, 't1'];
    expect(regenerateOutput(doc, fresh)).toEqual(['H1', ELISION, 'm2', 'm3', ELISION, 'T1']);
    expect(regenerateOutput(['h1', ELISION, 'gone', ELISION, 't1'], fresh)).toEqual(['H1', ELISION, 'T1']);
  });

  it('leaves a doc that matches as it is, masked values included, and keeps unchanged masked lines', () => {
    const shown = ['solved, 16 ms', 'flow 7', ELISION];
    expect(regenerateOutput(shown, ['solved, 900 ms', 'flow 7', 'x'])).toEqual(shown);
    expect(regenerateOutput(shown, ['solved, 900 ms', 'flow 8', 'x'])).toEqual([
      'solved, 16 ms',
      'flow 8',
      ELISION,
    ]);
  });

  it('always produces lines that match the output they come from', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'x, 5 ms', '');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(line, fc.constant(ELISION)), { maxLength: 8 }),
        fc.array(line, { maxLength: 12 }),
        (p, a) => {
          const next = regenerateOutput(p, a);
          expect(compareOutput(next, a)).toBeUndefined();
          expect(regenerateOutput(next, a)).toEqual(next);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('regenerateDoc', () => {
  const text = doc(
    'Intro prose.',
    '```',
    '$ caravan a',
    'old a 1',
    'old a 2',
    '…',
    'old a end',
    '$ caravan b   # exit 2',
    'old b',
    '```',
    'Middle prose, with a line',
    '…',
    'that is prose, not output.',
    '```',
    '$ caravan c',
    'c stays',
    '```',
    '',
  );
  const outputs: Record<string, string[]> = {
    'caravan a': ['A1', 'A2', 'A3', 'A4', 'A5', 'Aend'],
    'caravan b': ['error:', '  --x: B'],
  };

  it('rewrites output lines only, keeping elisions, prose, commands and untouched examples', () => {
    const next = regenerateDoc(text, 'd.md', (e) => outputs[e.command]);
    expect(next).toBe(
      doc(
        'Intro prose.',
        '```',
        '$ caravan a',
        'A1',
        'A2',
        '…',
        'Aend',
        '$ caravan b   # exit 2',
        'error:',
        '  --x: B',
        '```',
        'Middle prose, with a line',
        '…',
        'that is prose, not output.',
        '```',
        '$ caravan c',
        'c stays',
        '```',
        '',
      ),
    );
    expect(regenerateDoc(next, 'd.md', (e) => outputs[e.command])).toBe(next);
  });

  it('refuses an output the doc would read as a command or the end of the block', () => {
    expect(() => regenerateDoc(text, 'd.md', () => ['$ rm -rf /'])).toThrow(
      /d\.md:15: caravan c prints "\$ rm/,
    );
    expect(() => regenerateDoc(text, 'd.md', () => ['```'])).toThrow(/cannot show/);
  });
});
