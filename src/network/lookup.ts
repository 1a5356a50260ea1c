/**
 * Finding nodes and crossings by what people type: an id, a name or an alias, case-insensitive,
 * accents optional, with "did you mean …" on a miss.
 */
import { InputError, issue } from '../model/issue.js';
import type { NetworkModel } from '../model/schema.js';
import { fold, suggest } from '../model/suggest.js';

export interface Named {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[] | undefined;
}

/**
 * An index from folded names to entries of one kind (nodes, crossings, …). The folded keys are made
 * on the first lookup that is not an exact id: folding every name and alias (Unicode normalisation)
 * costs more than most questions need, since they name places by id.
 */
export class NameIndex<T extends Named> {
  private byIdMap: Map<string, T> | undefined;
  private byKeyMap: Map<string, T[]> | undefined;
  private readonly labels: string[] = [];

  constructor(
    readonly entries: readonly T[],
    readonly what: string,
  ) {}

  private get byId(): Map<string, T> {
    if (this.byIdMap === undefined) {
      this.byIdMap = new Map();
      for (const e of this.entries) if (!this.byIdMap.has(e.id)) this.byIdMap.set(e.id, e);
    }
    return this.byIdMap;
  }

  private get byKey(): Map<string, T[]> {
    if (this.byKeyMap === undefined) {
      this.byKeyMap = new Map();
      for (const e of this.entries) {
        for (const label of [e.id, e.name, ...(e.aliases ?? [])]) {
          const key = fold(label);
          const list = this.byKeyMap.get(key) ?? [];
          if (!list.includes(e)) list.push(e);
          this.byKeyMap.set(key, list);
          this.labels.push(label);
        }
      }
    }
    return this.byKeyMap;
  }

  /** The entry a text names, or undefined. An exact id wins over names. */
  find(text: string): T | undefined {
    const exact = this.byId.get(text);
    if (exact) return exact;
    const hits = this.byKey.get(fold(text));
    return hits && hits.length === 1 ? hits[0] : undefined;
  }

  /** The entry a text names; throws an InputError (with suggestions) at `optionPath` otherwise. */
  resolve(text: string, optionPath: string): T {
    const found = this.find(text);
    if (found) return found;
    const hits = this.byKey.get(fold(text));
    if (hits && hits.length > 1) {
      throw new InputError([
        issue(
          'invalid_option',
          optionPath,
          `"${text}" names several ${this.what}s (${hits.map((h) => h.id).join(', ')}): give the id`,
        ),
      ]);
    }
    throw new InputError([
      issue(
        'unknown_reference',
        optionPath,
        `unknown ${this.what} "${text}"${this.didYouMean(text) || `: see \`caravan network info\` for the list`}`,
      ),
    ]);
  }

  /** " (did you mean …?)" naming each close entry once, by its name. */
  didYouMean(text: string): string {
    const names: string[] = [];
    const byKey = this.byKey;
    for (const label of suggest(text, this.labels, 12)) {
      for (const e of byKey.get(fold(label)) ?? []) if (!names.includes(e.name)) names.push(e.name);
    }
    if (names.length === 0) return '';
    const quoted = names.slice(0, 3).map((n) => `"${n}"`);
    const list =
      quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
    return ` (did you mean ${list}?)`;
  }
}

/**
 * One index per list of entries, made on first use: a network as read is never changed afterwards
 * (a scenario makes a new one), so every question on it, and every demand's route in a simulation's
 * plan, shares the index of its nodes.
 */
const indexes = new WeakMap<readonly Named[], NameIndex<Named>>();

function indexOf<T extends Named>(entries: readonly T[], what: string): NameIndex<T> {
  let index = indexes.get(entries) as NameIndex<T> | undefined;
  if (index === undefined) {
    index = new NameIndex(entries, what);
    indexes.set(entries, index);
  }
  return index;
}

export function nodeIndex(model: NetworkModel): NameIndex<NetworkModel['nodes'][number]> {
  return indexOf(model.nodes, 'node');
}

export function crossingIndex(model: NetworkModel): NameIndex<NetworkModel['crossings'][number]> {
  return indexOf(model.crossings, 'crossing');
}
