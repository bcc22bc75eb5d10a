import { createHash, createHmac } from 'node:crypto';

/** Formats 16 bytes as a lower-case GUID (version 4 layout). */
function toGuid(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Identifiers, codes and keys derived from the simulator's seed, so that two runs with the same
 * seed and the same requests produce the same ids.
 */
export class SeededIds {
  private readonly root: Buffer;
  private readonly counters = new Map<string, number>();

  constructor(readonly seed: number) {
    this.root = createHash('sha256').update(`breach-ready tenant simulator/${seed}`).digest();
  }

  /** 32 bytes that depend only on the seed and the label. */
  bytes(label: string): Buffer {
    return createHmac('sha256', this.root).update(label).digest();
  }

  guid(label: string): string {
    return toGuid(this.bytes(label));
  }

  /** The next value of a named counter, starting at 1. */
  next(name: string): number {
    const value = (this.counters.get(name) ?? 0) + 1;
    this.counters.set(name, value);
    return value;
  }

  /** A GUID for the n-th use of a name (request ids, trace ids). */
  nextGuid(name: string): string {
    return this.guid(`${name}#${this.next(name)}`);
  }

  /** An opaque url-safe string for the n-th use of a name (codes, refresh tokens). */
  nextOpaque(name: string, length = 48): string {
    const n = this.next(name);
    let out = '';
    for (let block = 0; out.length < length; block++) {
      out += this.bytes(`${name}#${n}/${block}`).toString('base64url');
    }
    return out.slice(0, length);
  }

  /** A user code like `K7QD2MXPA`: upper-case letters and digits without look-alikes. */
  nextUserCode(): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const bytes = this.bytes(`user-code#${this.next('user-code')}`);
    let code = '';
    for (let i = 0; i < 9; i++) code += alphabet[(bytes[i] ?? 0) % alphabet.length];
    return code;
  }
}
