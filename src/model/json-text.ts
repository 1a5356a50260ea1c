/**
 * JSON text to data, with JSON's own wording for mistakes, their line and column, duplicate keys
 * refused, nesting and text length bounded, and the position of every value kept so that later
 * issues point at their line. Iterative: no input can exhaust the call stack.
 */
import { type Issue, issue, type PathSegment } from './issue.js';
import { limitIssue } from './limits.js';
import { lineOf } from './text-position.js';

/** Data read from a file, with where each value starts in the text. */
export interface ParsedText {
  readonly data: unknown;
  /** Offset in the text of the value at `path`, or of the deepest value along it that exists. */
  offsetOf(path: readonly PathSegment[]): number | undefined;
}

/** The first problem found, at an offset in the text. */
export interface TextProblem {
  readonly issue: Issue;
  readonly offset: number;
}

export interface TextLimits {
  readonly nesting_depth: number;
  readonly string_chars: number;
}

interface Frame {
  readonly value: Record<string, unknown> | unknown[];
  readonly array: boolean;
  readonly offsets: Map<string, number> | number[];
  key: string | undefined;
}

enum State {
  Value,
  ValueOrClose,
  KeyOrClose,
  Key,
  After,
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** A character as a message may show it: `"x"`, or its code point when it is not plain printable text. */
export function showChar(c: string | undefined): string {
  if (c === undefined) return 'the end of the file';
  const code = c.codePointAt(0)!;
  return code >= 0x21 && code < 0x7f ? `"${c}"` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Parses JSON text; returns the data and its positions, or the first problem. */
export function parseJsonText(text: string, limits: TextLimits): ParsedText | TextProblem {
  const positions = new WeakMap<object, Map<string, number> | number[]>();
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  let root: unknown;
  let rootStart = 0;
  let state: State = State.Value;
  const fail = (message: string, at = i, code: Issue['code'] = 'parse_error'): TextProblem => ({
    issue: issue(code, '', message),
    offset: at,
  });
  const skip = () => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
    }
  };
  const attach = (value: unknown, at: number): TextProblem | undefined => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
      rootStart = at;
      return undefined;
    }
    if (top.array) {
      (top.value as unknown[]).push(value);
      (top.offsets as number[]).push(at);
      return undefined;
    }
    const key = top.key!;
    const obj = top.value as Record<string, unknown>;
    // "__proto__" becomes an own property, as JSON.parse makes it, never the object's prototype.
    if (key === '__proto__')
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    else obj[key] = value;
    (top.offsets as Map<string, number>).set(key, at);
    top.key = undefined;
    return undefined;
  };
  const readString = (): string | TextProblem => {
    const start = i;
    i++;
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= n) return fail('a string is not closed: a closing double quote (") is missing', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(chunk, i);
        i++;
        break;
      }
      if (c < 0x20) {
        return fail(
          `control character ${showChar(text[i])} inside a string: write it as an escape such as \\n or \\t`,
        );
      }
      if (c === 0x5c) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        const simple = ESCAPES;
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          return fail(
            `invalid escape ${e === undefined ? '\\' : `\\${showChar(e).replaceAll('"', '')}`} in a string: JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX`,
          );
        }
        chunk = i;
      } else i++;
    }
    if (out.length > limits.string_chars) {
      return {
        issue: limitIssue('string_chars', out.length, 'characters in one string', 'shorten it'),
        offset: start,
      };
    }
    return out;
  };

  for (;;) {
    skip();
    if (state === State.After) {
      const top = stack[stack.length - 1];
      if (!top) {
        if (i < n)
          return fail(
            `unexpected ${showChar(text[i])} after the end of the JSON value: a file holds one value (one object)`,
          );
        break;
      }
      const close = top.array ? ']' : '}';
      const c = text[i];
      if (c === ',') {
        i++;
        state = top.array ? State.Value : State.Key;
        continue;
      }
      if (c === close) {
        i++;
        stack.pop();
        continue;
      }
      if (c === undefined)
        return fail(
          `the JSON ends too early: a "${close}" is missing (the ${top.array ? 'array' : 'object'} is not closed)`,
        );
      if (c === ']' || c === '}')
        return fail(`expected "," or "${close}", found "${c}": brackets and braces do not match`);
      return fail(
        `expected "," or "${close}", found ${showChar(c)}${/["{[0-9tfn-]/.test(c) ? ': a comma is missing' : ''}`,
      );
    }
    if (state === State.Key || state === State.KeyOrClose) {
      const c = text[i];
      if (state === State.KeyOrClose && c === '}') {
        i++;
        stack.pop();
        state = State.After;
        continue;
      }
      if (c !== '"') {
        if (c === '}') return fail('a comma before "}" is not allowed in JSON: remove the trailing comma');
        if (c === undefined) return fail('the JSON ends too early: a property name and "}" are missing');
        return fail(
          `expected a property name in double quotes, found ${showChar(c)}${c === "'" ? ': JSON strings use double quotes' : ''}`,
        );
      }
      const keyStart = i;
      const key = readString();
      if (typeof key !== 'string') return key;
      const top = stack[stack.length - 1]!;
      const offsets = top.offsets as Map<string, number>;
      const first = offsets.get(key);
      if (first !== undefined) {
        return fail(
          `duplicate key "${shorten(key)}" (first at line ${lineOf(text, first)}): each key may appear only once in an object`,
          keyStart,
          'duplicate_key',
        );
      }
      skip();
      if (text[i] !== ':')
        return fail(`expected ":" after the property name "${shorten(key)}", found ${showChar(text[i])}`);
      i++;
      top.key = key;
      offsets.set(key, keyStart);
      state = State.Value;
      continue;
    }
    // State.Value or State.ValueOrClose
    const c = text[i];
    const at = i;
    if (state === State.ValueOrClose && c === ']') {
      i++;
      stack.pop();
      state = State.After;
      continue;
    }
    if (c === '{' || c === '[') {
      if (stack.length >= limits.nesting_depth) {
        return {
          issue: limitIssue(
            'nesting_depth',
            stack.length + 1,
            'objects and arrays nested',
            'flatten the document',
          ),
          offset: at,
        };
      }
      const array = c === '[';
      const value: Record<string, unknown> | unknown[] = array ? [] : {};
      const offsets: Map<string, number> | number[] = array ? [] : new Map();
      positions.set(value, offsets);
      attach(value, at);
      stack.push({ value, array, offsets, key: undefined });
      i++;
      state = array ? State.ValueOrClose : State.KeyOrClose;
      continue;
    }
    let value: unknown;
    if (c === '"') {
      const s = readString();
      if (typeof s !== 'string') return s;
      value = s;
    } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m)
        return fail(
          `invalid number: ${c === '-' ? 'a digit must follow "-"' : 'write it as 12, 1.5 or 1e6'}`,
        );
      value = Number(m[0]);
      i += m[0].length;
    } else if (text.startsWith('true', i)) {
      value = true;
      i += 4;
    } else if (text.startsWith('false', i)) {
      value = false;
      i += 5;
    } else if (text.startsWith('null', i)) {
      value = null;
      i += 4;
    } else {
      if (c === undefined)
        return fail(
          stack.length === 0
            ? 'the file is empty: a network is a JSON object'
            : 'the JSON ends too early: a value is missing',
        );
      if (c === ']' || c === '}')
        return fail(
          `a comma before "${c}" is not allowed in JSON, nor an empty value: remove the trailing comma`,
        );
      return fail(
        `expected a JSON value (a string in double quotes, a number, an object, an array, true, false or null), found ${showChar(c)}${c === "'" ? ': JSON strings use double quotes' : ''}`,
      );
    }
    attach(value, at);
    state = State.After;
  }
  return {
    data: root,
    offsetOf: (path) => {
      let offset = rootStart;
      let node: unknown = root;
      for (const seg of path) {
        if (typeof node !== 'object' || node === null) break;
        const offsets = positions.get(node);
        if (!offsets) break;
        const at = Array.isArray(offsets)
          ? typeof seg === 'number'
            ? offsets[seg]
            : undefined
          : offsets.get(String(seg));
        if (at === undefined) break;
        offset = at;
        node = (node as Record<string, unknown>)[seg as string];
      }
      return offset;
    },
  };
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
