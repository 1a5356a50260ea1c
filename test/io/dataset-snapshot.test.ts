/**
 * The snapshot of the embedded dataset: the model validated at build time, used only while the YAML
 * is the one it was made from and no limit is below its default; its cached loaded state only for
 * the code version that solved it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { solveLoadedStateCache } from '../../src/flow/loaded-state-cache.js';
import { readSnapshot } from '../../src/io/dataset-snapshot.js';
import { writeSnapshot } from '../../src/io/write-dataset-snapshot.js';
import { configureLimits } from '../../src/model/limits.js';
import { loadNetwork } from '../../src/model/load.js';
import { DEFAULT_DATE } from '../../src/model/timeline.js';
import { DEFAULT, MINI } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'caravan-snapshot-'));

afterEach(() => configureLimits({}));

describe('the dataset snapshot', () => {
  const path = join(dir, 'eurasia.json');
  const text = readFileSync(DEFAULT, 'utf8');
  writeSnapshot(DEFAULT, 'data/eurasia/network.yaml', { path, codeVersion: 'v1' });

  it('holds the model and warnings that parsing and validating the YAML give', () => {
    const parsed = loadNetwork(text, 'shown/network.yaml');
    const read = readSnapshot(text, 'shown/network.yaml', path, 'v1');
    expect(read?.model).toEqual(parsed.model);
    expect(read?.warnings).toEqual(parsed.warnings);
  });

  it('gives its cached loaded state to the code version that solved it, and to no other', () => {
    expect(readSnapshot(text, 'x', path, 'v1')?.loadedState).toEqual(
      solveLoadedStateCache(loadNetwork(text).model, DEFAULT_DATE),
    );
    expect(readSnapshot(text, 'x', path, 'v2')?.loadedState).toBeUndefined();
    expect(readSnapshot(text, 'x', path, undefined)?.loadedState).toBeUndefined();
    expect(readSnapshot(text, 'x', path, 'v2')?.model).toBeDefined();
  });

  it("is matched by the file's bytes as by its text", () => {
    const bytes = readFileSync(DEFAULT);
    expect(readSnapshot(bytes, 'x', path, 'v1')).toEqual(readSnapshot(text, 'x', path, 'v1'));
    expect(readSnapshot(Buffer.concat([bytes, Buffer.from('\n')]), 'x', path, 'v1')).toBeUndefined();
    // a byte-order mark makes another file (one that reading refuses), never the snapshot's
    expect(
      readSnapshot(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), 'x', path, 'v1'),
    ).toBeUndefined();
  });

  it('is not used for another text, below a default limit, or when missing or of another format', () => {
    expect(readSnapshot(`${text}\n# changed\n`, 'x', path, 'v1')).toBeUndefined();
    expect(readSnapshot(readFileSync(MINI, 'utf8'), 'x', path, 'v1')).toBeUndefined();
    expect(readSnapshot(text, 'x', join(dir, 'none.json'), 'v1')).toBeUndefined();
    const old = join(dir, 'old.json');
    writeFileSync(
      old,
      JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), format: 'caravan-snapshot/1' }),
    );
    expect(readSnapshot(text, 'x', old, 'v1')).toBeUndefined();
    configureLimits({ values: { nodes: 10 } });
    expect(readSnapshot(text, 'x', path, 'v1')).toBeUndefined();
  });

  it('caches no loaded state without a code version', () => {
    const bare = join(dir, 'bare.json');
    writeSnapshot(DEFAULT, 'data/eurasia/network.yaml', { path: bare });
    const json = JSON.parse(readFileSync(bare, 'utf8'));
    expect(json.code_version).toBeNull();
    expect(json.loaded_state).toBeNull();
  });
});
