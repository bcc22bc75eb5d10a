import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Plain words for the file-system errors people actually hit. */
export function describeWriteError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const name = basename(path);
  switch (code) {
    case 'ENOSPC':
      return `${name}: the disk is full; free some space and try again`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `${name}: this location cannot be written to; choose another folder`;
    case 'ENOENT':
      return `${name}: the folder ${dirname(path)} does not exist`;
    case 'EISDIR':
      return `${name}: is a folder; give a file name`;
    default:
      return `${name}: could not be written (${code ?? 'error'})`;
  }
}

export class OutputError extends Error {}

/** Writes the whole file or nothing: a temporary file renamed into place. */
export async function writeOutput(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw new OutputError(describeWriteError(path, error));
  }
}
