/**
 * Running a fuzzer: fast-check with a case count scaled by CARAVAN_FUZZ_SCALE (1 in `npm test`,
 * more in `npm run fuzz`) and a time budget, a fixed seed unless CARAVAN_FUZZ_SEED says otherwise
 * (`random` for a new one each run), and the number of cases tried printed.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

export const SCALE = Number(process.env.CARAVAN_FUZZ_SCALE ?? '1') || 1;
const SEED_SETTING = process.env.CARAVAN_FUZZ_SEED ?? '13';
export const SEED = SEED_SETTING === 'random' ? Date.now() % 2 ** 31 : Number(SEED_SETTING);

/**
 * Checks `property` on `base × SCALE` cases, stopping early (without failing) once `seconds × SCALE`
 * have passed; prints how many cases were tried. A failing case is reported with its seed and path
 * so that it can be replayed and kept as a fixture.
 */
export async function fuzz<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  property: (value: T) => void | Promise<void>,
  options: { runs: number; seconds: number },
): Promise<number> {
  const numRuns = Math.round(options.runs * SCALE);
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (v) => void (await property(v))),
    {
      numRuns,
      seed: SEED,
      interruptAfterTimeLimit: options.seconds * SCALE * 1000,
      markInterruptAsFailure: false,
      verbose: process.env.CARAVAN_FUZZ_DEBUG ? 2 : 1,
    },
  );
  console.log(`fuzz ${name}: ${details.numRuns} cases tried (seed ${SEED})`);
  if (details.failed) {
    const error = details.errorInstance as Error | undefined;
    expect.fail(
      `${fc.defaultReportMessage(details) ?? `fuzz ${name} failed`}\n${error?.stack ?? String(error)}`,
    );
  }
  expect(details.numRuns).toBeGreaterThan(0);
  return details.numRuns;
}
