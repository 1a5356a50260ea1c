/**
 * Examples in the docs, as data: the `$ caravan …` commands of a Markdown text with the output lines
 * shown under them, the comparison of a real output with those lines (volatile parts masked, a line
 * `…` standing for any number of lines), and the rewrite of those lines from real outputs.
 *
 * A command is a line `$ caravan ARGS` or `$ npx caravan ARGS`, optionally ending in `# exit N`,
 * inside a fenced code block. Its output is every line after it up to the next `$ ` line or the end
 * of the block. Nothing outside those output lines is ever rewritten.
 */

/** A line of a doc's output that stands for zero or more lines of the real output. */
export const ELISION = '…';

export interface Example {
  /** The doc, as its path from the repository root (for messages). */
  readonly file: string;
  /** 1-based line of the command in the doc. */
  readonly line: number;
  /** The command as written, without `$ ` and the `# exit` comment. */
  readonly command: string;
  /** Arguments after `caravan`. */
  readonly args: readonly string[];
  /** Exit code the doc shows (`# exit N`), else 0. */
  readonly exit: number;
  /** The output lines the doc shows under the command. */
  readonly expected: readonly string[];
  /** 0-based index of the first output line in the doc's lines; the output spans [start, end). */
  readonly start: number;
  readonly end: number;
}

const FENCE = /^\s*(```|~~~)/;
const COMMAND = /^\$ (?:npx )?caravan(?=\s|$)(.*)$/;

/** Splits a command's argument text like a POSIX shell would for plain words and quotes. */
export function splitArgs(text: string, where: string): { args: string[]; exit: number } {
  const args: string[] = [];
  let exit = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      const m = /^#\s*exit\s+(\d+)\s*$/.exec(text.slice(i));
      if (!m) throw new Error(`${where}: the only comment allowed after a command is "# exit N"`);
      exit = Number(m[1]);
      break;
    }
    let word = '';
    while (i < n && !/\s/.test(text[i]!)) {
      const ch = text[i]!;
      if (ch === "'" || ch === '"') {
        const close = text.indexOf(ch, i + 1);
        if (close < 0) throw new Error(`${where}: unclosed ${ch}`);
        word += text.slice(i + 1, close);
        i = close + 1;
      } else if ('|&;<>()`$\\'.includes(ch)) {
        throw new Error(`${where}: "${ch}" needs a shell; examples run caravan directly, without one`);
      } else {
        word += ch;
        i++;
      }
    }
    args.push(word);
  }
  return { args, exit };
}

/** The examples of a Markdown text, in order. Throws on a `$ caravan` line outside a code block. */
export function parseExamples(text: string, file: string): Example[] {
  const lines = text.split('\n');
  const out: Example[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line);
    if (f) {
      if (fence === undefined) fence = f[1];
      else if (f[1] === fence) fence = undefined;
      continue;
    }
    const m = COMMAND.exec(line);
    if (!m) continue;
    const where = `${file}:${i + 1}`;
    if (fence === undefined) throw new Error(`${where}: a caravan command outside a code block is not run`);
    const { args, exit } = splitArgs(m[1]!, where);
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith('$ ') && !FENCE.test(lines[end]!)) end++;
    out.push({
      file,
      line: i + 1,
      command: `caravan ${args.join(' ')}`,
      args,
      exit,
      expected: lines.slice(i + 1, end),
      start: i + 1,
      end,
    });
  }
  return out;
}

/** The lines a user sees: stdout, then stderr; a final newline ends the last line. */
export function outputLines(stdout: string, stderr: string): string[] {
  const split = (s: string): string[] => {
    if (s === '') return [];
    const t = s.replace(/\r\n/g, '\n');
    return (t.endsWith('\n') ? t.slice(0, -1) : t).split('\n');
  };
  return [...split(stdout), ...split(stderr)];
}

/**
 * What differs from run to run and is not a result. Each mask replaces the volatile text by a token on
 * both sides before comparing; the docs keep real values.
 */
export const MASKS: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  {
    what: 'wall-clock milliseconds in text (", 388 ms"); model times are in hours and days, never ms',
    pattern: /\b\d[\d,]*(?:\.\d+)?(?= ms\b)/g,
  },
  { what: 'the "elapsed_ms" field of JSON results', pattern: /(?<="elapsed_ms":\s*)-?[\d.]+(?:e[+-]?\d+)?/g },
];

export const MASK_TOKEN = '⟨masked⟩';

export function mask(line: string): string {
  return MASKS.reduce((l, m) => l.replace(m.pattern, MASK_TOKEN), line);
}

function segments(expected: readonly string[]): string[][] {
  const segs: string[][] = [[]];
  for (const l of expected) {
    if (l === ELISION) segs.push([]);
    else segs[segs.length - 1]!.push(l);
  }
  return segs;
}

function sameAt(seg: readonly string[], actual: readonly string[], at: number): number {
  for (let k = 0; k < seg.length; k++) {
    const a = actual[at + k];
    if (a === undefined || mask(seg[k]!) !== mask(a)) return k;
  }
  return -1;
}

