/**
 * Reading a JSON or YAML data file the user named (a scenario, the waits of a simulation): the file
 * read within the limits (input-file.ts), then parsed with the line of every value kept.
 */
import { InputError } from '../model/issue.js';
import { type ParsedData, parseText, type TextFormat } from '../model/load.js';
import { displayPath, type InputFileOptions, readInputFile } from './input-file.js';

/**
 * Reads a JSON or YAML data file (a scenario, the waits of a simulation) within the limits; throws
 * an InputError naming the file and line of the first mistake.
 */
export function readDataFile(
  path: string,
  options: InputFileOptions & { format?: TextFormat } = {},
): { text: string; parsed: ParsedData } {
  const text = readInputFile(path, options);
  const { parsed, issues } = parseText(text, {
    file: displayPath(path),
    limits: options.limits,
    format: options.format,
  });
  if (!parsed) throw new InputError(issues);
  return { text, parsed };
}
