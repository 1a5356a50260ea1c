/**
 * Round values for legends: the largest "nice" number (1, 2 or 5 × 10^k) not above the data's
 * maximum, and smaller nice numbers below it, so that a reader compares marks against round sizes.
 */

const MANTISSAS = [1, 2, 5] as const;

/** The nice numbers (1, 2, 5 × 10^k) in descending order, starting at the largest ≤ max. */
function niceDescending(max: number): () => number {
  let k = Math.floor(Math.log10(max));
  let i = MANTISSAS.length - 1;
  while (MANTISSAS[i]! * 10 ** k > max * (1 + 1e-12)) {
    i--;
    if (i < 0) {
      i = MANTISSAS.length - 1;
      k--;
    }
  }
  return () => {
    const v = MANTISSAS[i]! * 10 ** k;
    i--;
    if (i < 0) {
      i = MANTISSAS.length - 1;
      k--;
    }
    return Number(v.toPrecision(12));
  };
}

/**
 * Up to `count` legend values, largest first: the largest nice number ≤ max, then every `stride`-th
 * nice number below it (stride 2: 20, 5, 1). Empty when max is not positive.
 */
export function legendValues(max: number, count = 3, stride = 2): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [];
  const next = niceDescending(max);
  const out: number[] = [];
  for (let n = 0; out.length < count; n++) {
    const v = next();
    if (n % stride === 0) out.push(v);
  }
  return out;
}
