/**
 * A number with thousands separators and a fixed number of decimals, exactly as
 * `toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })` writes it, without
 * `Intl`: making the first `Intl.NumberFormat` of a process loads ICU's number data (≈ 15 ms, a tenth of
 * a route question's start). Like ICU, it rounds the shortest decimal that reads back as the number
 * (JavaScript's own `String(x)`) half away from zero, so 1.005 gives "1.01" where `toFixed` gives
 * "1.00"; a negative number that rounds to zero keeps its sign ("-0.0").
 */
export function fixedDecimals(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return x.toLocaleString('en-US');
  const negative = x < 0 || Object.is(x, -0);
  const { digits, point } = shortestDigits(Math.abs(x));
  const [whole, fraction] = rounded(digits, point, decimals);
  const sign = negative ? '-' : '';
  return decimals > 0 ? `${sign}${grouped(whole)}.${fraction}` : `${sign}${grouped(whole)}`;
}

/** The significant digits of the shortest decimal of x ≥ 0 and where its point falls (digits before it). */
function shortestDigits(x: number): { digits: string; point: number } {
  const text = String(x);
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  return { digits, point: (dot < 0 ? mantissa.length : dot) + exponent };
}

/** The whole and fractional digits of 0.digits × 10^point rounded half away from zero to `decimals` places. */
function rounded(digits: string, point: number, decimals: number): [string, string] {
  const keep = point + decimals;
  // All digits with the point at `point`, padded so that `keep` digits exist (and at least one before it).
  const lead = point < 1 ? 1 - point : 0;
  let all = '0'.repeat(lead) + digits;
  const at = keep + lead;
  if (all.length < at) all += '0'.repeat(at - all.length);
  let kept = all.slice(0, at);
  if (at < all.length && all.charCodeAt(at) >= 53 /* '5' */) kept = incremented(kept);
  const wholeLength = kept.length - decimals;
  const whole = kept.slice(0, wholeLength).replace(/^0+(?=\d)/, '');
  return [whole === '' ? '0' : whole, kept.slice(wholeLength)];
}

/** A string of decimal digits plus one in its last place (a carry may lengthen it). */
function incremented(kept: string): string {
  let i = kept.length - 1;
  while (i >= 0 && kept[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(kept.length)}`;
  return kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1) + '0'.repeat(kept.length - 1 - i);
}

/** Whole digits with a comma between groups of three. */
function grouped(whole: string): string {
  let out = whole.slice(0, ((whole.length - 1) % 3) + 1);
  for (let i = out.length; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
  return out;
}
