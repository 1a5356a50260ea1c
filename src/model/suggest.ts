/**
 * "Did you mean …?": the nearest candidates to a misspelt name, by edit distance on a folded form
 * (case and accents ignored).
 */
import { distance } from 'fastest-levenshtein';

/** Lower-case, strip accents and punctuation: "Łódź" → "lodz", "Nur Zholy" → "nurzholy". */
export function fold(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      // ł ø ß ı, written as escapes so that the CLI bundle stays ASCII (scripts/bundle-cli.mjs)
      .replace(/\u0142/gi, 'l')
      .replace(/\u00f8/gi, 'o')
      .replace(/\u00df/g, 'ss')
      .replace(/\u0131/g, 'i')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '')
  );
}

/** Up to `max` candidates close to `wanted`, best first. */
export function suggest(wanted: string, candidates: Iterable<string>, max = 3): string[] {
  const w = fold(wanted);
  const scored: { c: string; d: number }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c)) continue;
    seen.add(c);
    const f = fold(c);
    if (f === '') continue;
    let d = distance(w, f);
    if (f.startsWith(w) || w.startsWith(f)) d = Math.min(d, 1.5);
    const limit = Math.max(2, Math.floor(Math.max(w.length, 3) / 3));
    if (d <= limit) scored.push({ c, d });
  }
  scored.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c));
  return scored.slice(0, max).map((s) => s.c);
}

/** ` (did you mean "a" or "b"?)`, or an empty string when nothing is close. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const s = suggest(wanted, candidates);
  if (s.length === 0) return '';
  const quoted = s.map((x) => `"${x}"`);
  const list =
    quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return ` (did you mean ${list}?)`;
}
