/** A store problem, explained for the person at the keyboard. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'full'
      | 'read_only'
      | 'cannot_open'
      | 'corrupt'
      | 'foreign'
      | 'newer'
      | 'busy'
      | 'not_found'
      | 'conflict'
      | 'error',
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Maps sqlite3 / file-system errors to plain words. */
export function toStoreError(error: unknown, path: string): StoreError {
  if (error instanceof StoreError) return error;
  const e = error as { code?: string; message?: string };
  const code = e.code ?? '';
  const message = e.message ?? String(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /database or disk is full/.test(message)) {
    return new StoreError(
      `The disk holding ${path} is full. Free some space; nothing was saved from this step.`,
      'full',
    );
  }
  if (code === 'SQLITE_READONLY' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new StoreError(
      `${path} cannot be written to (read-only location or no permission). Choose another data folder with --db.`,
      'read_only',
    );
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new StoreError(
      `The database ${path} cannot be opened: the folder may not exist or may not be writable.`,
      'cannot_open',
    );
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new StoreError(`${path} is damaged or is not a Breach Ready database.`, 'corrupt');
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new StoreError(
      `The database ${path} is busy in another Breach Ready window or command. Try again in a moment.`,
      'busy',
    );
  }
  return new StoreError(`The local database failed: ${message}`, 'error');
}
