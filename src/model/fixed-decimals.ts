/**
 * A number with thousands separators and a fixed number of decimals, as `toLocaleString('en-US', …)`
 * writes it, through one formatter per number of decimals made once (`toLocaleString` with options
 * makes a new formatter on every call, which costs some twenty times the formatting).
 */
const formats = new Map<number, Intl.NumberFormat>();

export function fixedDecimals(x: number, decimals: number): string {
  let f = formats.get(decimals);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(decimals, f);
  }
  return f.format(x);
}
