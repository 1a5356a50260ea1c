/** Network models for flow tests: validated from plain data, or read from the flow fixtures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNetwork } from '../../src/model/load.js';
import type { NetworkModel } from '../../src/model/schema.js';
import { validateNetwork } from '../../src/model/validate.js';
import { ROOT } from '../helpers.js';

export const CORRIDORS = join(ROOT, 'test', 'fixtures', 'flow-corridors.yaml');

export function validModel(data: unknown): NetworkModel {
  const r = validateNetwork(data);
  if (!r.model) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.model;
}

export function fixtureModel(path: string = CORRIDORS): NetworkModel {
  return loadNetwork(readFileSync(path, 'utf8'), path).model;
}
