/**
 * Writing an output file the way a person expects: through a symbolic link to its target, straight
 * into a FIFO or a device, and into a regular file atomically — a temporary file in the same
 * directory, then a rename — so that a failure never leaves half a file. A write that fails is an
 * {@link OutputError}.
 */
import {
  chmodSync,
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Output that could not be written: the environment's fault, not the input's (exit code 1, HTTP 500). */
export class OutputError extends Error {
  readonly code: string | undefined;
  constructor(
    readonly target: string,
    cause: NodeJS.ErrnoException,
  ) {
    super(`cannot write ${target}: ${reason(cause)}`);
    this.name = 'OutputError';
    this.code = cause.code;
  }
}

/** Why a write failed, in words, with the system's code. */
export function reason(e: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such directory',
    ENOTDIR: 'a part of the path is not a directory',
    EISDIR: 'it is a directory',
    EROFS: 'the file system is read-only',
    EPIPE: 'the reader closed the pipe',
    EIO: 'input/output error',
    ENXIO: 'no reader at the other end (a socket or a FIFO without a reader)',
    EFBIG: 'the file is too large',
    ELOOP: 'too many symbolic links',
  };
  const code = e.code ?? 'error';
  return `${words[code] ?? e.message} (${code})`;
}

/** Follows symbolic links, even one that points to a file not yet there; the path written to. */
function finalTarget(path: string): string {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch {
      return p; // not there yet: create it
    }
    if (!st.isSymbolicLink()) return p;
    p = resolve(dirname(p), readlinkSync(p));
  }
  const e: NodeJS.ErrnoException = new Error('too many symbolic links');
  e.code = 'ELOOP';
  throw e;
}

function writeAll(fd: number, data: Buffer): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done);
}

/**
 * Writes `text` to `path`. A regular file (or a new one) is replaced atomically, keeping its
 * permissions; a FIFO, a device or a file with several hard links is written in place; a symbolic
 * link is followed to its target. Throws an {@link OutputError}; leaves no temporary file behind.
 */
export function writeOutputFile(path: string, text: string): void {
  const data = Buffer.from(text, 'utf8');
  let target = path;
  try {
    target = finalTarget(path);
    let st: Stats | undefined;
    try {
      st = statSync(target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (st?.isDirectory()) {
      const e: NodeJS.ErrnoException = new Error('is a directory');
      e.code = 'EISDIR';
      throw e;
    }
    if (st && (!st.isFile() || st.nlink > 1)) {
      const fd = openSync(target, 'w');
      try {
        writeAll(fd, data);
      } finally {
        closeSync(fd);
      }
      return;
    }
    writeAtomically(target, data, st?.mode);
  } catch (e) {
    throw new OutputError(`"${path}"`, e as NodeJS.ErrnoException);
  }
}

function writeAtomically(target: string, data: Buffer, mode: number | undefined): void {
  const tmp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`,
  );
  const fd = openSync(tmp, 'wx', 0o666);
  let renamed = false;
  try {
    try {
      writeAll(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (mode !== undefined) chmodSync(tmp, mode & 0o7777);
    renameSync(tmp, target);
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
  }
}
