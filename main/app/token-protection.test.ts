import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCacheContext } from '@azure/msal-node';
import { afterEach, describe, expect, it } from 'vitest';
import { encryptedCachePlugin, fileTokenCacheStore } from '../auth/encrypted-cache-plugin';
import {
  createSafeStorageProtector,
  decideTokenStorage,
  type AsyncSafeStorage,
} from './token-protection';

/** A stand-in for Electron's safeStorage: reversible, but never the plaintext. */
function fakeSafeStorage(options: {
  available: boolean;
  backend?: string;
  rotate?: boolean;
}): AsyncSafeStorage & { encrypted: number } {
  const storage = {
    encrypted: 0,
    isAsyncEncryptionAvailable: async () => options.available,
    encryptStringAsync: async (plain: string) => {
      storage.encrypted++;
      return Buffer.from(
        `v10${Buffer.from(plain).toString('base64').split('').reverse().join('')}`,
      );
    },
    decryptStringAsync: async (data: Buffer) => {
      const text = data.toString();
      if (!text.startsWith('v10')) throw new Error('bad data');
      const result = Buffer.from(text.slice(3).split('').reverse().join(''), 'base64').toString();
      return { result, shouldReEncrypt: options.rotate === true };
    },
    getSelectedStorageBackend: () => options.backend ?? 'unknown',
  };
  return storage;
}

describe('decideTokenStorage', () => {
  it('encrypts with the operating system key store on Windows and macOS', () => {
    expect(decideTokenStorage({ platform: 'win32', encryptionAvailable: true })).toEqual({
      storage: 'encrypted',
      keyStore: 'Windows DPAPI',
    });
    expect(decideTokenStorage({ platform: 'darwin', encryptionAvailable: true })).toEqual({
      storage: 'encrypted',
      keyStore: 'the macOS Keychain',
    });
  });

  it('encrypts on Linux only with a real keyring', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(
        decideTokenStorage({ platform: 'linux', encryptionAvailable: true, linuxBackend: backend })
          .storage,
      ).toBe('encrypted');
    }
    for (const backend of ['basic_text', 'unknown', undefined]) {
      const decision = decideTokenStorage({
        platform: 'linux',
        encryptionAvailable: true,
        linuxBackend: backend,
      });
      expect(decision.storage).toBe('memory');
    }
  });

  it('keeps tokens in memory when encryption is unavailable anywhere', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(decideTokenStorage({ platform, encryptionAvailable: false }).storage).toBe('memory');
    }
  });
});

describe('createSafeStorageProtector with the MSAL cache plugin', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function context(serialized: { value: string }, changed: boolean): TokenCacheContext {
    return {
      cacheHasChanged: changed,
      tokenCache: {
        serialize: () => serialized.value,
        deserialize: (value: string) => {
          serialized.value = value;
        },
      },
    } as unknown as TokenCacheContext;
  }

  it('writes the cache encrypted, never in plain text, and reads it back', async () => {
    dir = await mkdtemp(join(tmpdir(), 'br-tokens-'));
    const path = join(dir, 'sign-in.bin');
    const storage = fakeSafeStorage({ available: true, backend: 'gnome_libsecret' });
    const { protector, decision } = await createSafeStorageProtector(storage, 'linux');
    expect(decision).toEqual({ storage: 'encrypted', keyStore: 'the GNOME keyring' });
    const plugin = encryptedCachePlugin(protector, fileTokenCacheStore(path));
    expect(plugin.persistent).toBe(true);
    const secret = JSON.stringify({ RefreshToken: { x: { secret: 'refresh-token-value' } } });
    await plugin.afterCacheAccess(context({ value: secret }, true));
    const onDisk = await readFile(path);
    expect(onDisk.toString()).not.toContain('refresh-token-value');
    const loaded = { value: '' };
    await plugin.beforeCacheAccess(context(loaded, false));
    expect(loaded.value).toBe(secret);
  });

  it('re-encrypts when the key was rotated', async () => {
    dir = await mkdtemp(join(tmpdir(), 'br-tokens-'));
    const storage = fakeSafeStorage({ available: true, rotate: true });
    const { protector } = await createSafeStorageProtector(storage, 'win32');
    const plugin = encryptedCachePlugin(protector, fileTokenCacheStore(join(dir, 'c.bin')));
    await plugin.afterCacheAccess(context({ value: '{}' }, true));
    expect(storage.encrypted).toBe(1);
    await plugin.beforeCacheAccess(context({ value: '' }, false));
    expect(storage.encrypted).toBe(2);
  });

  it('keeps the sign-in in memory on Linux basic_text and writes nothing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'br-tokens-'));
    const path = join(dir, 'sign-in.bin');
    const storage = fakeSafeStorage({ available: true, backend: 'basic_text' });
    const { protector, decision } = await createSafeStorageProtector(storage, 'linux');
    expect(decision.storage).toBe('memory');
    expect(protector.available).toBe(false);
    await expect(protector.encrypt('x')).rejects.toThrow(/memory only/);
    const plugin = encryptedCachePlugin(protector, fileTokenCacheStore(path));
    expect(plugin.persistent).toBe(false);
    expect(plugin.description).toMatch(/memory only.*keyring/);
    await plugin.afterCacheAccess(context({ value: '{"secret":1}' }, true));
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
    expect(storage.encrypted).toBe(0);
  });

  it('treats a failing availability check as no encryption', async () => {
    const storage = fakeSafeStorage({ available: true });
    storage.isAsyncEncryptionAvailable = async () => {
      throw new Error('dbus');
    };
    const { decision } = await createSafeStorageProtector(storage, 'darwin');
    expect(decision.storage).toBe('memory');
  });
});
