import type { SeededIds } from './seeded-ids';

export interface AuthorizationCodeEntry {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly codeChallenge?: string;
  readonly nonce?: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

/** Authorization codes handed out by `/authorize`: single use, ten minutes. */
export class AuthorizationCodes {
  private readonly codes = new Map<string, AuthorizationCodeEntry>();

  constructor(
    private readonly ids: SeededIds,
    private readonly now: () => number,
  ) {}

  issue(entry: Omit<AuthorizationCodeEntry, 'expiresAt'>): string {
    const code = `1.${this.ids.nextOpaque('authorization-code', 120)}`;
    this.codes.set(code, { ...entry, expiresAt: this.now() + 10 * 60 * 1000 });
    return code;
  }

  /** Takes the code out of circulation; `expired` when it outlived its ten minutes. */
  redeem(code: string): AuthorizationCodeEntry | 'expired' | undefined {
    const entry = this.codes.get(code);
    if (!entry) return undefined;
    this.codes.delete(code);
    return this.now() >= entry.expiresAt ? 'expired' : entry;
  }
}
