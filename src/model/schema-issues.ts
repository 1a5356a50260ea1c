/**
 * Translates schema (zod) issues into Caravan issues: a code, a path and a message that says what
 * to write instead.
 */
import type { z } from 'zod';
import { type Issue, type IssueCode, issue, type PathSegment } from './issue.js';
import { didYouMean } from './suggest.js';

const PROBABILITY_FIELDS = new Set(['probability', 'repeat', 'priority_share']);

/** Known keys of the object at a path, for "did you mean" on unknown keys. */
export type KnownKeys = (path: readonly PathSegment[]) => readonly string[];

export function fromSchemaIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PathSegment[],
  knownKeys: KnownKeys,
): Issue[] {
  const out: Issue[] = [];
  for (const zi of issues) {
    const path = [...prefix, ...(zi.path as PathSegment[])];
    const field = String(zi.path[zi.path.length - 1] ?? '');
    switch (zi.code) {
      case 'unrecognized_keys':
        for (const key of zi.keys) {
          const known = knownKeys(path);
          const suggestion = didYouMean(key, known);
          out.push(
            issue('unknown_field', [...path, key], `unknown field "${key}"${suggestion || hint(known)}`),
          );
        }
        break;
      case 'invalid_type':
        if (zi.input === undefined) {
          out.push(issue('missing_field', path, `"${field}" is required: add it (${expected(zi.expected)})`));
        } else {
          out.push(
            issue('invalid_type', path, `expected ${expected(zi.expected)}, got ${describe(zi.input)}`),
          );
        }
        break;
      case 'too_small': {
        const min = Number(zi.minimum);
        let code: IssueCode = 'invalid_value';
        if (PROBABILITY_FIELDS.has(field)) code = 'probability_range';
        else if (zi.origin === 'number' && min === 0) code = 'non_positive';
        const bound = zi.inclusive ? `at least ${min}` : `greater than ${min}`;
        const what = zi.origin === 'array' ? `at least ${min} entr${min === 1 ? 'y' : 'ies'}` : bound;
        out.push(
          issue(
            code,
            path,
            code === 'probability_range' ? 'a probability must lie between 0 and 1' : `must be ${what}`,
          ),
        );
        break;
      }
      case 'too_big': {
        const code: IssueCode = PROBABILITY_FIELDS.has(field) ? 'probability_range' : 'invalid_value';
        out.push(
          issue(
            code,
            path,
            code === 'probability_range'
              ? 'a probability must lie between 0 and 1'
              : `must be at most ${Number(zi.maximum)}${zi.origin === 'array' ? ' entries' : ''}`,
          ),
        );
        break;
      }
      case 'invalid_value': {
        const values = zi.values.map((v) => String(v));
        if (field === 'format') {
          out.push(
            issue(
              'wrong_format',
              path,
              `this is not a Caravan network: the first line should be "format: caravan/1"`,
            ),
          );
        } else {
          const got = describe(zi.input);
          out.push(
            issue(
              'invalid_value',
              path,
              `${got} is not allowed${typeof zi.input === 'string' ? didYouMean(zi.input, values) : ''}: use one of ${values.join(', ')}`,
            ),
          );
        }
        break;
      }
      case 'invalid_format':
        if (zi.format === 'date') {
          out.push(
            issue('bad_date', path, `${describe(zi.input)} is not a date: write YYYY-MM-DD, e.g. 2027-01-01`),
          );
        } else if (zi.format === 'regex' && field === 'id') {
          out.push(issue('invalid_id', path, `${describe(zi.input)}: ${zi.message}`));
        } else {
          out.push(issue('invalid_value', path, zi.message));
        }
        break;
      case 'custom': {
        const code = (zi.params as { caravan?: IssueCode } | undefined)?.caravan ?? 'invalid_value';
        out.push(issue(code, path, zi.message));
        break;
      }
      case 'invalid_union':
        out.push(issue('invalid_type', path, unionMessage(field, zi.input)));
        break;
      default:
        out.push(issue('invalid_value', path, zi.message));
    }
  }
  return withoutMisspeltMissing(out);
}

/** A misspelt key shows up twice, as unknown and as missing: keep only the "did you mean" issue. */
function withoutMisspeltMissing(issues: Issue[]): Issue[] {
  const suggested = new Set(
    issues
      .filter((i) => i.code === 'unknown_field')
      .map((i) => {
        const m = /did you mean "([^"]+)"/.exec(i.message);
        return m ? `${i.path.slice(0, i.path.lastIndexOf('.'))}.${m[1]}` : '';
      }),
  );
  return issues.filter((i) => !(i.code === 'missing_field' && suggested.has(i.path)));
}

function hint(known: readonly string[]): string {
  return known.length > 0 && known.length <= 40 ? `; allowed here: ${known.join(', ')}` : '';
}

function unionMessage(field: string, input: unknown): string {
  if (field === 'arrivals')
    return `${describe(input)}: write "poisson", "uniform" or {profile: [24 hourly weights]}`;
  if (field === 'gauge_mm') return `${describe(input)}: a gauge is 1435 or 1520 (mm)`;
  return `${describe(input)} does not have any of the allowed shapes`;
}

function expected(type: string): string {
  switch (type) {
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of fields';
    case 'boolean':
      return 'true or false';
    default:
      return type;
  }
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
