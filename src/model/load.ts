/**
 * From text to a validated network: YAML or JSON is parsed with positions kept, validated, and
 * every issue is given its file and line. Pure: the caller reads the file.
 */
import { isNode, LineCounter, parseDocument } from 'yaml';
import { InputError, type Issue, issue } from './issue.js';
import type { NetworkModel } from './schema.js';
import { validateNetwork } from './validate.js';

export interface LoadResult {
  readonly model?: NetworkModel;
  readonly issues: readonly Issue[];
}

/** Parses and validates network text (YAML, of which JSON is a subset). Never throws on bad input. */
export function parseNetwork(text: string, file?: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (i: Issue, offset: number | undefined): Issue => ({
    ...i,
    ...(file !== undefined ? { file } : {}),
    ...(offset !== undefined ? { line: lineCounter.linePos(offset).line } : {}),
  });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) =>
        at(issue('parse_error', '', `${e.message.split('\n')[0]}: fix the syntax at this line`), e.pos[0]),
      ),
    };
  }
  const result = validateNetwork(doc.toJS({ maxAliasCount: 1000 }));
  // Errors first, then warnings; each in file order.
  const issues = result.issues
    .map((i) => at(i, offsetOf(doc, i.path)))
    .map((i, order) => ({ i, order }))
    .sort((a, b) => rank(a.i) - rank(b.i) || (a.i.line ?? 0) - (b.i.line ?? 0) || a.order - b.order)
    .map(({ i }) => i);
  return result.model ? { model: result.model, issues } : { issues };
}

function rank(i: Issue): number {
  return i.severity === 'error' ? 0 : 1;
}

/** Like parseNetwork, but throws an InputError when the network has errors. */
export function loadNetwork(
  text: string,
  file?: string,
): { model: NetworkModel; warnings: readonly Issue[] } {
  const { model, issues } = parseNetwork(text, file);
  if (!model) throw new InputError(issues);
  return { model, warnings: issues };
}

/** Start offset of the deepest node that exists along a path such as `links[3].to`. */
function offsetOf(doc: ReturnType<typeof parseDocument>, path: string): number | undefined {
  if (path === '') return undefined;
  const segments = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  for (let n = segments.length; n > 0; n--) {
    const prefix = segments.slice(0, n);
    const node = doc.getIn(prefix, true);
    if (isNode(node) && node.range) return node.range[0];
    // A key whose value is absent: point at the pair's key.
    const parent = doc.getIn(prefix.slice(0, -1), true) as unknown as
      | { items?: { key: unknown }[] }
      | undefined;
    const pair = parent?.items?.find(
      (p) => isNode(p.key) && (p.key as unknown as { value: unknown }).value === prefix[n - 1],
    );
    if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
  }
  return undefined;
}
