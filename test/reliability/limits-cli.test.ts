/** `caravan --limit name=value`: every kind of limit refuses at its value and lets through when raised. */
import { describe, expect, it } from 'vitest';
import { caravan, MINI } from '../helpers.js';
import { CRASH, measure } from './helpers.js';

const FLOW = 'test/fixtures/flow-corridors.yaml';

describe('caravan --limit', () => {
  it('is listed in the help with every limit name', () => {
    const r = caravan(['--help']);
    expect(r.stdout).toContain('--limit <name=value>');
    expect(r.stdout).toContain('units_simulated');
  });

  it('a bad setting is exit 2 at --limit, with a suggestion', () => {
    const r = caravan(['--limit', 'node=3', 'validate', MINI]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--limit: unknown limit "node" (did you mean "nodes"?)');
    const v = caravan(['--limit', 'nodes=few', 'validate', MINI]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('"nodes=few" does not set a limit');
  });

  it('file_bytes: lowered below the file it refuses it; the default lets it through', () => {
    const r = caravan(['--limit', 'file_bytes=1KiB', 'validate', MINI]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /mini\.yaml: limits\.file_bytes: size of the file: 2\.\d+ KiB, over the limit file_bytes = 1 KiB/,
    );
    expect(caravan(['validate', MINI]).code).toBe(0);
  });

  it('nodes: may be given after the command too', () => {
    const r = caravan(['validate', MINI, '--limit', 'nodes=4']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      /mini\.yaml:16: limits\.nodes: .*5 nodes, over the limit nodes = 4 nodes.*--limit nodes=5/,
    );
    expect(caravan(['validate', MINI, '--limit', 'nodes=5']).code).toBe(0);
  });

  it('replication_days: replications × (days + drain) before the run', () => {
    const r = measure(['simulate', '--network', MINI, '--replications', '2000']);
    expect(r.code).toBe(2);
    // 2,000 × (60 + 30) days = 180,000.
    expect(r.stderr).toMatch(
      /limits\.replication_days: .*180,000 replication-days, over the limit replication_days = 100,000/,
    );
    expect(r.seconds).toBeLessThan(20);
  });

  it('outlook_years: the years of an outlook', () => {
    const r = caravan(['--limit', 'outlook_years=5', 'outlook', '--network', FLOW, '--to-year', '2035']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /limits\.outlook_years: years in the outlook: 12 years, over the limit outlook_years = 5 years/,
    );
  });

  it('job_seconds: a run that takes longer is stopped with exit 2 and the limit named', () => {
    // 40 trucks a day for 3,000 days and 30 replications, in this thread: about a minute of work.
    const r = measure([
      '--limit',
      'job_seconds=1',
      'simulate',
      '--network',
      MINI,
      '--days',
      '3000',
      '--replications',
      '30',
      '--workers',
      '1',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /limits\.job_seconds: time this command has run: 1 second, over the limit job_seconds = 1 second/,
    );
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.seconds).toBeLessThan(30);
  });
});
