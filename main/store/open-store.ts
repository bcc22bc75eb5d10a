import { chmod, mkdir, open as openFile, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Database } from './database';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { StoreError, toStoreError } from './store-error';

const SQLITE_HEADER = 'SQLite format 3\0';

export interface OpenedDatabase {
  readonly db: Database;
  /** Something the user should be told (e.g. a damaged file was moved aside). */
  readonly notice?: string;
}

async function readHeader(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new StoreError(`${path} is a folder; give a database file name.`, 'cannot_open');
    if (info.size === 0) return undefined;
    const handle = await openFile(path, 'r');
    try {
      const buffer = Buffer.alloc(16);
      await handle.read(buffer, 0, 16, 0);
      return buffer.toString('latin1');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw toStoreError(error, path);
  }
}

/** Keeps the original: renames it next to itself and says where it went. */
async function moveAside(path: string, now: Date): Promise<string> {
  const aside = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, aside);
  for (const suffix of ['-wal', '-shm'])
    await rename(`${path}${suffix}`, `${aside}${suffix}`).catch(() => {});
  return aside;
}

/** Refuses files of other applications and newer versions before anything is changed. */
async function checkOwnership(db: Database): Promise<void> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  const current = row?.user_version ?? 0;
  if (current > SCHEMA_VERSION) {
    throw new StoreError(
      `${db.path} was written by a newer version of Breach Ready (schema ${current}). Update Breach Ready to open it.`,
      'newer',
    );
  }
  if (current > 0) {
    const marker = await db
      .get<{ value: string }>("SELECT value FROM app_meta WHERE key = 'application'")
      .catch(() => undefined);
    if (marker?.value !== 'breach-ready') {
      throw new StoreError(
        `${db.path} is a database of another application; Breach Ready will not touch it.`,
        'foreign',
      );
    }
  } else {
    const tables = await db.all("SELECT name FROM sqlite_master WHERE type = 'table'");
    if (tables.length) {
      throw new StoreError(
        `${db.path} is a database of another application; Breach Ready will not touch it.`,
        'foreign',
      );
    }
  }
}

async function migrate(db: Database): Promise<void> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  const current = row?.user_version ?? 0;
  for (const migration of MIGRATIONS.filter((m) => m.version > current)) {
    await db.transaction(async () => {
      await db.exec(migration.sql);
      await db.exec(`PRAGMA user_version = ${migration.version}`);
    });
  }
}

/**
 * Opens (creating when needed) the database file: WAL, foreign keys, migrations. A damaged file
 * is moved aside, never overwritten; a database of another application is refused.
 */
export async function openDatabase(path: string, now = new Date()): Promise<OpenedDatabase> {
  await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
    throw toStoreError(error, path);
  });
  let notice: string | undefined;
  const header = await readHeader(path);
  if (header !== undefined && header !== SQLITE_HEADER) {
    const aside = await moveAside(path, now);
    notice = `The database file was damaged or not a database; it was kept as ${aside} and a new one was started.`;
  }
  let db = await Database.open(path);
  try {
    await db.exec('PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    await checkOwnership(db);
    await db.get('PRAGMA journal_mode = WAL');
    await db.exec('PRAGMA synchronous = FULL;');
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    const storeError = toStoreError(error, path);
    if (storeError.code !== 'corrupt') throw storeError;
    const aside = await moveAside(path, now);
    notice = `The database file was damaged; it was kept as ${aside} and a new one was started.`;
    db = await Database.open(path);
    await db.exec('PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    await db.get('PRAGMA journal_mode = WAL');
    await db.exec('PRAGMA synchronous = FULL;');
    await migrate(db);
  }
  // The evidence describes the tenant's security: readable by this user only.
  if (process.platform !== 'win32') await chmod(path, 0o600).catch(() => {});
  return { db, ...(notice ? { notice } : {}) };
}
