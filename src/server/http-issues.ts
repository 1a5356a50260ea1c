/**
 * Every error the API answers has one body: `{"issues": [{code, path, message}]}`, where `path` is
 * a JSON path into the request body (`links[3].to`), a query parameter (`query.limit`) or a URL
 * parameter (`params.id`), and the message names the fix, as the CLI's do.
 */
import type { z } from 'zod';
import type { Issue, PathSegment } from '../model/issue.js';
import { fromSchemaIssues } from '../model/schema-issues.js';

export interface HttpIssue {
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly severity?: 'error' | 'warning';
}

/** An error that becomes an HTTP answer with a status code and issues. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly issues: readonly HttpIssue[],
  ) {
    super(issues[0]?.message ?? `HTTP ${statusCode}`);
    this.name = 'HttpError';
  }
}

export function httpIssue(code: string, path: string, message: string): HttpIssue {
  return { code, path, message };
}

/** Issues as the API shows them: no file or line (the input was the request body). */
export function toHttpIssues(issues: readonly Issue[]): HttpIssue[] {
  return issues.map((i) => ({
    code: i.code,
    path: i.path,
    message: i.message,
    ...(i.severity === 'warning' ? { severity: 'warning' as const } : {}),
  }));
}

/** The keys a zod object schema knows at a path, for "did you mean" on unknown fields. */
function keysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: walking zod's internal definitions
  let s: any = schema;
  for (const seg of path) {
    while (s?._zod?.def?.innerType) s = s._zod.def.innerType;
    if (typeof seg === 'number') s = s?._zod?.def?.element;
    else s = s?._zod?.def?.shape?.[seg];
  }
  while (s?._zod?.def?.innerType) s = s._zod.def.innerType;
  const shape = s?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/** Parses input with a zod schema; throws a 400 HttpError with located issues when it does not fit. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: PathSegment[] = [],
): z.output<S> {
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) return r.data;
  const issues = fromSchemaIssues(r.error.issues, prefix, (path) =>
    keysAt(schema, path.slice(prefix.length)),
  );
  throw new HttpError(400, toHttpIssues(issues));
}

export function notFound(what: string, id: string, path = 'params.id'): HttpError {
  return new HttpError(404, [httpIssue('not_found', path, `no ${what} with id "${id}"`)]);
}
