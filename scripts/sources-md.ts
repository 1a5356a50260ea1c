/**
 * SOURCES.md is generated from the dataset, so the two cannot drift: the counts in its opening
 * paragraph and the table of sources (id, title, publisher, date, reliability, URL and where each
 * source is cited) are rewritten between the `<!-- generated:… -->` markers; the prose around them
 * (estimate methods, calibration) is kept as written.
 *
 * `npm run data:sources` rewrites data/eurasia/SOURCES.md; `npm run data:sources -- --check` exits 1
 * when it is out of step. test/data/sources-md.test.ts checks the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseNetwork } from '../src/model/load.js';
import type { NetworkModel, ProvenanceRefModel } from '../src/model/schema.js';

export const DATASET = resolve(import.meta.dirname, '../data/eurasia/network.yaml');
export const SOURCES_MD = resolve(import.meta.dirname, '../data/eurasia/SOURCES.md');

const LISTS = ['units', 'modes', 'nodes', 'links', 'crossings', 'services', 'demand', 'cargo_classes'] as const;
type Entry = Readonly<Record<string, unknown>> & {
  provenance?: Readonly<Record<string, ProvenanceRefModel>>;
};

/** The id an entry is known by: its `id`, else the default id of its list. */
function entryId(list: string, entry: Entry, key?: string): string {
  if (typeof entry.id === 'string') return entry.id;
  if (key !== undefined) return key;
  if (list === 'demand') return `${String(entry.from)}->${String(entry.to)}`;
  return `${String(entry.from)}-${String(entry.to)}-${String(entry.mode)}`;
}

/** Every (list, entry id, provenance key, reference) of a model, directions and dated changes included. */
function* citations(
  model: NetworkModel,
): Generator<{ list: string; id: string; key: string; ref: ProvenanceRefModel }> {
  for (const list of LISTS) {
    const raw = (model as unknown as Record<string, unknown>)[list];
    const entries: [string | undefined, Entry][] = Array.isArray(raw)
      ? (raw as Entry[]).map((e) => [undefined, e])
      : Object.entries((raw ?? {}) as Record<string, Entry>);
    for (const [key, entry] of entries) {
      const id = entryId(list, entry, key);
      const parts: Entry[] = [entry];
      const directions = entry.directions as Record<string, Entry> | undefined;
      if (directions) parts.push(...Object.values(directions));
      const timeline = entry.timeline as Entry[] | undefined;
      if (timeline) parts.push(...timeline);
      for (const part of parts)
        for (const [k, ref] of Object.entries(part.provenance ?? {})) yield { list, id, key: k, ref };
    }
  }
}

/** Sources a piece of text names, as whole ids. */
function mentioned(text: string, ids: readonly string[]): string[] {
  return ids.filter((id) => new RegExp(`(?<![\\w.-])${id.replace(/[.]/g, '\\.')}(?![\\w-])`).test(text));
}

/** source id → list → provenance key → entry id → cited directly (true) or only named in a note (false). */
function usage(model: NetworkModel): Map<string, Map<string, Map<string, Map<string, boolean>>>> {
  const ids = model.sources.map((s) => s.id);
  const out = new Map<string, Map<string, Map<string, Map<string, boolean>>>>();
  const add = (source: string, list: string, key: string, id: string, direct: boolean) => {
    let byList = out.get(source);
    if (!byList) out.set(source, (byList = new Map()));
    let byKey = byList.get(list);
    if (!byKey) byList.set(list, (byKey = new Map()));
    let byEntry = byKey.get(key);
    if (!byEntry) byKey.set(key, (byEntry = new Map()));
    byEntry.set(id, (byEntry.get(id) ?? false) || direct);
  };
  for (const { list, id, key, ref } of citations(model)) {
    if (typeof ref === 'string') {
      add(ref, list, key, id, true);
      continue;
    }
    let text = '';
    if ('source' in ref) {
      add(ref.source, list, key, id, true);
      text = ref.note ?? '';
    } else text = ref.estimate;
    for (const s of mentioned(text, ids)) add(s, list, key, id, false);
  }
  return out;
}

function usedFor(byList: Map<string, Map<string, Map<string, boolean>>> | undefined): string {
  if (!byList) return 'not cited';
  const lists: string[] = [];
  for (const list of LISTS) {
    const byKey = byList.get(list);
    if (!byKey) continue;
    const keys = [...byKey.keys()].sort();
    const parts = keys.map((key) => {
      const entries = [...byKey.get(key)!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const shown = entries.slice(0, 4).map(([id, direct]) => (direct ? id : `${id}*`));
      const more = entries.length > 4 ? ` and ${entries.length - 4} more` : '';
      return `${key} (${shown.join(', ')}${more})`;
    });
    lists.push(`${list}: ${parts.join('; ')}`);
  }
  return lists.join(' — ');
}

const cell = (v: unknown): string => (v === undefined ? '' : String(v).replace(/\|/g, '\\|'));

/** The table of sources, one row a source, in the order of the dataset. */
export function sourcesTable(model: NetworkModel): string {
  const use = usage(model);
  const rows = model.sources.map(
    (s) =>
      `| \`${s.id}\` | ${cell(s.title)} | ${cell(s.publisher)} | ${cell(s.date)} | ${cell(s.reliability)} | ${cell(s.url)} | ${cell(usedFor(use.get(s.id)))} |`,
  );
  return [
    '| id | title | publisher | date | reliability | URL | used for |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The sentence that counts the dataset's entries. */
export function countsSentence(model: NetworkModel): string {
  return (
    `It holds ${model.nodes.length} nodes, ${model.links.length} links, ${model.crossings.length} crossings, ` +
    `${model.services.length} services, ${model.demand.length} demands, ${model.sources.length} sources and ` +
    `${model.units.length} units.`
  );
}

function replaceBetween(md: string, name: string, body: string): string {
  const begin = `<!-- generated:${name} begin (npm run data:sources) -->`;
  const end = `<!-- generated:${name} end -->`;
  const i = md.indexOf(begin);
  const j = md.indexOf(end);
  if (i < 0 || j < i) throw new Error(`SOURCES.md: markers of the generated part "${name}" are missing`);
  return `${md.slice(0, i + begin.length)}\n${body}\n${md.slice(j)}`;
}

/** SOURCES.md with its generated parts rewritten from the dataset text. */
export function renderSourcesMd(datasetText: string, md: string): string {
  const { model, issues } = parseNetwork(datasetText, 'network.yaml');
  if (!model) throw new Error(`the dataset does not load: ${issues[0]?.message ?? 'unknown error'}`);
  return replaceBetween(replaceBetween(md, 'counts', countsSentence(model)), 'sources', sourcesTable(model));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const current = readFileSync(SOURCES_MD, 'utf8');
  const next = renderSourcesMd(readFileSync(DATASET, 'utf8'), current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      process.stderr.write('data/eurasia/SOURCES.md is out of step with network.yaml: run npm run data:sources\n');
      process.exit(1);
    }
  } else if (next !== current) {
    writeFileSync(SOURCES_MD, next);
    process.stdout.write('data/eurasia/SOURCES.md rewritten\n');
  } else process.stdout.write('data/eurasia/SOURCES.md is in step\n');
}
