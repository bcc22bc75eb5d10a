import { Store } from '../store/store';
import { defaultDatabasePath } from '../store/data-location';
import type { CliIo } from './cli-io';

/** Opens the database named by --db, or the per-user default; tells the user about repairs. */
export async function openCliStore(dbOption: string | undefined, io: CliIo): Promise<Store> {
  const store = await Store.open(dbOption ?? defaultDatabasePath(io.env));
  if (store.notice) io.stderr.write(`breach-ready: ${store.notice}\n`);
  return store;
}

export async function withStore<T>(
  dbOption: string | undefined,
  io: CliIo,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openCliStore(dbOption, io);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
