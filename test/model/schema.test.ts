import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { networkJsonSchema } from '../../src/model/json-schema.js';
import { parseNetwork } from '../../src/model/load.js';
import { validateNetwork } from '../../src/model/validate.js';
import { mini, ROOT } from '../helpers.js';

const SCHEMA_FILE = join(ROOT, 'docs', 'network.schema.json');

describe('schema round trip', () => {
  it('a parsed network written as JSON or YAML and read again is the same network', () => {
    const first = validateNetwork(mini()).model!;
    const viaJson = parseNetwork(JSON.stringify(first), 'a.json');
    const viaYaml = parseNetwork(stringify(first), 'a.yaml');
    expect(viaJson.issues).toEqual([]);
    expect(viaYaml.issues).toEqual([]);
    expect(viaJson.model).toEqual(first);
    expect(viaYaml.model).toEqual(first);
  });
});

describe('JSON Schema (docs/network.schema.json)', () => {
  const generated = `${JSON.stringify(networkJsonSchema(), null, 2)}\n`;

  it('is the one generated from the zod schemas (regenerate with UPDATE_GOLDEN=1)', () => {
    if (process.env.UPDATE_GOLDEN) writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  it('accepts a valid network and rejects misspelt fields, as a JSON Schema validator sees it', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(networkJsonSchema());
    expect(validate(mini()), JSON.stringify(validate.errors)).toBe(true);
    const bad = mini();
    bad.links[0].distnace_km = 3;
    expect(validate(bad)).toBe(false);
  });
});

describe('docs/network-format.md', () => {
  it('its worked example is the mini fixture, which validates without issues', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'network-format.md'), 'utf8');
    const example = doc.split('## A complete worked example')[1]!.split('```yaml\n')[1]!.split('```')[0]!;
    expect(example).toBe(readFileSync(join(ROOT, 'test', 'fixtures', 'mini.yaml'), 'utf8'));
    expect(parseNetwork(example).issues).toEqual([]);
  });
});
