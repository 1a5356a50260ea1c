import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/issue.js';
import { validateNetwork } from '../../src/model/validate.js';
import { nodeIndex } from '../../src/network/lookup.js';
import { mini } from '../helpers.js';

const index = nodeIndex(validateNetwork(mini()).model!);

describe('NameIndex', () => {
  it('finds a node by id, name or alias, case-insensitive, accents optional', () => {
    expect(index.find('beta')?.id).toBe('beta');
    expect(index.find('Alpha City')?.id).toBe('alpha');
    expect(index.find('alpha city')?.id).toBe('alpha');
    expect(index.find('ALFA')?.id).toBe('alpha');
    expect(index.find('Beta Port')?.id).toBe('beta'); // the name is "Bêta Port"
  });

  it('suggests the nearest names on a miss, with the option as the path', () => {
    try {
      index.resolve('Alpah City', '--from');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const i = (e as InputError).issues[0]!;
      expect(i).toMatchObject({ code: 'unknown_reference', path: '--from' });
      expect(i.message).toContain('did you mean "Alpha City"');
    }
  });

  it('is made once per network, and a miss as the first lookup still suggests (the folded names are made then)', () => {
    const model = validateNetwork(mini()).model!;
    const first = nodeIndex(model);
    expect(nodeIndex(model)).toBe(first);
    expect(nodeIndex(validateNetwork(mini()).model!)).not.toBe(first);
    expect(() => first.resolve('Bta Port', '--to')).toThrow('did you mean "Bêta Port"');
    expect(first.find('alpha')?.name).toBe('Alpha City');
  });
});
