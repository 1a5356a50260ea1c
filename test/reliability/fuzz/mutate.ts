/**
 * Random mutations of valid inputs: structural ones on parsed data (a field deleted, set to a
 * hostile value, an entry duplicated, two values swapped, a reference pointed elsewhere, a number
 * scaled absurdly) and textual ones on the text (characters inserted, deleted, lines repeated).
 */
import fc from 'fast-check';

/** Values a careless or hostile file might hold where a valid one was. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom<unknown>(
      0,
      -0,
      -1,
      1,
      0.5,
      1e-300,
      1e6,
      1e15,
      1e308,
      -1e308,
      2 ** 53 + 1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      null,
      true,
      false,
      '',
      ' ',
      'x',
      '__proto__',
      'constructor',
      'toString',
      '0',
      '1e400',
      'NaN',
      '-1',
      '24/7',
      'exp(mean=0h)',
      'tri(5h, 1h, 2h)',
      'const(1e308h)',
      'lognormal(mean=1h, sd=1e300h)',
      'empirical()',
      'empirical(1h: 2, 2h: -1)',
      'Mon-Sun 25:00-26:00',
      'Sat-Mon 09:00-08:00',
      'UTC+99:00',
      'Asia/Nowhere',
      '2024-02-30',
      '9999-12-31',
      '0000-01-01',
      'rail',
      'road',
      'ferry',
      'sea',
      'teu',
      'truck',
      'KZ',
      'kz',
      'XX',
      [],
      {},
      [null],
      { id: 'x' },
      'x'.repeat(300),
      '\u0000',
      '\u001b[2J',
      'é',
      '😀',
      '\ud800',
      1435,
      1520,
      999_999_999,
    ),
  },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

export const STRUCTURAL_OPS = ['delete', 'set', 'duplicate', 'swap', 'reuse', 'scale', 'add'] as const;

/** Fields an `add` operation gives an entry: the format's newer and rarer ones among them. */
const FIELDS = [
  'directions',
  'timeline',
  'monthly_profile',
  'capacity_t_per_year',
  'capacity_units_per_day',
  'unserved_cost_usd_per_t',
  'lanes',
  'quota_units_per_day',
  'speed_kmh',
  'time',
  'opens',
  'closes',
  'priority_share',
  'gauge_change',
  'max_wait',
  'growth_per_year',
  'modes',
  'arrivals',
  'transshipment',
  'aliases',
  'teu',
  'units_per_day',
  't_per_year',
  'departs_when_full',
  '__proto__',
  'x',
];

export interface StructuralOp {
  readonly kind: (typeof STRUCTURAL_OPS)[number];
  readonly at: number;
  readonly other: number;
  readonly value: unknown;
}

export const structuralOps: fc.Arbitrary<StructuralOp[]> = fc.array(
  fc.record({
    kind: fc.constantFrom(...STRUCTURAL_OPS),
    at: fc.nat(),
    other: fc.nat(),
    value: hostileValue,
  }),
  { minLength: 1, maxLength: 5 },
);

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number; path: (string | number)[] };

/** Every place in the data that holds a value, in document order. */
function slots(data: unknown): Slot[] {
  const out: Slot[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out.push({ parent: v, key: i, path: [...path, i] });
        walk(x, [...path, i]);
      });
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        out.push({ parent: v as Record<string, unknown>, key: k, path: [...path, k] });
        walk((v as Record<string, unknown>)[k], [...path, k]);
      }
    }
  };
  walk(data, []);
  return out;
}

function strings(data: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(data);
  return out;
}

const isPrefix = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length <= b.length && a.every((x, i) => x === b[i]);

