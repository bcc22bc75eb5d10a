import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimNetworkClient, startSimulator, type Simulator } from '../sim';
import { smallTenant } from '../../test/helpers/small-tenant';
import { DelegatedSignIn } from './device-code';
import {
  encryptedCachePlugin,
  fileTokenCacheStore,
  memoryOnlyCachePlugin,
  type TokenCacheStore,
  type TokenProtector,
} from './encrypted-cache-plugin';

const CLIENT_ID = '5eed0000-0000-4000-8000-00000000c11e';

/** Stands in for Electron safeStorage in tests: AES-256-GCM with a per-test key. */
function aesProtector(key = randomBytes(32)): TokenProtector & { key: Buffer } {
  return {
    key,
    available: true,
    description: 'test key',
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
      return { plain: plain.toString('utf8') };
    },
  };
}

let sim: Simulator | undefined;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'breach-ready-cache-'));
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function start(): Promise<Simulator> {
  sim = await startSimulator({
    fixture: smallTenant(),
    clients: [{ clientId: CLIENT_ID, publicClient: true }],
    deviceCodeInterval: 0,
  });
  return sim;
}

function signInWith(s: Simulator, cachePlugin: ICachePlugin) {
  return new DelegatedSignIn({
    clientId: CLIENT_ID,
    tenant: 'organizations',
    permissions: ['Policy.Read.All', 'User.Read.All'],
    networkClient: createSimNetworkClient(s.base),
    cachePlugin,
  });
}

const tokenRequests = () => sim!.log.filter((e) => e.path.endsWith('/oauth2/v2.0/token'));

/** A fake MSAL context: enough to drive the plugin directly. */
function context(changed: boolean, serialized = '{}') {
  const seen: string[] = [];
  const ctx = {
    cacheHasChanged: changed,
    tokenCache: {
      serialize: () => serialized,
      deserialize: (text: string) => seen.push(text),
    },
  } as unknown as TokenCacheContext;
  return { ctx, seen };
}

function countingStore(initial?: Buffer): TokenCacheStore & { writes: Buffer[]; reads: number } {
  let data = initial;
  const store = {
    writes: [] as Buffer[],
    reads: 0,
    async read() {
      store.reads += 1;
      return data;
    },
    async write(next: Buffer) {
      store.writes.push(next);
      data = next;
    },
    async remove() {
      data = undefined;
    },
  };
  return store;
}

describe('encrypted token cache with real MSAL', () => {
  it('keeps tokens encrypted on disk, signs in silently from a fresh instance, and signs out', async () => {
    const s = await start();
    const protector = aesProtector();
    const file = join(dir, 'sign-in.bin');
    const first = encryptedCachePlugin(protector, fileTokenCacheStore(file));
    expect(first.persistent).toBe(true);
    const account = await signInWith(s, first).signInWithDeviceCode(() => undefined);

    const bytes = await readFile(file);
    const cache = JSON.parse((await protector.decrypt(bytes)).plain) as Record<
      string,
      Record<string, { secret: string }>
    >;
    const secrets = [
      ...Object.values(cache.RefreshToken!),
      ...Object.values(cache.AccessToken!),
      ...Object.values(cache.IdToken!),
    ].map((t) => t.secret);
    expect(secrets).toHaveLength(3);
    const text = bytes.toString('latin1');
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(0, 24));
    }
    expect(text).not.toContain(account.username);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);

    // A fresh instance (as after a restart) over the same file: no token request at all.
    const before = tokenRequests().length;
    const again = signInWith(s, encryptedCachePlugin(protector, fileTokenCacheStore(file)));
    expect((await again.restore())?.username).toBe(account.username);
    const token = await again.getAccessToken();
    expect(tokenRequests()).toHaveLength(before);
    expect((await readFile(file)).toString('latin1')).not.toContain(token);

    await again.signOut();
    const after = JSON.parse((await protector.decrypt(await readFile(file))).plain) as Record<
      string,
      object
    >;
    for (const kind of ['Account', 'IdToken', 'AccessToken', 'RefreshToken'])
      expect(after[kind]).toEqual({});
    const third = signInWith(s, encryptedCachePlugin(protector, fileTokenCacheStore(file)));
    expect(await third.restore()).toBeUndefined();
    expect(await readdir(dir)).toEqual(['sign-in.bin']);
  });

  it('starts empty from a corrupt or undecryptable file, never crashes, touches nothing else', async () => {
    const s = await start();
    const file = join(dir, 'sign-in.bin');
    await writeFile(join(dir, 'breach-ready.db'), 'user data');
    const problems: string[] = [];
    for (const content of [Buffer.from('not a cache'), await aesProtector().encrypt('{}')]) {
      await writeFile(file, content);
      const plugin = encryptedCachePlugin(aesProtector(), fileTokenCacheStore(file), {
        onProblem: (m) => problems.push(m),
      });
      expect(await signInWith(s, plugin).restore()).toBeUndefined();
    }
    expect(problems).toEqual([
      'The saved sign-in could not be decrypted. Sign in again.',
      'The saved sign-in could not be decrypted. Sign in again.',
    ]);

    // Signing in again replaces the damaged file with a good one.
    const protector = aesProtector();
    await signInWith(
      s,
      encryptedCachePlugin(protector, fileTokenCacheStore(file)),
    ).signInWithDeviceCode(() => undefined);
    const fresh = signInWith(s, encryptedCachePlugin(protector, fileTokenCacheStore(file)));
    expect(await fresh.restore()).toBeDefined();
    expect(await readFile(join(dir, 'breach-ready.db'), 'utf8')).toBe('user data');
  });

  it('keeps the sign-in in memory only when the protector is not available', async () => {
    const s = await start();
    const store = countingStore();
    const plugin = encryptedCachePlugin(
      { ...aesProtector(), available: false, description: 'no keyring (basic_text)' },
      store,
    );
    expect(plugin.persistent).toBe(false);
    expect(plugin.description).toMatch(/memory only.*basic_text/);
    const signIn = signInWith(s, plugin);
    await signIn.signInWithDeviceCode(() => undefined);
    const before = tokenRequests().length;
    await signIn.getAccessToken();
    expect(tokenRequests()).toHaveLength(before);
    expect(store.reads).toBe(0);
    expect(store.writes).toHaveLength(0);
  });
});

