/**
 * YAML text to data, hardened against hostile files: nesting depth and text length are checked
 * while the text is read (before the recursive parts of the YAML library run), aliases are counted
 * as the values they add once expanded ("billion laughs") and refused when they refer to their own
 * ancestor, duplicate keys are refused, and only one document is read.
 */
import {
  Composer,
  type Document,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type ParsedNode,
  Parser,
  type YAMLError,
} from 'yaml';
import { issue, type PathSegment } from './issue.js';
import type { ParsedText, TextLimits, TextProblem } from './json-text.js';
import { limitIssue } from './limits.js';

export interface YamlLimits extends TextLimits {
  readonly yaml_aliases: number;
}

/** Thrown out of the token stream to stop reading at the first limit crossed. */
class Stop {
  constructor(readonly problem: TextProblem) {}
}

/** The YAML library's parser, watching the depth of what it builds and the length of each token. */
class BoundedParser extends Parser {
  constructor(private readonly limits: TextLimits) {
    super();
  }

  override *next(source: string) {
    if (source.length > this.limits.string_chars) {
      throw new Stop({
        issue: limitIssue('string_chars', source.length, 'characters in one value', 'shorten it'),
        offset: this.offset,
      });
    }
    yield* super.next(source);
    // The stack holds the document, each open collection and at most a few pieces of the current token.
    if (this.stack.length > this.limits.nesting_depth + 3) {
      throw new Stop({
        issue: limitIssue(
          'nesting_depth',
          this.stack.length - 3,
          'mappings and lists nested',
          'flatten the document',
        ),
        offset: this.offset,
      });
    }
  }
}

/** Parses YAML text (one document); returns the data and its positions, or the first problem. */
export function parseYamlText(text: string, limits: YamlLimits): ParsedText | TextProblem {
  let doc: Document.Parsed | undefined;
  try {
    const composer = new Composer({
      version: '1.2',
      schema: 'core',
      merge: false,
      uniqueKeys: true,
      prettyErrors: false,
    });
    for (const d of composer.compose(new BoundedParser(limits).parse(text), true, text.length)) {
      if (doc) {
        return problem(
          'several documents in one file (separated by "---"): a file holds one network or scenario',
          d.range[0],
        );
      }
      doc = d;
    }
  } catch (e) {
    if (e instanceof Stop) return e.problem;
    throw e;
  }
  if (!doc) return problem('the file is empty', 0);
  const error = doc.errors[0];
  if (error)
    return {
      issue: issue(
        error.code === 'DUPLICATE_KEY' ? 'duplicate_key' : 'parse_error',
        '',
        yamlMessage(error, text),
      ),
      offset: error.pos[0],
    };
  const aliases = checkAliases(doc, limits.yaml_aliases);
  if (aliases) return aliases;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: -1 });
  } catch (e) {
    // Whatever the YAML library cannot turn into data is the document's doing: say so, at its start.
    return problem(`cannot read this YAML: ${firstLine(String((e as Error).message ?? e))}`, 0);
  }
  const parsed = doc;
  return { data, offsetOf: (path) => offsetOf(parsed, path) };
}

function problem(message: string, offset: number): TextProblem {
  return { issue: issue('parse_error', '', message), offset };
}

/** The YAML library's message for a syntax error, in one short line, with what to do. */
function yamlMessage(e: YAMLError, text: string): string {
  if (e.code === 'DUPLICATE_KEY') {
    const key = keyAt(text, e.pos[0]);
    return `duplicate key${key ? ` "${key}"` : ''}: each key may appear only once in a mapping`;
  }
  if (e.code === 'BAD_ALIAS' || /Unresolved alias/.test(e.message))
    return `${firstLine(e.message)}: an alias (*name) must come after its anchor (&name)`;
  if (e.code === 'TAB_AS_INDENT') return 'a tab used to indent: YAML indents with spaces';
  return `${firstLine(e.message)}: fix the syntax at this line`;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The plain key starting at `offset`, when it is short enough to quote. */
function keyAt(text: string, offset: number): string | undefined {
  const m = /^["']?([^"':\n{}[\],]{1,60})/.exec(text.slice(offset, offset + 64));
  return m ? m[1]!.trim() : undefined;
}

/**
 * Counts the values that aliases add once expanded, in document order, and stops at the alias that
 * takes the count over the limit, or at an alias of its own ancestor (a value that contains
 * itself). Iterative; each node is sized once.
 */
function checkAliases(doc: Document.Parsed, limit: number): TextProblem | undefined {
  const size = new Map<Node, number>();
  const anchors = new Map<string, Node>();
  const open = new Set<Node>();
  let added = 0;
  type Item = { node: Node; children: Node[] | undefined };
  const root = doc.contents;
  if (!root) return undefined;
  const stack: Item[] = [{ node: root, children: undefined }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const node = top.node;
    if (top.children === undefined) {
      // First visit, in document order: anchors are set before their children are read.
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        stack.pop();
        if (!target) {
          return {
            issue: issue(
              'parse_error',
              '',
              `alias *${shorten(node.source)} has no anchor &${shorten(node.source)} before it: an alias (*name) must come after its anchor (&name)`,
            ),
            offset: node.range?.[0] ?? 0,
          };
        }
        if (open.has(target)) {
          return {
            issue: issue(
              'parse_error',
              '',
              `alias *${node.source} refers to a value that contains it: a value cannot include itself`,
            ),
            offset: node.range?.[0] ?? 0,
          };
        }
        const s = size.get(target) ?? 1;
        size.set(node, s);
        added += s;
        if (added > limit) {
          return {
            issue: limitIssue(
              'yaml_aliases',
              added,
              'values added by YAML aliases (*name) once expanded, counted up to this alias',
              'write the values out, or use fewer aliases of large values',
            ),
            offset: node.range?.[0] ?? 0,
          };
        }
        continue;
      }
      if (node.anchor) anchors.set(node.anchor, node);
      const children: Node[] = [];
      if (isMap(node) || isSeq(node)) {
        for (const item of node.items as unknown[]) {
          if (isPair(item)) {
            if (isNode(item.key)) children.push(item.key);
            if (isNode(item.value)) children.push(item.value);
          } else if (isNode(item)) children.push(item);
        }
      }
      top.children = children.reverse();
      open.add(node);
      continue;
    }
    const child = top.children.pop();
    if (child) {
      stack.push({ node: child, children: undefined });
      continue;
    }
    stack.pop();
    open.delete(node);
    let s = 1;
    if (!isScalar(node) && (isMap(node) || isSeq(node))) {
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          if (isNode(item.key)) s += size.get(item.key) ?? 1;
          if (isNode(item.value)) s += size.get(item.value) ?? 1;
        } else if (isNode(item)) s += size.get(item) ?? 1;
      }
    }
    size.set(node, Math.min(s, Number.MAX_SAFE_INTEGER));
  }
  return undefined;
}

/** Start offset of the deepest node that exists along a path such as `links[3].to`. */
function offsetOf(doc: Document.Parsed, path: readonly PathSegment[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const prefix = path.slice(0, n);
    const node = doc.getIn(prefix, true) as ParsedNode | undefined;
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