/** Applies the operations to a copy of `data` (plain JSON-like data). */
export function mutate<T>(data: T, ops: readonly StructuralOp[]): T {
  const root = { value: structuredClone(data) } as { value: unknown };
  for (const op of ops) {
    const all = slots(root);
    if (all.length === 0) break;
    const s = all[op.at % all.length]!;
    const get = () => (s.parent as Record<string | number, unknown>)[s.key];
    const set = (v: unknown) => {
      (s.parent as Record<string | number, unknown>)[s.key] = v;
    };
    switch (op.kind) {
      case 'delete':
        if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
        else delete s.parent[s.key as string];
        break;
      case 'set':
        set(structuredClone(op.value));
        break;
      case 'duplicate':
        if (Array.isArray(s.parent)) s.parent.splice((s.key as number) + 1, 0, structuredClone(get()));
        else s.parent[`${s.key as string}${op.other % 2 ? '_' : ''}`] = structuredClone(get());
        break;
      case 'swap': {
        const t = all[op.other % all.length]!;
        if (isPrefix(s.path, t.path) || isPrefix(t.path, s.path)) break; // would make a cycle
        const a = get();
        set((t.parent as Record<string | number, unknown>)[t.key]);
        (t.parent as Record<string | number, unknown>)[t.key] = a;
        break;
      }
      case 'reuse': {
        const pool = strings(root.value);
        if (pool.length > 0) set(pool[op.other % pool.length]);
        break;
      }
      case 'add': {
        const v = get();
        if (v && typeof v === 'object' && !Array.isArray(v))
          Object.defineProperty(v, FIELDS[op.other % FIELDS.length]!, {
            value: structuredClone(op.value),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        break;
      }
      case 'scale': {
        const v = get();
        const factors = [1e3, 1e6, 1e12, -1, 0, 1e-6, 0.5, 1e300];
        if (typeof v === 'number') set(v * factors[op.other % factors.length]!);
        else set(structuredClone(op.value));
        break;
      }
    }
  }
  return root.value as T;
}

/** Pieces of YAML and JSON syntax that break a text in interesting ways. */
const TOKENS = [
  ':',
  ': ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '&a ',
  '*a',
  '&a',
  '!!binary ',
  '!foo ',
  '<<: *a',
  '? ',
  '|',
  '>',
  '#',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '\t',
  '\n',
  '\r\n',
  '  ',
  '\\',
  '\u0000',
  '\uFEFF',
  '\u001b',
  'é',
  '𝕏',
  '0x1F',
  '.inf',
  '.nan',
  '~',
  'null',
  '1e999',
  '"\\u0000"',
  '\\x',
  '""',
  '{}',
  '[]',
];

export const TEXT_OPS = ['insert', 'delete', 'replace', 'repeat-line', 'swap-lines', 'truncate'] as const;

export interface TextOp {
  readonly kind: (typeof TEXT_OPS)[number];
  readonly at: number;
  readonly other: number;
  readonly length: number;
  readonly text: string;
}

export const textOps: fc.Arbitrary<TextOp[]> = fc.array(
  fc.record({
    kind: fc.constantFrom(...TEXT_OPS),
    at: fc.nat(),
    other: fc.nat(),
    length: fc.nat({ max: 40 }),
    text: fc.oneof(
      fc.constantFrom(...TOKENS),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
  }),
  { minLength: 1, maxLength: 4 },
);

/** Applies text operations to a text. */
export function mutateText(text: string, ops: readonly TextOp[]): string {
  let t = text;
  for (const op of ops) {
    const at = t.length === 0 ? 0 : op.at % (t.length + 1);
    const lines = t.split('\n');
    switch (op.kind) {
      case 'insert':
        t = t.slice(0, at) + op.text + t.slice(at);
        break;
      case 'delete':
        t = t.slice(0, at) + t.slice(at + op.length);
        break;
      case 'replace':
        t = t.slice(0, at) + op.text + t.slice(at + op.text.length);
        break;
      case 'repeat-line': {
        const i = op.at % lines.length;
        lines.splice(i, 0, ...Array(1 + (op.other % 3)).fill(lines[i]));
        t = lines.join('\n');
        break;
      }
      case 'swap-lines': {
        const i = op.at % lines.length;
        const j = op.other % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        t = lines.join('\n');
        break;
      }
      case 'truncate':
        t = t.slice(0, at);
        break;
    }
  }
  return t;
}
