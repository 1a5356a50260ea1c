/**
 * Compile once: the text of a validated network (distributions, durations, opening hours, time
 * zones) is parsed by src/model while validating and by src/network/compile*.ts into the compiled
 * network; no algorithm parses it again. This test fails when a module outside those imports a
 * field parser of src/model.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

/** Parsers of whole inputs (files, scenario overlays, settings): what the edges call to read them. */
const INPUT_READERS = new Set([
  'parseNetwork',
  'parseText',
  'parseYamlText',
  'parseJsonText',
  'parseScenario',
  'parseLimitValue',
  'parseLimitSettings',
]);

/** Modules that may still parse field text, each with the reason. */
const ALLOWED = new Map<string, string>([]);

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const rel = (p: string) => relative(ROOT, p).split('\\').join('/');

/** The field parsers src/model exports: every exported `parse…` function but the input readers, and `utcOffsetHours`. */
function fieldParsers(): string[] {
  const names = new Set<string>();
  for (const file of tsFiles(join(SRC, 'model'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/export function (\w+)/g)) {
      const name = m[1]!;
      if ((/^parse[A-Z]/.test(name) && !INPUT_READERS.has(name)) || name === 'utcOffsetHours')
        names.add(name);
    }
  }
  return [...names].sort();
}

/** Names imported by a module, with the module they come from. */
function imports(text: string): { names: string[]; from: string }[] {
  const out: { names: string[]; from: string }[] = [];
  for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    const names = m[1]!
      .split(',')
      .map((s) =>
        s
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]!
          .trim(),
      )
      .filter(Boolean);
    out.push({ names, from: m[2]! });
  }
  return out;
}

function mayParse(file: string): boolean {
  return file.startsWith('src/model/') || /^src\/network\/compile[^/]*\.ts$/.test(file);
}

describe('compile once', () => {
  const parsers = fieldParsers();

  it('finds the field parsers of src/model', () => {
    expect(parsers).toEqual(expect.arrayContaining(['parseDistribution', 'parseDuration', 'parseHours']));
  });

  it('no module outside src/model and src/network/compile* imports a field parser', () => {
    const offenders: string[] = [];
    for (const path of tsFiles(SRC)) {
      const file = rel(path);
      if (mayParse(file) || ALLOWED.has(file)) continue;
      for (const { names, from } of imports(readFileSync(path, 'utf8'))) {
        for (const n of names) if (parsers.includes(n)) offenders.push(`${file}: ${n} from ${from}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the allowlist holds only modules that still need it', () => {
    const stale = [...ALLOWED.keys()].filter((file) => {
      let text: string;
      try {
        text = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        return true;
      }
      return !imports(text).some(({ names }) => names.some((n) => parsers.includes(n)));
    });
    expect(stale).toEqual([]);
  });
});
