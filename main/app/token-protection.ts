import type { TokenProtector } from '../auth/encrypted-cache-plugin';

/** The part of Electron's `safeStorage` the token cache uses (the asynchronous API). */
export interface AsyncSafeStorage {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  /** Linux only: which key store Chromium selected (`basic_text` means none). */
  getSelectedStorageBackend(): string;
}

/** Linux key stores that keep the key outside the app's files. */
const REAL_LINUX_KEY_STORES: Readonly<Record<string, string>> = {
  gnome_libsecret: 'the GNOME keyring',
  kwallet: 'KWallet',
  kwallet5: 'KWallet',
  kwallet6: 'KWallet',
};

export type TokenStorageDecision =
  | { readonly storage: 'encrypted'; readonly keyStore: string }
  | { readonly storage: 'memory'; readonly reason: string };

/**
 * Where the sign-in may be kept. On Linux the `basic_text` backend encrypts with a key written in
 * the app's own code, which protects nothing; then, or whenever the operating system offers no
 * encryption, tokens stay in memory only.
 */
export function decideTokenStorage(input: {
  readonly platform: NodeJS.Platform;
  readonly encryptionAvailable: boolean;
  readonly linuxBackend?: string;
}): TokenStorageDecision {
  if (!input.encryptionAvailable) {
    return {
      storage: 'memory',
      reason: 'this computer offers no protected key store to encrypt it with',
    };
  }
  if (input.platform === 'win32') return { storage: 'encrypted', keyStore: 'Windows DPAPI' };
  if (input.platform === 'darwin') return { storage: 'encrypted', keyStore: 'the macOS Keychain' };
  const keyStore = REAL_LINUX_KEY_STORES[input.linuxBackend ?? ''];
  if (keyStore) return { storage: 'encrypted', keyStore };
  return {
    storage: 'memory',
    reason:
      'no keyring (GNOME Keyring or KWallet) is running, so it could not be protected on disk',
  };
}

/**
 * A token protector on `safeStorage`'s asynchronous API. When the decision is memory-only the
 * protector says so (`available: false`) and the cache plugin never writes the sign-in to disk.
 */
export async function createSafeStorageProtector(
  safeStorage: AsyncSafeStorage,
  platform: NodeJS.Platform,
): Promise<{ protector: TokenProtector; decision: TokenStorageDecision }> {
  let encryptionAvailable: boolean;
  try {
    encryptionAvailable = await safeStorage.isAsyncEncryptionAvailable();
  } catch {
    encryptionAvailable = false;
  }
  let linuxBackend: string | undefined;
  if (platform === 'linux') {
    try {
      linuxBackend = safeStorage.getSelectedStorageBackend();
    } catch {
      linuxBackend = undefined;
    }
  }
  const decision = decideTokenStorage({ platform, encryptionAvailable, linuxBackend });
  const refuse = () =>
    Promise.reject(new Error('The sign-in is kept in memory only on this computer.'));
  const protector: TokenProtector =
    decision.storage === 'encrypted'
      ? {
          available: true,
          description: `with a key kept by ${decision.keyStore}`,
          encrypt: (plain) => safeStorage.encryptStringAsync(plain),
          decrypt: async (data) => {
            const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(data);
            return { plain: result, reEncrypt: shouldReEncrypt };
          },
        }
      : { available: false, description: decision.reason, encrypt: refuse, decrypt: refuse };
  return { protector, decision };
}
