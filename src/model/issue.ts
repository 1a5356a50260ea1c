/**
 * Problems found in user input: each a code, a path into the input and a message that names the
 * fix. A user's mistake is reported as a list of issues, never as a stack trace.
 */

export type Severity = 'error' | 'warning';

export type IssueCode =
  | 'file_not_found'
  | 'file_unreadable'
  | 'parse_error'
  | 'invalid_type'
  | 'invalid_value'
  | 'missing_field'
  | 'unknown_field'
  | 'wrong_format'
  | 'invalid_id'
  | 'duplicate_id'
  | 'unknown_reference'
  | 'same_country_crossing'
  | 'non_positive'
  | 'unreachable_node'
  | 'invalid_distribution'
  | 'invalid_duration'
  | 'probability_range'
  | 'bad_country'
  | 'bad_calendar'
  | 'bad_timezone'
  | 'bad_date'
  | 'demand_unconnected'
  | 'demand_no_route'
  | 'missing_time'
  | 'missing_quantity'
  | 'gauge_mismatch'
  | 'unknown_source'
  | 'missing_provenance'
  | 'unknown_provenance_field'
  | 'invalid_option'
  | 'limit_exceeded'
  | 'implausible_value'
  | 'capacities_disagree'
  | 'binary_file'
  | 'wrong_encoding'
  | 'duplicate_key'
  | 'same_place';

export type PathSegment = string | number;

export interface Issue {
  readonly code: IssueCode;
  /** Where in the input: `links[12].to`. */
  readonly path: string;
  readonly message: string;
  readonly severity: Severity;
  /** The file the issue is in, when the input came from a file. */
  readonly file?: string;
  /** 1-based line in that file, where known. */
  readonly line?: number;
}

/** Formats a path such as ['links', 12, 'to'] as `links[12].to`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

export function issue(
  code: IssueCode,
  path: readonly PathSegment[] | string,
  message: string,
  severity: Severity = 'error',
): Issue {
  return { code, path: typeof path === 'string' ? path : formatPath(path), message, severity };
}

/** One line a person reads: `file:line: path: message`. Control characters are shown escaped. */
export function formatIssue(i: Issue): string {
  const where = i.file ? `${i.file}${i.line ? `:${i.line}` : ''}: ` : '';
  const path = i.path ? `${i.path}: ` : '';
  const tag = i.severity === 'warning' ? 'warning: ' : '';
  return printable(`${where}${tag}${path}${i.message}`);
}

/**
 * Text safe to print on a terminal: control characters (which could move the cursor, change colours
 * or ring the bell when a hostile file's content is quoted) and line breaks are written as \u{…}.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Input the user gave is wrong: carries every issue found. Maps to exit code 2 / HTTP 400. */
export class InputError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    super(errors.length === 1 ? formatIssue(errors[0]!) : `${errors.length} problems in the input`);
    this.name = 'InputError';
    this.issues = issues;
  }
}
