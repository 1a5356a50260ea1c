/**
 * `npm run fuzz`: the fuzzers only, with 20 times the cases and time of `npm test` (set
 * CARAVAN_FUZZ_SCALE to change it) and a new random seed each run (CARAVAN_FUZZ_SEED=n replays one).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/reliability/fuzz/**/*.test.ts', 'test/server/api.fuzz.test.ts'],
    testTimeout: 60 * 60_000,
    env: {
      CARAVAN_FUZZ_SCALE: process.env.CARAVAN_FUZZ_SCALE ?? '20',
      CARAVAN_FUZZ_SEED: process.env.CARAVAN_FUZZ_SEED ?? 'random',
    },
  },
});
