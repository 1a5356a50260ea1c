/**
 * Fuzzing the readers against independent truth: the JSON reader reads what JSON.parse reads and
 * refuses what it refuses; the YAML reader reads back what the YAML library writes; the UTF-8
 * decoder agrees with the platform's and never throws, whatever the bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { decodeText } from '../../../src/io/decode-text.js';
import { parseJsonText } from '../../../src/model/json-text.js';
import { DEFAULT_LIMITS } from '../../../src/model/limits.js';
import { parseText } from '../../../src/model/load.js';
import { parseYamlText } from '../../../src/model/yaml-text.js';
import { expectIssueList } from './check.js';
import { fuzz } from './fuzz.js';
import { mutateText, textOps } from './mutate.js';

const LIMITS = { ...DEFAULT_LIMITS, nesting_depth: 200 };
/** JSON values without duplicate keys (JSON.parse keeps the last, the reader refuses them). */
const value = fc.jsonValue({ maxDepth: 6 });

describe('fuzzing the text readers', () => {
  it('JSON: the same data as JSON.parse for any JSON text, and syntax errors exactly where JSON.parse has them', async () => {
    await fuzz(
      'text: JSON reader against JSON.parse',
      fc.tuple(value, fc.option(textOps, { nil: undefined }), fc.boolean()),
      ([v, edits, pretty]) => {
        const json = JSON.stringify(v, null, pretty ? 2 : undefined);
        const text = edits ? mutateText(json, edits) : json;
        let expected: { ok: true; data: unknown } | { ok: false };
        try {
          expected = { ok: true, data: JSON.parse(text) };
        } catch {
          expected = { ok: false };
        }
        const r = parseJsonText(text, LIMITS);
        if ('issue' in r) {
          // Refused: a syntax error JSON.parse also finds, or a duplicate key JSON.parse lets through.
          expect(expected.ok && r.issue.code !== 'duplicate_key').toBe(false);
          expect(r.offset).toBeGreaterThanOrEqual(0);
          expect(r.offset).toBeLessThanOrEqual(text.length);
        } else {
          expect(expected.ok).toBe(true);
          if (expected.ok) expect(r.data).toStrictEqual(expected.data);
        }
      },
      { runs: 1500, seconds: 3 },
    );
  });

  it('YAML: reads back what the YAML library writes', async () => {
    await fuzz(
      'text: YAML reader round trip',
      fc.tuple(value, fc.constantFrom('block', 'flow') as fc.Arbitrary<'block' | 'flow'>),
      ([v, style]) => {
        const text = stringify(v, { collectionStyle: style, aliasDuplicateObjects: false });
        const r = parseYamlText(text, LIMITS);
        // Compared through JSON, which writes -0 as 0 (YAML keeps -0, as it should).
        const read = 'issue' in r ? r.issue.message : JSON.parse(JSON.stringify(r.data));
        expect(read).toStrictEqual(JSON.parse(JSON.stringify(v)));
      },
      { runs: 500, seconds: 3 },
    );
  });

  it('any text read as data: data or one located issue', async () => {
    await fuzz(
      'text: arbitrary text as YAML or JSON',
      fc.tuple(
        fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })),
        fc.boolean(),
      ),
      ([text, json]) => {
        const r = parseText(text, { file: json ? 'x.json' : 'x.yaml' });
        expectIssueList(r.issues);
        expect(r.parsed === undefined).toBe(r.issues.length > 0);
      },
      { runs: 1500, seconds: 3 },
    );
  });

  it('bytes: UTF-8 text decoded exactly as the platform does; anything else an issue, never a throw', async () => {
    await fuzz(
      'text: UTF-8 decoder against TextDecoder',
      fc.oneof(
        fc.uint8Array({ maxLength: 64 }),
        fc.string({ unit: 'binary', maxLength: 40 }).map((s) => new TextEncoder().encode(s)),
      ),
      (bytes) => {
        const r = decodeText(bytes);
        let platform: string | undefined;
        try {
          platform = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          platform = undefined;
        }
        if ('text' in r) expect(r.text).toBe(platform);
        else {
          expectIssueList([r.issue]);
          // Refused only if the platform refuses it too, or it holds a NUL, or starts like UTF-16.
          const nul = bytes.includes(0);
          const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
          expect(platform === undefined || nul || bom16).toBe(true);
        }
      },
      { runs: 2000, seconds: 2 },
    );
  });
});
