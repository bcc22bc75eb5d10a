/**
 * DNS messages (RFC 1035 §4): reading queries (with name compression) and writing answers for
 * the record types the simulator serves (A, CNAME, MX, TXT, plus EDNS OPT on read).
 */

export const DNS_TYPE = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  OPT: 41,
  ANY: 255,
} as const;

export const DNS_CLASS_IN = 1;

export const RCODE = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
} as const;

export interface DnsQuestion {
  /** Lower-case, without the trailing dot. */
  readonly name: string;
  /** The name exactly as the client wrote it (echoed in the answer). */
  readonly rawName: string;
  readonly type: number;
  readonly class: number;
}

export interface DnsQuery {
  readonly id: number;
  readonly opcode: number;
  readonly recursionDesired: boolean;
  readonly questions: readonly DnsQuestion[];
  /** UDP payload size the client announced with EDNS (RFC 6891), when it sent an OPT record. */
  readonly ednsUdpSize?: number;
}

export type DnsRecordData =
  | { readonly type: 'A'; readonly address: string }
  | { readonly type: 'CNAME'; readonly target: string }
  | { readonly type: 'MX'; readonly exchange: string; readonly priority: number }
  | { readonly type: 'TXT'; readonly text: string };

export interface DnsAnswerRecord {
  readonly name: string;
  readonly ttl: number;
  readonly data: DnsRecordData;
}

export class DnsFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DnsFormatError';
  }
}

const HEADER_BYTES = 12;
const MAX_POINTER_JUMPS = 32;

/** Reads a (possibly compressed) domain name at `offset`; returns it and the offset after it. */
export function readName(buf: Buffer, offset: number): { name: string; next: number } {
  const labels: string[] = [];
  let pos = offset;
  let next: number | undefined;
  let jumps = 0;
  let length = 0;
  for (;;) {
    if (pos >= buf.length) throw new DnsFormatError('name runs past the end of the message');
    const len = buf[pos]!;
    if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= buf.length) throw new DnsFormatError('truncated compression pointer');
      if (++jumps > MAX_POINTER_JUMPS) throw new DnsFormatError('compression pointer loop');
      const target = ((len & 0x3f) << 8) | buf[pos + 1]!;
      if (target >= buf.length) throw new DnsFormatError('compression pointer out of range');
      next ??= pos + 2;
      pos = target;
      continue;
    }
    if ((len & 0xc0) !== 0) throw new DnsFormatError('unknown label type');
    if (len === 0) {
      next ??= pos + 1;
      break;
    }
    if (pos + 1 + len > buf.length) throw new DnsFormatError('label runs past the end');
    labels.push(buf.toString('latin1', pos + 1, pos + 1 + len));
    length += len + 1;
    if (length > 255) throw new DnsFormatError('name longer than 255 bytes');
    pos += 1 + len;
  }
  return { name: labels.join('.'), next };
}

/** Reads a query message. Throws DnsFormatError when it is malformed. */
export function decodeQuery(buf: Buffer): DnsQuery {
  if (buf.length < HEADER_BYTES) throw new DnsFormatError('shorter than a DNS header');
  const id = buf.readUInt16BE(0);
  const flags = buf.readUInt16BE(2);
  if (flags & 0x8000) throw new DnsFormatError('not a query (QR is set)');
  const qdcount = buf.readUInt16BE(4);
  const ancount = buf.readUInt16BE(6);
  const nscount = buf.readUInt16BE(8);
  const arcount = buf.readUInt16BE(10);
  let pos = HEADER_BYTES;
  const questions: DnsQuestion[] = [];
  for (let i = 0; i < qdcount; i++) {
    const { name, next } = readName(buf, pos);
    if (next + 4 > buf.length) throw new DnsFormatError('question runs past the end');
    questions.push({
      name: name.toLowerCase().replace(/\.$/, ''),
      rawName: name,
      type: buf.readUInt16BE(next),
      class: buf.readUInt16BE(next + 2),
    });
    pos = next + 4;
  }
  let ednsUdpSize: number | undefined;
  for (let i = 0; i < ancount + nscount + arcount; i++) {
    const { next } = readName(buf, pos);
    if (next + 10 > buf.length) throw new DnsFormatError('record runs past the end');
    const type = buf.readUInt16BE(next);
    const cls = buf.readUInt16BE(next + 2);
    const rdlength = buf.readUInt16BE(next + 8);
    if (next + 10 + rdlength > buf.length)
      throw new DnsFormatError('record data runs past the end');
    if (type === DNS_TYPE.OPT && i >= ancount + nscount) ednsUdpSize = Math.max(512, cls);
    pos = next + 10 + rdlength;
  }
  return {
    id,
    opcode: (flags >> 11) & 0x0f,
    recursionDesired: (flags & 0x0100) !== 0,
    questions,
    ...(ednsUdpSize !== undefined ? { ednsUdpSize } : {}),
  };
}

