/**
 * The use cases described for people: each one's options (type, default, range, meaning) and the
 * fields of its result, generated from their zod schemas. docs/api-results.md is this text; a test
 * keeps it in step with the schemas.
 */
import { z } from 'zod';
import type { AnyUseCase } from './use-case.js';

type Json = Record<string, unknown>;

function typeOf(s: Json): string {
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).map((x) => JSON.stringify(x)).join(' \\| ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  const any = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (any) return any.map(typeOf).join(' \\| ');
  if (s.type === 'array') {
    if (Array.isArray(s.prefixItems)) return `[${(s.prefixItems as Json[]).map(typeOf).join(', ')}]`;
    const item = typeOf((s.items as Json) ?? {});
    return item.includes(' ') ? `(${item})[]` : `${item}[]`;
  }
  if (
    s.type === 'object' &&
    s.additionalProperties &&
    typeof s.additionalProperties === 'object' &&
    !s.properties
  )
    return `{ [key]: ${typeOf(s.additionalProperties as Json)} }`;
  if (typeof s.type === 'string') return s.type === 'integer' ? 'integer' : s.type;
  return 'any';
}

function range(s: Json): string {
  const parts: string[] = [];
  // The bounds zod gives every integer (the safe integers) say nothing.
  const safe = (x: unknown) => typeof x === 'number' && Math.abs(x) < Number.MAX_SAFE_INTEGER;
  if (s.minimum !== undefined && safe(s.minimum)) parts.push(`≥ ${s.minimum}`);
  if (s.exclusiveMinimum !== undefined) parts.push(`> ${s.exclusiveMinimum}`);
  if (s.maximum !== undefined && safe(s.maximum)) parts.push(`≤ ${s.maximum}`);
  if (s.exclusiveMaximum !== undefined) parts.push(`< ${s.exclusiveMaximum}`);
  if (s.minItems !== undefined && s.prefixItems === undefined) parts.push(`at least ${s.minItems}`);
  if (s.pattern !== undefined) parts.push(`matches \`${s.pattern}\``);
  return parts.join(', ');
}

/** The object schema inside a field (itself, a nullable one, or the items of an array of them). */
function inner(s: Json): { schema: Json; suffix: string } | undefined {
  if (s.type === 'object' && s.properties) return { schema: s, suffix: '' };
  if (s.type === 'array' && s.items) {
    const i = inner(s.items as Json);
    return i ? { schema: i.schema, suffix: `[]${i.suffix}` } : undefined;
  }
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') {
    const i = inner(s.additionalProperties as Json);
    return i ? { schema: i.schema, suffix: `.<key>${i.suffix}` } : undefined;
  }
  const any = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (any) for (const a of any) if (a.type !== 'null') return inner(a);
  return undefined;
}

function fieldLines(schema: Json, prefix: string, out: string[]): void {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  for (const [name, s] of Object.entries(props)) {
    const path = `${prefix}${name}`;
    const notes = [range(s), s.description as string | undefined].filter(Boolean).join('; ');
    const opt = required.has(name) ? '' : ' (optional)';
    out.push(`- \`${path}\`: ${typeOf(s)}${opt}${notes ? ` — ${notes}` : ''}`);
    const i = inner(s);
    if (i && i.schema !== schema) fieldLines(i.schema, `${path}${i.suffix}.`, out);
  }
}

/** One use case as Markdown: its options as a table, its result as a list of fields. */
export function describeUseCase(u: AnyUseCase): string {
  const options = z.toJSONSchema(u.options, { io: 'input', unrepresentable: 'any' }) as Json;
  const result = z.toJSONSchema(u.result, { io: 'output', unrepresentable: 'any' }) as Json;
  const out = [`## ${u.name}`, '', `${u.summary}.`, '', '### Options', ''];
  const props = (options.properties ?? {}) as Record<string, Json>;
  const required = new Set((options.required ?? []) as string[]);
  if (Object.keys(props).length === 0) out.push('None.');
  else {
    out.push('| option | type | default | range | meaning |', '| --- | --- | --- | --- | --- |');
    for (const [name, s] of Object.entries(props)) {
      const def =
        s.default !== undefined ? `\`${JSON.stringify(s.default)}\`` : required.has(name) ? 'required' : '';
      out.push(
        `| \`${name}\` | ${typeOf(s)} | ${def} | ${range(s)} | ${((s.description as string) ?? '').replace(/\|/g, '\\|')} |`,
      );
    }
  }
  out.push('', '### Result', '');
  if (result.description) out.push(`${result.description}`, '');
  const lines: string[] = [];
  fieldLines(result, '', lines);
  out.push(...(lines.length > 0 ? lines : ['A JSON object, as described above.']));
  return out.join('\n');
}

/** docs/api-results.md: every use case. */
export function describeUseCases(useCases: readonly AnyUseCase[]): string {
  return [
    '# Use cases: options and results',
    '',
    'Every operation of Caravan is a use case in `src/app/` (see docs/design-choices.md): a function',
    'from the validated network and options to plain JSON. The options below are the single source for',
    'the CLI flags (`valueOfTimeUsdPerH` is `--value-of-time`, …; see `caravan <command> --help`) and',
    'request bodies; the results are what `--json` prints. Units are in the names. This file is',
    'generated from the zod schemas: `UPDATE_API_DOCS=1 npx vitest run test/app/api-results.test.ts`.',
    '',
    ...useCases.map((u) => `${describeUseCase(u)}\n`),
  ].join('\n');
}
