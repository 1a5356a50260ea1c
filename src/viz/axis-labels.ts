/**
 * Row labels on a chart's axis (crossing and corridor names): the margin they get follows from the
 * longest of them, within a bound; a label beyond the bound is cut with an ellipsis, its full text
 * kept as the hover title. No label is clipped by the edge of the SVG.
 */

/** Width of one character of an 11.5-px system sans-serif label, px (on the generous side). */
export const LABEL_CHAR_PX = 6.4;

/** The width the row labels need, px: from the longest line of a label, at least 60 and at most `max`. */
export function labelWidth(labels: readonly string[], max: number): number {
  const longest = Math.max(0, ...labels.flatMap((l) => l.split('\n').map((line) => line.length)));
  return Math.min(max, Math.max(60, Math.ceil(longest * LABEL_CHAR_PX) + 14));
}

/** How many characters fit in a label margin of `widthPx`. */
export function labelChars(widthPx: number): number {
  return Math.max(4, Math.floor((widthPx - 14) / LABEL_CHAR_PX));
}

/** A label cut to `chars` characters a line, with an ellipsis where a line is cut. */
export function truncateLabel(text: string, chars: number): string {
  return text
    .split('\n')
    .map((line) => (line.length <= chars ? line : `${line.slice(0, Math.max(1, chars - 1)).trimEnd()}…`))
    .join('\n');
}

/**
 * A one-line label that does not fit in `chars` wrapped onto two lines at a space, the second cut
 * with an ellipsis if still too long; a label already on several lines is only cut.
 */
export function fitLabel(text: string, chars: number): string {
  if (text.includes('\n') || text.length <= chars) return truncateLabel(text, chars);
  const at = text.lastIndexOf(' ', chars);
  if (at <= 0) return truncateLabel(text, chars);
  return `${text.slice(0, at)}\n${truncateLabel(text.slice(at + 1), chars)}`;
}
