import { describe, expect, it } from 'vitest';
import { parseRemovals, removalMasks } from '../../src/flow/removal.js';
import { InputError, type Issue } from '../../src/model/issue.js';
import { compileNetwork } from '../../src/network/compile.js';
import { fixtureModel } from './models.js';

function issuesOf(f: () => unknown): Issue[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return [...e.issues];
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseRemovals', () => {
  const model = fixtureModel();

  it('reads KIND:ID for countries (code or name), crossings, links, nodes and services', () => {
    expect(
      parseRemovals(
        [
          'country:RU',
          'country:Belarus',
          'crossing:Dostyk–Alashankou',
          'link:xian-shanghai-rail',
          'node:Aktau',
          'service:caspian-ferry',
        ],
        model,
      ),
    ).toEqual([
      { kind: 'country', id: 'RU' },
      { kind: 'country', id: 'BY' },
      { kind: 'crossing', id: 'dostyk-alashankou' },
      { kind: 'link', id: 'xian-shanghai-rail' },
      { kind: 'node', id: 'aktau' },
      { kind: 'service', id: 'caspian-ferry' },
    ]);
  });

  it('reports every bad value at --remove with a suggestion', () => {
    const issues = issuesOf(() =>
      parseRemovals(['contry:RU', 'country:FR', 'crossing:dostyk-alashankuo', 'link:nowhere', 'RU'], model),
    );
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'invalid_option --remove',
      'unknown_reference --remove',
      'unknown_reference --remove',
      'unknown_reference --remove',
      'invalid_option --remove',
    ]);
    expect(issues[0]!.message).toContain('did you mean "country"');
    expect(issues[1]!.message).toContain('France (FR) is not in the network');
    expect(issues[2]!.message).toMatch(/did you mean "dostyk.alashankou"/i);
    expect(issues[4]!.message).toContain('did you mean "country:RU"');
  });
});

describe('removalMasks', () => {
  it('closes every node of a removed country, and the arcs of a removed element in both directions', () => {
    const model = fixtureModel();
    const net = compileNetwork(model);
    const m = removalMasks(net, [
      { kind: 'country', id: 'RU' },
      { kind: 'crossing', id: 'dostyk-alashankou' },
    ]);
    const ru = model.nodes.filter((n) => n.country === 'RU').map((n) => net.nodeIndex.get(n.id)!);
    expect([...m.closedNodes.keys()].filter((v) => m.closedNodes[v]).sort()).toEqual(ru.sort());
    const closed = [...m.closedArcs.keys()].filter((a) => m.closedArcs[a]);
    expect(closed).toHaveLength(2);
  });
});