export interface Mismatch {
  /** 1-based line of the real output where it differs (or the output's length + 1 when it is short). */
  readonly line: number;
  readonly expected: string | undefined;
  readonly actual: string | undefined;
  readonly message: string;
}

const show = (s: string | undefined): string => (s === undefined ? '(no line)' : JSON.stringify(s));

function differ(line: number, expected: string | undefined, actual: string | undefined, why = ''): Mismatch {
  return {
    line,
    expected,
    actual,
    message: `output line ${line}${why}: the doc shows ${show(expected)}, the command printed ${show(actual)}`,
  };
}

/**
 * Compares a real output with a doc's lines: equal line for line after masking, where a line `…` in
 * the doc matches any number of lines (zero included). Undefined when they match.
 */
export function compareOutput(expected: readonly string[], actual: readonly string[]): Mismatch | undefined {
  const segs = segments(expected);
  if (segs.length === 1) {
    const n = Math.max(expected.length, actual.length);
    for (let i = 0; i < n; i++) {
      const e = expected[i];
      const a = actual[i];
      if (e === undefined || a === undefined || mask(e) !== mask(a)) return differ(i + 1, e, a);
    }
    return undefined;
  }
  const head = segs[0]!;
  const tail = segs[segs.length - 1]!;
  const k = sameAt(head, actual, 0);
  if (k >= 0) return differ(k + 1, head[k], actual[k]);
  if (actual.length < head.length + tail.length) {
    return {
      line: actual.length + 1,
      expected: undefined,
      actual: undefined,
      message: `the command printed ${actual.length} lines, fewer than the ${head.length + tail.length} the doc shows around "${ELISION}"`,
    };
  }
  const tailAt = actual.length - tail.length;
  const t = sameAt(tail, actual, tailAt);
  if (t >= 0) return differ(tailAt + t + 1, tail[t], actual[tailAt + t], ' (the last lines)');
  let pos = head.length;
  for (const seg of segs.slice(1, -1)) {
    let found = -1;
    for (let i = pos; i + seg.length <= tailAt; i++) {
      if (sameAt(seg, actual, i) < 0) {
        found = i;
        break;
      }
    }
    if (found < 0) {
      return {
        line: pos + 1,
        expected: seg[0],
        actual: undefined,
        message: `the lines the doc shows between "${ELISION}" lines, from ${show(seg[0])}, are not in the output after line ${pos}`,
      };
    }
    pos = found + seg.length;
  }
  return undefined;
}

/**
 * The output lines to write in the doc from a real output. A doc that matches is kept as it is. Else
 * every elision keeps its place: as many lines before the first `…` and after the last as before;
 * the lines between two `…` are found again by their first line (dropped when it is gone). An old line
 * that equals the new one once masked is kept, so masked values do not churn.
 */
export function regenerateOutput(expected: readonly string[], actual: readonly string[]): string[] {
  if (compareOutput(expected, actual) === undefined) return [...expected];
  const segs = segments(expected);
  const keep = (old: readonly string[], fresh: readonly string[]): string[] =>
    fresh.map((l, i) => (old[i] !== undefined && mask(old[i]!) === mask(l) ? old[i]! : l));
  if (segs.length === 1) return keep(expected, actual);
  const head = segs[0]!;
  const tail = segs[segs.length - 1]!;
  if (actual.length <= head.length + tail.length) return keep(head, actual);
  const tailAt = actual.length - tail.length;
  const out = keep(head, actual.slice(0, head.length));
  let pos = head.length;
  for (const seg of segs.slice(1, -1)) {
    if (seg.length === 0) continue;
    const first = mask(seg[0]!);
    let at = -1;
    for (let i = pos; i < tailAt; i++) {
      if (mask(actual[i]!) === first) {
        at = i;
        break;
      }
    }
    if (at < 0) continue;
    const end = Math.min(at + seg.length, tailAt);
    out.push(ELISION, ...keep(seg, actual.slice(at, end)));
    pos = end;
  }
  out.push(ELISION, ...keep(tail, actual.slice(tailAt)));
  return out;
}

/**
 * The doc with each example's output lines rewritten from `outputOf` (examples it has no output for
 * are left alone). Throws when an output holds a line the doc would read differently (a fence or a
 * `$ ` line).
 */
export function regenerateDoc(
  text: string,
  file: string,
  outputOf: (e: Example) => readonly string[] | undefined,
): string {
  const lines = text.split('\n');
  const examples = parseExamples(text, file);
  for (const e of [...examples].reverse()) {
    const actual = outputOf(e);
    if (actual === undefined) continue;
    const bad = actual.find((l) => l.startsWith('$ ') || FENCE.test(l));
    if (bad !== undefined) {
      throw new Error(
        `${file}:${e.line}: ${e.command} prints ${show(bad)}, which a doc cannot show as output`,
      );
    }
    lines.splice(e.start, e.end - e.start, ...regenerateOutput(e.expected, actual));
  }
  return lines.join('\n');
}
