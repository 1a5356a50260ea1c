/** Safe output files: atomic for regular files, through links, in place for FIFOs, devices and hard links. */
import {
  chmodSync,
  linkSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError, writeOutputFile } from '../../src/io/safe-write.js';
import { tempDir } from './helpers.js';

describe('writeOutputFile', () => {
  it('creates a new file, and replaces an old one keeping its permissions; no temporary file remains', () => {
    const dir = tempDir();
    const file = join(dir, 'out.txt');
    writeOutputFile(file, 'one');
    expect(readFileSync(file, 'utf8')).toBe('one');
    chmodSync(file, 0o640);
    const before = statSync(file).ino;
    writeOutputFile(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(statSync(file).ino).not.toBe(before); // replaced by rename, not rewritten in place
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('follows a chain of symbolic links, even to a file not yet there', () => {
    const dir = tempDir();
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('c.txt', join(dir, 'b'));
    writeOutputFile(join(dir, 'a'), 'through');
    expect(lstatSync(join(dir, 'a')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'b')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'c.txt'), 'utf8')).toBe('through');
  });

  it('writes a file with several hard links in place, so that every name sees the new content', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one'), 'old');
    linkSync(join(dir, 'one'), join(dir, 'two'));
    writeOutputFile(join(dir, 'two'), 'new');
    expect(readFileSync(join(dir, 'one'), 'utf8')).toBe('new');
  });

  it('a failure is an OutputError with the reason; the old file is intact and no temporary file remains', () => {
    const dir = tempDir();
    expect(() => writeOutputFile(dir, 'x')).toThrow(OutputError);
    expect(() => writeOutputFile(dir, 'x')).toThrow(/it is a directory \(EISDIR\)/);
    expect(() => writeOutputFile(join(dir, 'no', 'file'), 'x')).toThrow(/no such directory \(ENOENT\)/);
    symlinkSync('loop', join(dir, 'loop'));
    expect(() => writeOutputFile(join(dir, 'loop'), 'x')).toThrow(/too many symbolic links \(ELOOP\)/);
    writeFileSync(join(dir, 'kept'), 'old');
    expect(() => writeOutputFile('/dev/full', 'x'.repeat(100_000))).toThrow(/no space left on the device/);
    expect(readdirSync(dir).sort()).toEqual(['kept', 'loop']);
  });
});