describe('encrypted cache plugin', () => {
  it('writes only when MSAL says the cache changed', async () => {
    const store = countingStore();
    const plugin = encryptedCachePlugin(aesProtector(), store);
    await plugin.afterCacheAccess(context(false).ctx);
    expect(store.writes).toHaveLength(0);
    await plugin.afterCacheAccess(context(true, '{"Account":{}}').ctx);
    expect(store.writes).toHaveLength(1);
  });

  it('re-encrypts when the protector asks for it', async () => {
    const base = aesProtector();
    const store = countingStore(await base.encrypt('{"Account":{}}'));
    const plugin = encryptedCachePlugin(
      { ...base, decrypt: async (d) => ({ ...(await base.decrypt(d)), reEncrypt: true }) },
      store,
    );
    const { ctx, seen } = context(false);
    await plugin.beforeCacheAccess(ctx);
    expect(seen).toEqual(['{"Account":{}}']);
    expect(store.writes).toHaveLength(1);
    expect((await base.decrypt(store.writes[0]!)).plain).toBe('{"Account":{}}');
  });

  it('carries on when the cache cannot be saved', async () => {
    const problems: string[] = [];
    const plugin = encryptedCachePlugin(
      aesProtector(),
      {
        read: async () => undefined,
        write: async () => {
          throw new Error('disk full');
        },
        remove: async () => undefined,
      },
      { onProblem: (m) => problems.push(m) },
    );
    await expect(plugin.afterCacheAccess(context(true).ctx)).resolves.toBeUndefined();
    expect(problems[0]).toMatch(/could not be saved \(disk full\)/);
  });

  it('memoryOnlyCachePlugin shares the sign-in within the process only', async () => {
    const plugin = memoryOnlyCachePlugin();
    expect(plugin.persistent).toBe(false);
    await plugin.afterCacheAccess(context(true, '{"a":1}').ctx);
    const { ctx, seen } = context(false);
    await plugin.beforeCacheAccess(ctx);
    expect(seen).toEqual(['{"a":1}']);
    await plugin.forget();
    const after = context(false);
    await plugin.beforeCacheAccess(after.ctx);
    expect(after.seen).toEqual([]);
  });
});

describe('fileTokenCacheStore', () => {
  it('reads nothing before the first write, writes atomically with mode 0600, removes', async () => {
    const file = join(dir, 'nested', 'sign-in.bin');
    const store = fileTokenCacheStore(file);
    expect(await store.read()).toBeUndefined();
    await store.write(Buffer.from('one'));
    await store.write(Buffer.from('two'));
    expect((await store.read())?.toString()).toBe('two');
    expect(await readdir(join(dir, 'nested'))).toEqual(['sign-in.bin']);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    await store.remove();
    await store.remove();
    expect(await store.read()).toBeUndefined();
  });
});
