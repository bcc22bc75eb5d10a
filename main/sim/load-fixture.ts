import { readFile, stat } from 'node:fs/promises';
import {
  describeFixtureProblem,
  tenantFixtureSchema,
  type TenantFixture,
} from '../../shared/fixture/tenant-fixture';
import { findJsonErrorOffset, plainJsonMessage, positionAt } from './json-position';

/** The largest fixture file the simulator reads. */
export const MAX_FIXTURE_BYTES = 512 * 1024 * 1024;

/** A fixture that cannot be used; the message is one plain line naming the file and the problem. */
export class FixtureError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'FixtureError';
  }
}

function jsonProblem(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const reported = /at position (\d+)/.exec(raw)?.[1];
  let offset = reported !== undefined ? Number(reported) : undefined;
  if (offset === undefined) {
    offset = /Unexpected end of JSON input/.test(raw) ? text.length : findJsonErrorOffset(text);
  }
  const message = plainJsonMessage(raw) || 'syntax error';
  if (offset === undefined) return `not valid JSON (${message})`;
  const { line, column } = positionAt(text, offset);
  return `not valid JSON (${message} at line ${line} column ${column})`;
}

/** Parses and validates a `tenant-fixture/1` document. `name` is used in error messages. */
export function parseFixture(text: string, name: string): TenantFixture {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new FixtureError(name, 'the file is empty');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new FixtureError(name, jsonProblem(body, error));
  }
  const parsed = tenantFixtureSchema.safeParse(json);
  if (!parsed.success) throw new FixtureError(name, describeFixtureProblem(parsed.error));
  return parsed.data;
}

function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a fixture file';
    default:
      return `cannot read the file (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

/** Reads, parses and validates a fixture file. Throws FixtureError. */
export async function loadFixtureFile(path: string): Promise<TenantFixture> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new FixtureError(path, 'is a folder, not a fixture file');
    if (!info.isFile()) throw new FixtureError(path, 'is not a regular file');
    size = info.size;
  } catch (error) {
    if (error instanceof FixtureError) throw error;
    throw new FixtureError(path, fileProblem(error));
  }
  if (size === 0) throw new FixtureError(path, 'the file is empty');
  if (size > MAX_FIXTURE_BYTES) {
    throw new FixtureError(
      path,
      `the file is too large (${Math.round(size / (1024 * 1024))} MB; the limit is ${MAX_FIXTURE_BYTES / (1024 * 1024)} MB)`,
    );
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FixtureError(path, fileProblem(error));
  }
  return parseFixture(text, path);
}
