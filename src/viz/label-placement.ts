/**
 * Greedy placement of map labels without overlaps: each label, in order of importance, takes the
 * first free position around its anchor (right, left, above, below, then beside it a line or two
 * lower or higher) that overlaps neither a placed label, an obstacle nor the frame's edge; a label with no free position is left to the hover title.
 */

export interface LabelRequest {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** Clearance from the anchor (a circle's radius), px. */
  readonly gap: number;
  readonly fontSize: number;
  /** Drawn in bold (wider). */
  readonly bold?: boolean;
}

export interface PlacedLabel {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end' | 'middle';
  readonly fontSize: number;
  readonly bold: boolean;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Approximate width of a text in a sans-serif font, px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.6 : 0.55);
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Places labels in the given order inside `width × height`, avoiding `obstacles` too. */
export function placeLabels(
  requests: readonly LabelRequest[],
  width: number,
  height: number,
  obstacles: readonly Box[] = [],
): PlacedLabel[] {
  const taken: Box[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  for (const r of requests) {
    const bold = r.bold ?? false;
    const w = textWidth(r.text, r.fontSize, bold);
    const h = r.fontSize * 1.2;
    const g = r.gap + 3;
    const box = (x0: number, yMid: number) => ({ x0, y0: yMid - h / 2, x1: x0 + w, y1: yMid + h / 2 });
    const candidates: { x: number; y: number; anchor: PlacedLabel['anchor']; box: Box }[] = [];
    // Beside the anchor first, then above and below, then beside but a line or two lower or higher.
    for (const shift of [0, 'above', 'below', 1, -1, 2, -2] as const) {
      if (shift === 'above' || shift === 'below') {
        const yMid = shift === 'above' ? r.y - g - h / 2 : r.y + g + h / 2;
        candidates.push({ x: r.x, y: yMid + h * 0.35, anchor: 'middle', box: box(r.x - w / 2, yMid) });
        continue;
      }
      const yMid = r.y + shift * h;
      candidates.push({ x: r.x + g, y: yMid + h * 0.35, anchor: 'start', box: box(r.x + g, yMid) });
      candidates.push({ x: r.x - g, y: yMid + h * 0.35, anchor: 'end', box: box(r.x - g - w, yMid) });
    }
    const free = candidates.find(
      (c) =>
        c.box.x0 >= 2 &&
        c.box.y0 >= 2 &&
        c.box.x1 <= width - 2 &&
        c.box.y1 <= height - 2 &&
        !taken.some((t) => overlaps(t, c.box)),
    );
    if (!free) continue;
    taken.push(free.box);
    placed.push({
      text: r.text,
      x: round1(free.x),
      y: round1(free.y),
      anchor: free.anchor,
      fontSize: r.fontSize,
      bold,
    });
  }
  return placed;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
