/**
 * From text to a validated network: JSON or YAML is read with positions kept and within the limits
 * (size of each list, depth, aliases, text length), validated, and every issue is given its file and
 * line. Pure: the caller reads the file.
 */
import { InputError, type Issue, issue, type PathSegment } from './issue.js';
import { type ParsedText, parseJsonText, type TextProblem } from './json-text.js';
import { currentLimits, type Limits, networkSizeIssues } from './limits.js';
import type { NetworkModel } from './schema.js';
import { textPositions } from './text-position.js';
import { validateNetwork } from './validate.js';
import { parseYamlText } from './yaml-text.js';

export interface LoadResult {
  readonly model?: NetworkModel;
  readonly issues: readonly Issue[];
}

export type TextFormat = 'json' | 'yaml';

export interface ParseOptions {
  /** The file the text came from, named in every issue (and `.json` means JSON). */
  readonly file?: string | undefined;
  /** Limits to apply instead of those configured for the process. */
  readonly limits?: Partial<Limits> | undefined;
  /** Read the text as this format (default: from the file name and the text, see {@link textFormat}). */
  readonly format?: TextFormat | undefined;
}

/** Data read from text, with the line of any path in it. */
export interface ParsedData {
  readonly data: unknown;
  readonly format: TextFormat;
  /** 1-based line of the value at a path such as `links[3].to` (or of the deepest value along it). */
  lineOf(path: string): number | undefined;
}

/** JSON when the file is named `.json` or the text starts with `{` or `[`; YAML otherwise. */
export function textFormat(text: string, file?: string): TextFormat {
  if (file !== undefined && /\.json$/i.test(file)) return 'json';
  return /^[\uFEFF\s]*[{[]/.test(text) ? 'json' : 'yaml';
}

/**
 * Reads JSON or YAML text into data. Text that starts like JSON but is not, and is not named
 * `.json`, is read as YAML when it is valid YAML (a flow mapping `{a: 1}`); otherwise the JSON
 * mistake is reported, in JSON's terms. Never throws on bad input.
 */
export function parseText(
  text: string,
  options: ParseOptions = {},
): { parsed?: ParsedData; issues: Issue[] } {
  const limits = currentLimits(options.limits);
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text; // a BOM keeps offsets
  const position = textPositions(body);
  const located = (p: TextProblem, format: TextFormat): Issue => {
    const { line, column } = position(p.offset);
    const syntax = p.issue.code !== 'limit_exceeded';
    const prefix = syntax ? (format === 'json' ? 'JSON: ' : 'YAML: ') : '';
    return {
      ...p.issue,
      message: `${prefix}${p.issue.message}${syntax ? ` (column ${column})` : ''}`,
      ...(options.file !== undefined ? { file: options.file } : {}),
      line,
    };
  };
  const nul = body.indexOf('\u0000');
  if (nul >= 0) {
    return {
      issues: [
        {
          ...issue(
            'binary_file',
            '',
            'not a text file: it holds NUL characters (binary data); give a YAML or JSON file',
          ),
          ...(options.file !== undefined ? { file: options.file } : {}),
          line: position(nul).line,
        },
      ],
    };
  }
  const format = options.format ?? textFormat(body, options.file);
  let result: ParsedText | TextProblem =
    format === 'json' ? parseJsonText(body, limits) : parseYamlText(body, limits);
  let used = format;
  const surelyJson = options.format === 'json' || /\.json$/i.test(options.file ?? '');
  if ('issue' in result && format === 'json' && !surelyJson) {
    const asYaml = parseYamlText(body, limits);
    if (!('issue' in asYaml)) {
      result = asYaml;
      used = 'yaml';
    }
  }
  if ('issue' in result) return { issues: [located(result, used)] };
  const parsed = result;
  return {
    parsed: {
      data: parsed.data,
      format: used,
      lineOf: (path) => {
        if (path === '') return undefined;
        const offset = parsed.offsetOf(pathSegments(path));
        return offset === undefined ? undefined : position(offset).line;
      },
    },
    issues: [],
  };
}

/** `links[3].to` → ['links', 3, 'to']. */
export function pathSegments(path: string): PathSegment[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Parses and validates network text (JSON or YAML). Never throws on bad input. */
export function parseNetwork(text: string, file?: string, limits?: Partial<Limits>): LoadResult {
  const { parsed, issues } = parseText(text, { file, limits });
  return parsed ? checkNetworkData(parsed, file, limits) : { issues };
}

/**
 * Validates parsed network data within the size limits; every issue gets its file and line,
 * errors first, then warnings, each in file order.
 */
export function checkNetworkData(parsed: ParsedData, file?: string, limits?: Partial<Limits>): LoadResult {
  const at = (i: Issue, where = i.path): Issue => {
    const line = parsed.lineOf(where);
    return { ...i, ...(file !== undefined ? { file } : {}), ...(line !== undefined ? { line } : {}) };
  };
  const tooBig = networkSizeIssues(parsed.data, limits);
  if (tooBig.length > 0) return { issues: tooBig.map((i) => at(i, listOf(i))) };
  const result = validateNetwork(parsed.data);
  const issues = result.issues
    .map((i) => at(i))
    .map((i, order) => ({ i, order }))
    .sort((a, b) => rank(a.i) - rank(b.i) || (a.i.line ?? 0) - (b.i.line ?? 0) || a.order - b.order)
    .map(({ i }) => i);
  return result.model ? { model: result.model, issues } : { issues };
}

/** The list a size limit's issue is about (`limits.demands` → `demand`), for its line. */
function listOf(i: Issue): string {
  const name = i.path.replace(/^limits\./, '');
  return name === 'demands' ? 'demand' : name;
}

function rank(i: Issue): number {
  return i.severity === 'error' ? 0 : 1;
}

/** Like parseNetwork, but throws an InputError when the network has errors. */
export function loadNetwork(
  text: string,
  file?: string,
  limits?: Partial<Limits>,
): { model: NetworkModel; warnings: readonly Issue[] } {
  const { model, issues } = parseNetwork(text, file, limits);
  if (!model) throw new InputError(issues);
  return { model, warnings: issues };
}
