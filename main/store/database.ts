import sqlite3 from 'sqlite3';
import { toStoreError } from './store-error';

export type SqlValue = string | number | bigint | Buffer | null;
export type Row = Record<string, unknown>;

/**
 * A promise-based handle on one SQLite file. Statements run one at a time on one connection;
 * `transaction` holds the connection until the work commits or rolls back.
 */
export class Database {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: sqlite3.Database,
    readonly path: string,
  ) {}

  static open(
    path: string,
    mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE,
  ): Promise<Database> {
    return new Promise((resolve, reject) => {
      const db: sqlite3.Database = new sqlite3.Database(path, mode, (error) => {
        if (error) reject(toStoreError(error, path));
        else resolve(new Database(db, path));
      });
    });
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number; lastID: number }> {
    const path = this.path;
    return new Promise((resolve, reject) => {
      this.db.run(
        sql,
        params as SqlValue[],
        function (this: sqlite3.RunResult, error: Error | null) {
          if (error) reject(toStoreError(error, path));
          else resolve({ changes: this.changes, lastID: this.lastID });
        },
      );
    });
  }

  get<T = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.db.get(sql, params as SqlValue[], (error: Error | null, row: T | undefined) => {
        if (error) reject(toStoreError(error, this.path));
        else resolve(row);
      });
    });
  }

  all<T = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.db.all(sql, params as SqlValue[], (error: Error | null, rows: T[]) => {
        if (error) reject(toStoreError(error, this.path));
        else resolve(rows);
      });
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.exec(sql, (error) => (error ? reject(toStoreError(error, this.path)) : resolve()));
    });
  }

  /** Runs `work` inside BEGIN IMMEDIATE … COMMIT; rolls back on any error. Serialised. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      await this.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        await this.exec('COMMIT');
        return result;
      } catch (error) {
        await this.exec('ROLLBACK').catch(() => {});
        throw error;
      }
    });
    this.queue = next.catch(() => {});
    return next;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.close((error) => (error ? reject(toStoreError(error, this.path)) : resolve()));
    });
  }
}
