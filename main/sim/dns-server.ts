import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import {
  DNS_CLASS_IN,
  DNS_TYPE,
  DnsFormatError,
  RCODE,
  decodeQuery,
  encodeResponse,
  type DnsAnswerRecord,
  type DnsQuery,
} from './dns-message';

/** The fixture's `dns` section: records by name. */
export type DnsZone = NonNullable<TenantFixture['dns']>;

export type DnsRecordTypeName = 'A' | 'CNAME' | 'MX' | 'TXT';

/** A name that misbehaves, for tests of how lookups fail. Applies to every query that matches. */
export interface DnsFault {
  readonly name: string;
  /** Only this record type; every type when absent. */
  readonly type?: DnsRecordTypeName;
  /** `timeout`: no answer at all; `servfail` / `refused`: that response code. */
  readonly kind: 'timeout' | 'servfail' | 'refused';
}

export interface DnsServerOptions {
  readonly zone: DnsZone;
  /** Loopback port for UDP and TCP; 0 (default) picks a free one. */
  readonly port?: number;
  readonly faults?: readonly DnsFault[];
  /** Record lifetime announced in answers (default 300 s). */
  readonly ttl?: number;
}

export interface DnsQueryLogEntry {
  readonly transport: 'udp' | 'tcp';
  readonly name: string;
  /** `TXT`, `MX`, …, or the type number when the simulator does not know the type. */
  readonly type: string;
  /** Response code sent; `dropped` when no answer was sent (timeout fault). */
  readonly rcode: number | 'dropped';
}

export interface DnsServer {
  readonly port: number;
  /** `127.0.0.1:PORT`, for a resolver's server list. */
  readonly address: string;
  readonly log: DnsQueryLogEntry[];
  close(): Promise<void>;
}

/** Largest UDP answer without EDNS (RFC 1035 §4.2.1). */
const UDP_LIMIT = 512;
const MAX_CNAME_HOPS = 8;

const TYPE_NAMES = new Map<number, string>(Object.entries(DNS_TYPE).map(([k, v]) => [v, k]));

function normal(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

interface Resolution {
  readonly rcode: number;
  readonly answers: DnsAnswerRecord[];
}

/**
 * Answers questions from the fixture's records the way a recursive resolver would: CNAMEs are
 * followed (the answer holds the CNAME and the target's records), unknown names are NXDOMAIN, and
 * known names without the asked type answer NOERROR with no records.
 */
export class DnsZoneAnswerer {
  private readonly zone = new Map<string, DnsZone[string]>();

  constructor(
    zone: DnsZone,
    private readonly ttl = 300,
  ) {
    for (const [name, records] of Object.entries(zone)) this.zone.set(normal(name), records);
  }

  /** A name with records of its own, or with names below it (an "empty non-terminal"). */
  private exists(name: string): boolean {
    if (this.zone.has(name)) return true;
    const suffix = `.${name}`;
    for (const known of this.zone.keys()) if (known.endsWith(suffix)) return true;
    return false;
  }

  private recordsAt(name: string, type: number): DnsAnswerRecord[] {
    const node = this.zone.get(name);
    if (!node) return [];
    const out: DnsAnswerRecord[] = [];
    const ttl = this.ttl;
    const any = type === DNS_TYPE.ANY;
    if (any || type === DNS_TYPE.A) {
      for (const address of node.A ?? []) out.push({ name, ttl, data: { type: 'A', address } });
    }
    if (any || type === DNS_TYPE.CNAME) {
      for (const target of node.CNAME ?? [])
        out.push({ name, ttl, data: { type: 'CNAME', target } });
    }
    if (any || type === DNS_TYPE.MX) {
      for (const mx of node.MX ?? []) {
        out.push({
          name,
          ttl,
          data: { type: 'MX', exchange: mx.exchange, priority: mx.priority },
        });
      }
    }
    if (any || type === DNS_TYPE.TXT) {
      for (const text of node.TXT ?? []) out.push({ name, ttl, data: { type: 'TXT', text } });
    }
    return out;
  }

  resolve(name: string, type: number): Resolution {
    const answers: DnsAnswerRecord[] = [];
    let current = normal(name);
    for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
      const node = this.zone.get(current);
      if (!node) {
        return { rcode: this.exists(current) ? RCODE.NOERROR : RCODE.NXDOMAIN, answers };
      }
      const direct = this.recordsAt(current, type);
      if (direct.length) {
        answers.push(...direct);
        return { rcode: RCODE.NOERROR, answers };
      }
      const target = node.CNAME?.[0];
      if (!target || type === DNS_TYPE.CNAME) return { rcode: RCODE.NOERROR, answers };
      answers.push({ name: current, ttl: this.ttl, data: { type: 'CNAME', target } });
      current = normal(target);
    }
    // A CNAME loop: a resolver gives up with SERVFAIL.
    return { rcode: RCODE.SERVFAIL, answers: [] };
  }
}

/**
 * The simulator's DNS server on 127.0.0.1: UDP (answers larger than 512 bytes are truncated, as
 * RFC 1035 requires without EDNS) and TCP on the same port, for the fixture's `dns` records.
 */