function encodeName(name: string): Buffer {
  const trimmed = name.replace(/\.$/, '');
  const parts: Buffer[] = [];
  if (trimmed !== '') {
    for (const label of trimmed.split('.')) {
      const bytes = Buffer.from(label, 'latin1');
      if (bytes.length === 0 || bytes.length > 63) {
        throw new DnsFormatError(`label "${label}" must be 1 to 63 bytes`);
      }
      parts.push(Buffer.from([bytes.length]), bytes);
    }
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/** TXT data: one record's text as character-strings of at most 255 bytes each (RFC 1035 §3.3.14). */
export function encodeTxt(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length === 0) return Buffer.from([0]);
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 255) {
    const chunk = bytes.subarray(i, i + 255);
    parts.push(Buffer.from([chunk.length]), chunk);
  }
  return Buffer.concat(parts);
}

function encodeRdata(data: DnsRecordData): { type: number; rdata: Buffer } {
  switch (data.type) {
    case 'A': {
      const octets = data.address.split('.').map(Number);
      if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) {
        throw new DnsFormatError(`"${data.address}" is not an IPv4 address`);
      }
      return { type: DNS_TYPE.A, rdata: Buffer.from(octets) };
    }
    case 'CNAME':
      return { type: DNS_TYPE.CNAME, rdata: encodeName(data.target) };
    case 'MX': {
      const preference = Buffer.alloc(2);
      preference.writeUInt16BE(data.priority);
      return { type: DNS_TYPE.MX, rdata: Buffer.concat([preference, encodeName(data.exchange)]) };
    }
    case 'TXT':
      return { type: DNS_TYPE.TXT, rdata: encodeTxt(data.text) };
  }
}

function encodeRecord(record: DnsAnswerRecord): Buffer {
  const { type, rdata } = encodeRdata(record.data);
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(type, 0);
  fixed.writeUInt16BE(DNS_CLASS_IN, 2);
  fixed.writeUInt32BE(record.ttl, 4);
  fixed.writeUInt16BE(rdata.length, 8);
  return Buffer.concat([encodeName(record.name), fixed, rdata]);
}

export interface DnsResponse {
  readonly id: number;
  readonly opcode: number;
  readonly recursionDesired: boolean;
  readonly rcode: number;
  readonly question?: DnsQuestion;
  readonly answers: readonly DnsAnswerRecord[];
  readonly truncated?: boolean;
}

function header(response: DnsResponse, ancount: number, truncated: boolean): Buffer {
  const buf = Buffer.alloc(HEADER_BYTES);
  buf.writeUInt16BE(response.id, 0);
  let flags = 0x8000; // QR
  flags |= (response.opcode & 0x0f) << 11;
  if (truncated) flags |= 0x0200; // TC
  if (response.recursionDesired) flags |= 0x0100; // RD
  flags |= 0x0080; // RA: the simulator answers as a recursive resolver would
  flags |= response.rcode & 0x0f;
  buf.writeUInt16BE(flags, 2);
  buf.writeUInt16BE(response.question ? 1 : 0, 4);
  buf.writeUInt16BE(ancount, 6);
  return buf;
}

function encodeQuestion(q: DnsQuestion): Buffer {
  const tail = Buffer.alloc(4);
  tail.writeUInt16BE(q.type, 0);
  tail.writeUInt16BE(q.class, 2);
  return Buffer.concat([encodeName(q.rawName), tail]);
}

/**
 * Writes a response. When it would be larger than `maxBytes` (UDP), the answers are dropped and
 * the TC bit is set, so the client asks again over TCP (RFC 7766).
 */
export function encodeResponse(response: DnsResponse, maxBytes = 65535): Buffer {
  const question = response.question ? encodeQuestion(response.question) : Buffer.alloc(0);
  const answers = response.answers.map(encodeRecord);
  const full = Buffer.concat([
    header(response, answers.length, response.truncated ?? false),
    question,
    ...answers,
  ]);
  if (full.length <= maxBytes) return full;
  return Buffer.concat([header(response, 0, true), question]);
}

/** Reads the TC bit and answer count of a response (for tests and diagnostics). */
export function responseSummary(buf: Buffer): {
  id: number;
  truncated: boolean;
  rcode: number;
  answers: number;
} {
  const flags = buf.readUInt16BE(2);
  return {
    id: buf.readUInt16BE(0),
    truncated: (flags & 0x0200) !== 0,
    rcode: flags & 0x0f,
    answers: buf.readUInt16BE(6),
  };
}
