import type { SeededIds } from './seeded-ids';

export interface DeviceCodeEntry {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly clientId: string;
  readonly scope: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
  polls: number;
  state: 'pending' | 'approved' | 'declined' | 'redeemed';
}

export type DeviceCodePoll =
  | { readonly kind: 'approved'; readonly entry: DeviceCodeEntry }
  | { readonly kind: 'pending' | 'expired' | 'declined' | 'redeemed' | 'unknown' | 'wrong_client' };

/**
 * Device codes waiting for the person at the other device. A code is approved after
 * `pendingPolls` polls, or earlier through `approve(userCode)`.
 */
export class DeviceCodes {
  private readonly byDeviceCode = new Map<string, DeviceCodeEntry>();
  private readonly byUserCode = new Map<string, DeviceCodeEntry>();

  constructor(
    private readonly ids: SeededIds,
    private readonly now: () => number,
    private readonly pendingPolls: number,
    readonly lifetimeSeconds: number,
  ) {}

  issue(clientId: string, scope: string): DeviceCodeEntry {
    const entry: DeviceCodeEntry = {
      deviceCode: this.ids.nextOpaque('device-code', 64),
      userCode: this.ids.nextUserCode(),
      clientId,
      scope,
      expiresAt: this.now() + this.lifetimeSeconds * 1000,
      polls: 0,
      state: 'pending',
    };
    this.byDeviceCode.set(entry.deviceCode, entry);
    this.byUserCode.set(entry.userCode, entry);
    return entry;
  }

  private entryFor(userCode: string): DeviceCodeEntry {
    const entry = this.byUserCode.get(userCode.trim().toUpperCase());
    if (!entry) throw new Error(`No device code was issued with the user code "${userCode}".`);
    return entry;
  }

  /** The person entered the code and signed in. */
  approve(userCode: string): void {
    const entry = this.entryFor(userCode);
    if (entry.state === 'pending') entry.state = 'approved';
  }

  /** The person declined the sign-in. */
  decline(userCode: string): void {
    const entry = this.entryFor(userCode);
    if (entry.state === 'pending') entry.state = 'declined';
  }

  /** One poll of the token endpoint. An approved code is redeemed by the poll that sees it. */
  poll(deviceCode: string, clientId: string): DeviceCodePoll {
    const entry = this.byDeviceCode.get(deviceCode);
    if (!entry) return { kind: 'unknown' };
    if (entry.clientId.toLowerCase() !== clientId.toLowerCase()) return { kind: 'wrong_client' };
    if (entry.state === 'redeemed') return { kind: 'redeemed' };
    if (entry.state === 'declined') return { kind: 'declined' };
    if (this.now() >= entry.expiresAt) return { kind: 'expired' };
    entry.polls++;
    if (entry.state === 'pending' && entry.polls > this.pendingPolls) entry.state = 'approved';
    if (entry.state !== 'approved') return { kind: 'pending' };
    entry.state = 'redeemed';
    return { kind: 'approved', entry };
  }
}
