/**
 * Bytes of an input file to text: UTF-8 only (a UTF-8 byte-order mark is dropped). A binary file,
 * a UTF-16 or UTF-32 file, or one in a legacy 8-bit encoding (Latin-1, Windows-1252) is an issue
 * that says which, where, and how to fix it — never the bytes themselves.
 */
import { type Issue, issue } from '../model/issue.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Text, or the reason the bytes are not UTF-8 text (with its line when known). */
export function decodeText(bytes: Uint8Array): { text: string } | { issue: Issue } {
  const bom = byteOrderMark(bytes);
  if (bom) {
    return {
      issue: issue(
        'wrong_encoding',
        '',
        `the file is ${bom} (it starts with that byte-order mark): save it as UTF-8 and try again`,
      ),
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const wide = utf16Guess(bytes);
    if (wide) {
      return {
        issue: issue(
          'wrong_encoding',
          '',
          `the file looks like ${wide} text: save it as UTF-8 and try again`,
        ),
      };
    }
    return {
      issue: {
        ...issue(
          'binary_file',
          '',
          `not a text file: it holds binary data (a NUL byte at byte ${nul}); give a YAML, JSON or CSV text file`,
        ),
        line: lineAt(bytes, nul),
      },
    };
  }
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    if (looksBinary(bytes)) {
      return {
        issue: issue(
          'binary_file',
          '',
          'not a text file: most of it is not text; give a YAML, JSON or CSV text file',
        ),
      };
    }
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      issue: {
        ...issue(
          'wrong_encoding',
          '',
          `the file is not UTF-8: byte 0x${byte} (column ${columnAt(bytes, bad)}) is not valid UTF-8; it looks like Latin-1 or Windows-1252 text: save it as UTF-8 and try again`,
        ),
        line: lineAt(bytes, bad),
      },
    };
  }
}

function byteOrderMark(b: Uint8Array): string | undefined {
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32 (big-endian)';
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return 'UTF-32 (little-endian)';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16 (little-endian)';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 (big-endian)';
  return undefined;
}

/** UTF-16 without a byte-order mark: ASCII text with a NUL in every other byte. */
function utf16Guess(b: Uint8Array): string | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > 0.8 * pairs && evenNul < 0.05 * pairs) return 'UTF-16 (little-endian)';
  if (evenNul > 0.8 * pairs && oddNul < 0.05 * pairs) return 'UTF-16 (big-endian)';
  return undefined;
}

/** More than a tenth of the first 4 kB is control bytes or bytes that cannot start a character. */
function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c >= 0xf8) odd++;
  }
  return odd > 0.1 * n;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}

function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) line++;
  return line;
}

/** 1-based column in characters (continuation bytes of UTF-8 sequences not counted). */
function columnAt(b: Uint8Array, offset: number): number {
  let column = 1;
  for (let i = offset - 1; i >= 0 && b[i] !== 0x0a; i--) if ((b[i]! & 0xc0) !== 0x80) column++;
  return column;
}