export async function startDnsServer(options: DnsServerOptions): Promise<DnsServer> {
  const answerer = new DnsZoneAnswerer(options.zone, options.ttl ?? 300);
  const faults = options.faults ?? [];
  const log: DnsQueryLogEntry[] = [];

  const respond = (message: Buffer, transport: 'udp' | 'tcp'): Buffer | undefined => {
    let query: DnsQuery;
    try {
      query = decodeQuery(message);
    } catch (error) {
      if (!(error instanceof DnsFormatError) || message.length < 2) return undefined;
      // Answer FORMERR with the id we could read.
      return encodeResponse({
        id: message.readUInt16BE(0),
        opcode: 0,
        recursionDesired: false,
        rcode: RCODE.FORMERR,
        answers: [],
      });
    }
    const base = { id: query.id, opcode: query.opcode, recursionDesired: query.recursionDesired };
    const question = query.questions[0];
    if (query.opcode !== 0 || query.questions.length !== 1 || !question) {
      const rcode = query.opcode !== 0 ? RCODE.NOTIMP : RCODE.FORMERR;
      return encodeResponse({ ...base, rcode, ...(question ? { question } : {}), answers: [] });
    }
    const typeName = TYPE_NAMES.get(question.type) ?? String(question.type);
    const entry = (rcode: number | 'dropped') =>
      log.push({ transport, name: question.name, type: typeName, rcode });
    if (question.class !== DNS_CLASS_IN) {
      entry(RCODE.REFUSED);
      return encodeResponse({ ...base, rcode: RCODE.REFUSED, question, answers: [] });
    }
    const fault = faults.find(
      (f) => normal(f.name) === question.name && (!f.type || f.type === typeName),
    );
    if (fault?.kind === 'timeout') {
      entry('dropped');
      return undefined;
    }
    if (fault) {
      const rcode = fault.kind === 'servfail' ? RCODE.SERVFAIL : RCODE.REFUSED;
      entry(rcode);
      return encodeResponse({ ...base, rcode, question, answers: [] });
    }
    const { rcode, answers } = answerer.resolve(question.name, question.type);
    entry(rcode);
    const limit = transport === 'udp' ? (query.ednsUdpSize ?? UDP_LIMIT) : 65535;
    return encodeResponse({ ...base, rcode, question, answers }, limit);
  };

  const tcpSockets = new Set<Socket>();
  const onTcp = (socket: Socket) => {
    tcpSockets.add(socket);
    socket.on('close', () => tcpSockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2) {
        const length = pending.readUInt16BE(0);
        if (pending.length < 2 + length) break;
        const message = pending.subarray(2, 2 + length);
        pending = pending.subarray(2 + length);
        const reply = respond(message, 'tcp');
        if (!reply) continue;
        const prefix = Buffer.alloc(2);
        prefix.writeUInt16BE(reply.length);
        socket.write(Buffer.concat([prefix, reply]));
      }
    });
  };

  const bindBoth = async (port: number): Promise<{ udp: UdpSocket; tcp: Server }> => {
    const udp = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(port, '127.0.0.1', () => {
        udp.off('error', reject);
        resolve();
      });
    });
    const bound = udp.address().port;
    const tcp = createServer(onTcp);
    try {
      await new Promise<void>((resolve, reject) => {
        tcp.once('error', reject);
        tcp.listen(bound, '127.0.0.1', () => {
          tcp.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      udp.close();
      throw error;
    }
    return { udp, tcp };
  };

  let sockets: { udp: UdpSocket; tcp: Server } | undefined;
  let lastError: unknown;
  // With a free port chosen by the system for UDP, TCP may find it taken: try a few times.
  for (let attempt = 0; attempt < (options.port ? 1 : 8) && !sockets; attempt++) {
    try {
      sockets = await bindBoth(options.port ?? 0);
    } catch (error) {
      lastError = error;
    }
  }
  if (!sockets) {
    const code = (lastError as NodeJS.ErrnoException | undefined)?.code;
    throw new Error(
      code === 'EADDRINUSE'
        ? `The tenant simulator cannot use port ${options.port} for DNS: it is already in use.`
        : `The tenant simulator's DNS server could not start: ${lastError instanceof Error ? lastError.message : String(lastError)}`,
    );
  }
  const { udp, tcp } = sockets;
  udp.on('message', (message, remote) => {
    const reply = respond(message, 'udp');
    if (reply) udp.send(reply, remote.port, remote.address);
  });
  udp.on('error', () => {
    // A send to a client that went away; nothing to do.
  });
  const port = udp.address().port;
  let closing: Promise<void> | undefined;
  return {
    port,
    address: `127.0.0.1:${port}`,
    log,
    close() {
      closing ??= Promise.all([
        new Promise<void>((resolve) => udp.close(() => resolve())),
        new Promise<void>((resolve) => {
          tcp.close(() => resolve());
          for (const socket of tcpSockets) socket.destroy();
        }),
      ]).then(() => undefined);
      return closing;
    },
  };
}
