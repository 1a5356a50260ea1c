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

/** An index from folded names to entries of one kind (nodes, crossings, …). */
export class NameIndex<T extends Named> {
  private readonly byKey = new Map<string, T[]>();
  private readonly labels: string[] = [];

  constructor(
    readonly entries: readonly T[],
    readonly what: string,
  ) {
    for (const e of entries) {
      for (const label of [e.id, e.name, ...(e.aliases ?? [])]) {
        const key = fold(label);
        const list = this.byKey.get(key) ?? [];
        if (!list.includes(e)) list.push(e);
        this.byKey.set(key, list);
        this.labels.push(label);
      }
    }
  }

  /** The entry a text names, or undefined. An exact id wins over names. */
  find(text: string): T | undefined {
    const exact = this.entries.find((e) => e.id === text);
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
    for (const label of suggest(text, this.labels, 12)) {
      for (const e of this.byKey.get(fold(label)) ?? []) if (!names.includes(e.name)) names.push(e.name);
    }
    if (names.length === 0) return '';
    const quoted = names.slice(0, 3).map((n) => `"${n}"`);
    const list =
      quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
    return ` (did you mean ${list}?)`;
  }
}

export function nodeIndex(model: NetworkModel): NameIndex<NetworkModel['nodes'][number]> {
  return new NameIndex(model.nodes, 'node');
}

export function crossingIndex(model: NetworkModel): NameIndex<NetworkModel['crossings'][number]> {
  return new NameIndex(model.crossings, 'crossing');
}
