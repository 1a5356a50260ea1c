/**
 * Cases the fuzzers found, kept as fixtures (test/fixtures/fuzz/): each one now gives a located
 * issue and exit code 2, where it used to crash.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../src/model/load.js';
import { caravan, ROOT } from '../helpers.js';
import { CRASH } from './helpers.js';

const DIR = join(ROOT, 'test', 'fixtures', 'fuzz');
const FOUND = readdirSync(DIR).filter((f) => !f.endsWith('.md'));

describe('cases found by fuzzing', () => {
  it('there are some', () => {
    expect(FOUND.length).toBeGreaterThan(0);
  });

  it.each(FOUND)('%s: an issue with its line, in the library and through the CLI', (name) => {
    const r = parseNetwork(readFileSync(join(DIR, name), 'utf8'), name);
    expect(r.model).toBeUndefined();
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues[0]!.line).toBeGreaterThanOrEqual(1);
    const cli = caravan(['validate', join('test', 'fixtures', 'fuzz', name)]);
    expect(cli.code).toBe(2);
    expect(`${cli.stdout}${cli.stderr}`).not.toMatch(CRASH);
  });

  it('an alias with no anchor at the top of a document (was: internal error "Unresolved alias")', () => {
    const r = parseNetwork(readFileSync(join(DIR, 'unresolved-alias-at-root.yaml'), 'utf8'), 'x.yaml');
    expect(r.issues[0]).toMatchObject({ code: 'parse_error', line: 1 });
    expect(r.issues[0]!.message).toContain('an alias (*name) must come after its anchor (&name)');
  });
});
