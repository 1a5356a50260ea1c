/**
 * Hostile input read by the library: every case is an issue with a code, the file and a line, found
 * quickly — never a throw, a hang or the input's bytes in the message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { decodeText, firstInvalidUtf8 } from '../../src/io/decode-text.js';
import { formatIssue, type Issue } from '../../src/model/issue.js';
import { parseJsonText } from '../../src/model/json-text.js';
import { DEFAULT_LIMITS } from '../../src/model/limits.js';
import { parseNetwork, parseText, textFormat } from '../../src/model/load.js';
import { mini, ROOT } from '../helpers.js';

const HOSTILE = join(ROOT, 'test', 'fixtures', 'hostile');
const text = (name: string) => readFileSync(join(HOSTILE, name), 'utf8');
const bytes = (name: string) => new Uint8Array(readFileSync(join(HOSTILE, name)));

function only(issues: readonly Issue[]): Issue {
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

function timed<T>(f: () => T, maxMs: number): T {
  const start = performance.now();
  const r = f();
  expect(performance.now() - start).toBeLessThan(maxMs);
  return r;
}

describe('YAML', () => {
  it('an alias bomb is refused at the alias that takes the expansion over the limit', () => {
    const i = only(timed(() => parseNetwork(text('alias-bomb.yaml'), 'bomb.yaml'), 2000).issues);
    expect(i).toMatchObject({ code: 'limit_exceeded', path: 'limits.yaml_aliases', file: 'bomb.yaml' });
    expect(i.line).toBeGreaterThan(3);
  });

  it('a few aliases of small values are fine, and read as their anchors', () => {
    const r = parseText('a: &x {t: 1}\nb: *x\nc: [*x, *x]\n');
    expect(r.parsed?.data).toEqual({ a: { t: 1 }, b: { t: 1 }, c: [{ t: 1 }, { t: 1 }] });
  });

  it('an alias expansion is counted in values: nested aliases multiply', () => {
    // 3 aliases of a 4-value list (the list and its 3 items) = 12 values, and 2 aliases of that list of 3 aliases (1 + 12) = 26.
    const doc = 'a: &a [1, 2, 3]\nb: &b [*a, *a, *a]\nc: [*b, *b]\n';
    expect(parseText(doc, { limits: { yaml_aliases: 38 } }).issues).toEqual([]);
    expect(only(parseText(doc, { limits: { yaml_aliases: 37 } }).issues).path).toBe('limits.yaml_aliases');
  });

  it('an anchor whose value contains its own alias is refused', () => {
    const i = only(parseNetwork(text('recursive-alias.yaml'), 'r.yaml').issues);
    expect(i).toMatchObject({ code: 'parse_error', line: 5 });
    expect(i.message).toContain('cannot include itself');
  });

  it('deep nesting stops at the limit, without exhausting the stack', () => {
    const i = only(timed(() => parseNetwork(text('deep-nesting.yaml'), 'd.yaml').issues, 2000));
    expect(i).toMatchObject({ code: 'limit_exceeded', path: 'limits.nesting_depth', line: 3 });
    const blocks = `format: caravan/1\n${Array.from({ length: 3000 }, (_, k) => `${' '.repeat(k)}k:`).join('\n')}\n`;
    expect(only(parseNetwork(blocks).issues).path).toBe('limits.nesting_depth');
    const dashes = `format: caravan/1\nnodes:\n${'- '.repeat(50_000)}x\n`;
    expect(only(timed(() => parseNetwork(dashes).issues, 2000)).path).toBe('limits.nesting_depth');
  });

  it('a million nested brackets are refused at once', () => {
    const deep = `nodes: ${'['.repeat(1_000_000)}`;
    expect(only(timed(() => parseText(deep).issues, 2000)).path).toBe('limits.nesting_depth');
  });

  it('a duplicate key is an issue with its line', () => {
    const i = only(parseNetwork(text('duplicate-key.yaml'), 'dup.yaml').issues);
    expect(i).toMatchObject({ code: 'duplicate_key', line: 16 });
    expect(i.message).toContain('"name"');
  });

  it('a huge scalar is refused by the limit string_chars', () => {
    const doc = `format: caravan/1\nname: ${'x'.repeat(DEFAULT_LIMITS.string_chars + 1)}\nnodes: []\n`;
    expect(only(parseNetwork(doc).issues)).toMatchObject({ path: 'limits.string_chars', line: 2 });
    const block = `format: caravan/1\ndescription: |\n${'  lorem ipsum\n'.repeat(10_000)}nodes: []\n`;
    // A block scalar's text starts on the line after its indicator.
    expect(only(parseNetwork(block).issues)).toMatchObject({ path: 'limits.string_chars', line: 3 });
  });

  it('several documents in one file are refused', () => {
    expect(only(parseNetwork(text('multi-document.yaml')).issues)).toMatchObject({
      code: 'parse_error',
      line: 3,
    });
  });

  it('a key "__proto__" is an unknown field, not a prototype', () => {
    const r = parseNetwork('format: caravan/1\n__proto__: {polluted: 1}\nnodes: []\n');
    expect(r.issues.map((i) => `${i.code} ${i.path}`)).toContain('unknown_field __proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('JSON', () => {
  it('JSON is recognised by the file name or by its first character', () => {
    expect(textFormat('{"a": 1}')).toBe('json');
    expect(textFormat('  \n[1]')).toBe('json');
    expect(textFormat('a: 1', 'x.json')).toBe('json');
    expect(textFormat('# {x}\na: 1')).toBe('yaml');
  });

  it('malformed JSON is reported in JSON terms, with line and column', () => {
    const i = only(parseNetwork(text('malformed.json'), 'm.json').issues);
    expect(i).toMatchObject({ code: 'parse_error', file: 'm.json', line: 5 });
    expect(i.message).toMatch(/^JSON: .*trailing comma \(column 3\)$/);
    expect(i.message).not.toMatch(/flow|sequence|collection|indent/i); // the YAML parser's words
    const q = only(parseNetwork(text('single-quoted.json'), 's.json').issues);
    expect(q.message).toContain('double quotes');
  });

  it('a duplicate key is refused, with both lines', () => {
    const i = only(parseNetwork(text('duplicate-key.json'), 'd.json').issues);
    expect(i).toMatchObject({ code: 'duplicate_key', line: 6 });
    expect(i.message).toContain('first at line 3');
  });

  it('deep nesting and long strings stop at their limits', () => {
    expect(only(parseNetwork(text('deep-nesting.json')).issues).path).toBe('limits.nesting_depth');
    const long = `{"format": "caravan/1", "name": "${'y'.repeat(DEFAULT_LIMITS.string_chars + 1)}", "nodes": []}`;
    expect(only(parseNetwork(long).issues).path).toBe('limits.string_chars');
  });

  it('a valid network in JSON gets the lines of its issues', () => {
    const data = mini();
    data.links[1].from = 'nowhere';
    const json = JSON.stringify(data, null, 2);
    const i = only(parseNetwork(json, 'n.json').issues.filter((x) => x.severity === 'error'));
    expect(i.path).toBe('links[1].from');
    expect(json.split('\n')[i.line! - 1]).toContain('"from": "nowhere"');
  });

  it('reads exactly what JSON.parse reads', () => {
    const data = mini();
    const json = JSON.stringify(data);
    const r = parseJsonText(json, DEFAULT_LIMITS);
    expect('data' in r && r.data).toEqual(JSON.parse(json));
    const escaped = '{"a": "\\u00e9\\n\\"\\\\\\/", "b": [-0.5e-3, 1E+2, true, false, null], "__proto__": 1}';
    const e = parseJsonText(escaped, DEFAULT_LIMITS);
    expect('data' in e && e.data).toEqual(JSON.parse(escaped));
  });

  it('a flow-style YAML file that starts with "{" is still read as YAML', () => {
    const data = mini();
    const flow = stringify(data, { collectionStyle: 'flow' });
    expect(flow.startsWith('{')).toBe(true);
    const r = parseNetwork(flow, 'flow.yaml');
    expect(r.model).toBeDefined();
  });
});

describe('encodings and binary files', () => {
  it('UTF-16 with or without a byte-order mark: save it as UTF-8', () => {
    const le = decodeText(bytes('utf16le-bom.yaml'));
    expect('issue' in le && le.issue).toMatchObject({ code: 'wrong_encoding' });
    expect('issue' in le && le.issue.message).toContain('UTF-16 (little-endian)');
    const be = decodeText(bytes('utf16be.yaml'));
    expect('issue' in be && be.issue.message).toContain('UTF-16 (big-endian)');
  });

  it('Latin-1: the line and column of the first byte that is not UTF-8', () => {
    const r = decodeText(bytes('latin1.yaml'));
    expect('issue' in r && r.issue).toMatchObject({ code: 'wrong_encoding', line: 19 });
    expect('issue' in r && r.issue.message).toContain('0xEA');
  });

  it('a UTF-8 byte-order mark is dropped and the file read', () => {
    const r = decodeText(bytes('utf8-bom.yaml'));
    expect('text' in r && parseNetwork(r.text).model).toBeDefined();
  });

  it('a binary file is not text; none of its bytes is quoted', () => {
    const r = decodeText(bytes('binary.yaml'));
    expect('issue' in r && r.issue.code).toBe('binary_file');
    expect('issue' in r && /^[\x20-\x7e]*$/.test(r.issue.message)).toBe(true);
  });

  it('finds the first byte that is not UTF-8', () => {
    const good = new TextEncoder().encode('aé€😀');
    expect(firstInvalidUtf8(good)).toBe(good.length);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3]))).toBe(1); // cut short
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xe9, 0x20]))).toBe(2); // Latin-1 é
  });

  it('text with NUL characters handed to the library is a binary file, not a parse error', () => {
    const i = only(parseNetwork('format: caravan/1\nnodes: []\n\u0000\u0001', 'x.yaml').issues);
    expect(i).toMatchObject({ code: 'binary_file', line: 3 });
  });

  it('control characters quoted from the file are escaped when printed', () => {
    const issues = parseNetwork(text('escape-sequences.yaml'), 'e.yaml').issues;
    const i = issues.find((x) => x.code === 'unknown_reference')!;
    const line = formatIssue(i);
    expect(line).toContain('\\u{1b}[2J');
    expect(line).not.toContain('\u001b');
    // and the network is refused for it: names are shown in tables, where escapes are not.
    expect(issues.find((x) => x.code === 'invalid_value')).toMatchObject({ path: 'links[1].from' });
  });
});
