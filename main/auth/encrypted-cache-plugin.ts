import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';

/** Encrypts the sign-in cache with a key the operating system keeps (DPAPI, Keychain, libsecret). */
export interface TokenProtector {
  encrypt(plain: string): Promise<Buffer>;
  /** `reEncrypt` asks for the data to be written again with the current key. */
  decrypt(data: Buffer): Promise<{ plain: string; reEncrypt?: boolean }>;
  /** False when the operating system offers no real protection (e.g. Linux `basic_text`). */
  readonly available: boolean;
  /** For the person: where the key lives, or why there is none. */
  readonly description: string;
}

/** Where the encrypted cache bytes live. */
export interface TokenCacheStore {
  read(): Promise<Buffer | undefined>;
  write(data: Buffer): Promise<void>;
  remove(): Promise<void>;
}

export interface TokenCachePlugin extends ICachePlugin {
  /** True when the sign-in survives a restart (kept encrypted on disk). */
  readonly persistent: boolean;
  /** One sentence for the person about where the sign-in is kept. */
  readonly description: string;
  /** Deletes the saved sign-in (the cache file only). */
  forget(): Promise<void>;
}

export interface EncryptedCacheOptions {
  /**
   * Told about a cache that could not be read or saved. The sign-in carries on (from memory);
   * the person may have to sign in again next time.
   */
  readonly onProblem?: (message: string) => void;
}

/**
 * An MSAL cache plugin that keeps the serialized token cache encrypted at rest. It never writes
 * plaintext: without a working protector it keeps the cache in memory only (`persistent: false`).
 */
export function encryptedCachePlugin(
  protector: TokenProtector,
  store: TokenCacheStore,
  options: EncryptedCacheOptions = {},
): TokenCachePlugin {
  if (!protector.available) {
    const memory = memoryOnlyCachePlugin();
    return {
      ...memory,
      description: `The sign-in is kept in memory only and is asked for again after a restart: ${protector.description}.`,
    };
  }
  const report = (message: string) => options.onProblem?.(message);
  return {
    persistent: true,
    description: `The sign-in is saved encrypted (${protector.description}).`,
    async beforeCacheAccess(ctx: TokenCacheContext) {
      let data: Buffer | undefined;
      try {
        data = await store.read();
      } catch (error) {
        report(`The saved sign-in could not be read (${messageOf(error)}). Sign in again.`);
        return;
      }
      if (!data || data.length === 0) return;
      let plain: string;
      let reEncrypt: boolean;
      try {
        const decrypted = await protector.decrypt(data);
        plain = decrypted.plain;
        reEncrypt = decrypted.reEncrypt === true;
        // MSAL would throw on a damaged cache; check it here and start empty instead.
        JSON.parse(plain);
      } catch {
        report('The saved sign-in could not be decrypted. Sign in again.');
        return;
      }
      try {
        ctx.tokenCache.deserialize(plain);
      } catch {
        report('The saved sign-in is damaged. Sign in again.');
        return;
      }
      if (reEncrypt) await save(plain);
    },
    async afterCacheAccess(ctx: TokenCacheContext) {
      if (!ctx.cacheHasChanged) return;
      await save(ctx.tokenCache.serialize());
    },
    forget: () => store.remove(),
  };

  async function save(plain: string): Promise<void> {
    try {
      await store.write(await protector.encrypt(plain));
    } catch (error) {
      report(`The sign-in could not be saved (${messageOf(error)}); it is kept until you quit.`);
    }
  }
}

/** Keeps the token cache in this process only: for the command line and the browser mode. */
export function memoryOnlyCachePlugin(): TokenCachePlugin {
  let snapshot: string | undefined;
  return {
    persistent: false,
    description: 'The sign-in is kept in memory only and is asked for again next time.',
    async beforeCacheAccess(ctx: TokenCacheContext) {
      if (snapshot !== undefined) ctx.tokenCache.deserialize(snapshot);
    },
    async afterCacheAccess(ctx: TokenCacheContext) {
      if (ctx.cacheHasChanged) snapshot = ctx.tokenCache.serialize();
    },
    async forget() {
      snapshot = undefined;
    },
  };
}

/**
 * The encrypted cache as one file, readable by its owner only (mode 0600). Writes go to a
 * temporary file in the same folder that is then renamed over the old one, so a crash never
 * leaves half a cache.
 */
export function fileTokenCacheStore(path: string): TokenCacheStore {
  return {
    async read() {
      try {
        return await readFile(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async write(data: Buffer) {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, data, { mode: 0o600, flag: 'wx', flush: true });
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async remove() {
      await rm(path, { force: true });
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
