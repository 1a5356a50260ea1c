/** Where an offset falls in a text: its 1-based line and column, found by binary search over line starts. */

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** A function from offsets to lines and columns, for a text that is searched many times. */
export function textPositions(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** 1-based line of one offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) line++;
  return line;
}
