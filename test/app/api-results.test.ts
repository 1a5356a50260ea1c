/**
 * docs/api-results.md is generated from the use cases' zod schemas; this test keeps it in step.
 * UPDATE_API_DOCS=1 rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeUseCases } from '../../src/app/describe.js';
import { useCases } from '../../src/app/index.js';
import { ROOT } from '../helpers.js';

it('docs/api-results.md describes the options and results of every use case, as the schemas say', () => {
  const path = join(ROOT, 'docs', 'api-results.md');
  const text = describeUseCases(Object.values(useCases));
  if (process.env.UPDATE_API_DOCS === '1') writeFileSync(path, text);
  expect(readFileSync(path, 'utf8')).toBe(text);
  for (const name of Object.keys(useCases)) expect(text).toContain(`## ${name}\n`);
});
