/**
 * Examples are tests: every `$ caravan …` command shown in the README and docs runs here, with the
 * exit code the text shows (`# exit 2` after the command), and its first output line as pasted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caravan, ROOT } from '../helpers.js';

interface Example {
  readonly file: string;
  readonly args: string[];
  readonly exit: number;
  readonly firstLine: string | undefined;
}

function examples(file: string): Example[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: Example[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = /^\$ (?:npx )?caravan\b(.*?)(?:\s+#\s*exit (\d+))?\s*$/.exec(line);
    if (!m) return;
    const next = lines[i + 1];
    out.push({
      file,
      args: m[1]!.trim().split(/\s+/).filter(Boolean),
      exit: Number(m[2] ?? 0),
      firstLine: next !== undefined && !next.startsWith('$') && !next.startsWith('```') ? next : undefined,
    });
  });
  return out;
}

const files = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const all = files.flatMap(examples);

describe('examples in the README and docs', () => {
  it('there are examples to run', () => {
    expect(all.length).toBeGreaterThan(3);
  });

  it.each(all.map((e) => [`${e.file}: caravan ${e.args.join(' ')}`, e] as const))('%s', (_name, e) => {
    const r = caravan(e.args);
    expect(r.code, r.stderr).toBe(e.exit);
    if (e.firstLine !== undefined) expect(`${r.stdout}${r.stderr}`.split('\n')[0]).toBe(e.firstLine);
  });
});
