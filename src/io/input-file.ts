/**
 * Reading an input file the user named (network, scenario, demand CSV, waits JSON): refused by its
 * size before it is read, read no further than the limit when its size is unknown (a pipe, a
 * device), and decoded as UTF-8 text. Every failure is an issue naming the file.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { relative } from 'node:path';
import { InputError, type Issue, issue } from '../model/issue.js';
import { currentLimits, type Limits, limitIssue } from '../model/limits.js';
import { decodeText } from './decode-text.js';

export interface InputFileOptions {
  /** The option that named the file (`--demand`), as the path of its issues. */
  readonly option?: string | undefined;
  /** Said after "no such file: check the path", e.g. "or leave it out to use the embedded network". */
  readonly missingHint?: string | undefined;
  /** Limits to apply instead of those configured for the process. */
  readonly limits?: Partial<Limits> | undefined;
}

/** A path as a person would like to read it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

const CHUNK = 1 << 16;

/** The text of a file; throws an InputError naming the file when it cannot be read as UTF-8 text. */
export function readInputFile(path: string, options: InputFileOptions = {}): string {
  const shown = displayPath(path);
  const fail = (i: Issue): never => {
    throw new InputError([{ ...i, ...(options.option ? { path: options.option } : {}), file: shown }]);
  };
  const limit = currentLimits(options.limits).file_bytes;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return fail(openIssue(e as NodeJS.ErrnoException, options.missingHint));
  }
  let bytes: Uint8Array;
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) fail(issue('file_unreadable', '', 'this is a directory, not a file'));
    if (stat.isFile() && stat.size > limit)
      fail(limitIssue('file_bytes', stat.size, 'size of the file', 'split it into smaller files'));
    // Read at most one byte more than the limit: a pipe or a device may never end.
    const cap = Math.min(limit, stat.isFile() ? stat.size : limit) + 1;
    let buffer = Buffer.allocUnsafe(Math.min(cap, Math.max(CHUNK, stat.isFile() ? stat.size + 1 : CHUNK)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length >= cap) break;
        const grown = Buffer.allocUnsafe(Math.min(cap, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit)
      fail(limitIssue('file_bytes', length, 'size of the input (at least)', 'give a smaller file'));
    bytes = buffer.subarray(0, length);
  } catch (e) {
    if (e instanceof InputError) throw e;
    return fail(readIssue(e as NodeJS.ErrnoException));
  } finally {
    closeSync(fd);
  }
  const decoded = decodeText(bytes);
  if ('issue' in decoded) return fail(decoded.issue);
  return decoded.text;
}

function openIssue(e: NodeJS.ErrnoException, hint: string | undefined): Issue {
  switch (e.code) {
    case 'ENOENT':
      return issue('file_not_found', '', `no such file: check the path${hint ? `, ${hint}` : ''}`);
    case 'ENOTDIR':
      return issue('file_not_found', '', 'no such file: a part of the path is not a directory');
    case 'EACCES':
    case 'EPERM':
      return issue('file_unreadable', '', 'permission denied: you may not read this file');
    case 'ELOOP':
      return issue('file_unreadable', '', 'too many symbolic links (a link that points to itself?)');
    case 'ENAMETOOLONG':
      return issue('file_not_found', '', 'the path is too long');
    default:
      return readIssue(e);
  }
}

function readIssue(e: NodeJS.ErrnoException): Issue {
  if (e.code === 'EISDIR') return issue('file_unreadable', '', 'this is a directory, not a file');
  return issue('file_unreadable', '', `cannot read the file (${e.code ?? e.message})`);
}
