import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DNS_TYPE, RCODE, responseSummary } from './dns-message';
import { DnsZoneAnswerer, startDnsServer, type DnsServer, type DnsZone } from './dns-server';

const LONG_KEY = `v=DKIM1; k=rsa; p=${'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'.repeat(9)}`;

const ZONE: DnsZone = {
  'tailspin.com': {
    TXT: ['v=spf1 include:spf.protection.outlook.com -all', 'MS=ms11112222'],
    MX: [
      { exchange: 'tailspin-com.mail.protection.outlook.com', priority: 0 },
      { exchange: 'backup.tailspin.com', priority: 10 },
    ],
    A: ['192.0.2.10'],
  },
  '_dmarc.tailspin.com': { TXT: ['v=DMARC1; p=reject; rua=mailto:dmarc@tailspin.com'] },
  'selector1._domainkey.tailspin.com': {
    CNAME: ['selector1-tailspin-com._domainkey.tailspin.onmicrosoft.com'],
  },
  'selector2._domainkey.tailspin.com': {
    CNAME: ['selector2-tailspin-com._domainkey.tailspin.onmicrosoft.com'],
  },
  'selector1-tailspin-com._domainkey.tailspin.onmicrosoft.com': { TXT: [LONG_KEY] },
  'Loop-a.tailspin.com.': { CNAME: ['loop-b.tailspin.com'] },
  'loop-b.tailspin.com': { CNAME: ['loop-a.tailspin.com'] },
  'www.tailspin.com': { CNAME: ['tailspin.com'] },
};

let server: DnsServer;
let resolver: Resolver;
beforeAll(async () => {
  server = await startDnsServer({
    zone: ZONE,
    faults: [
      { name: 'slow.tailspin.com', kind: 'timeout' },
      { name: 'broken.tailspin.com', kind: 'servfail' },
      { name: 'tailspin.com', type: 'A', kind: 'refused' },
    ],
  });
  resolver = new Resolver({ timeout: 400, tries: 1 });
  resolver.setServers([server.address]);
});
afterAll(async () => {
  await server.close();
});

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
};

describe('the simulator DNS server, asked by node:dns', () => {
  it('answers TXT and MX from the fixture', async () => {
    expect(await resolver.resolveTxt('tailspin.com')).toEqual([
      ['v=spf1 include:spf.protection.outlook.com -all'],
      ['MS=ms11112222'],
    ]);
    const mx = await resolver.resolveMx('tailspin.com');
    expect(mx).toEqual(
      expect.arrayContaining([
        { exchange: 'tailspin-com.mail.protection.outlook.com', priority: 0 },
        { exchange: 'backup.tailspin.com', priority: 10 },
      ]),
    );
  });

  it('matches names case-insensitively and with or without the trailing dot', async () => {
    expect(await resolver.resolveTxt('_DMARC.Tailspin.com.')).toEqual([
      ['v=DMARC1; p=reject; rua=mailto:dmarc@tailspin.com'],
    ]);
    expect(await resolver.resolveCname('loop-A.tailspin.com')).toEqual(['loop-b.tailspin.com']);
  });

  it('answers NXDOMAIN for unknown names and NODATA for known names without the type', async () => {
    expect(await codeOf(resolver.resolveTxt('nothing.tailspin.com'))).toBe('ENOTFOUND');
    expect(await codeOf(resolver.resolveMx('_dmarc.tailspin.com'))).toBe('ENODATA');
    expect(await codeOf(resolver.resolveCname('tailspin.com'))).toBe('ENODATA');
    // A name with records below it exists (an empty non-terminal).
    expect(await codeOf(resolver.resolveTxt('_domainkey.tailspin.com'))).toBe('ENODATA');
  });

  it('gives the CNAME itself for a CNAME query', async () => {
    expect(await resolver.resolveCname('selector1._domainkey.tailspin.com')).toEqual([
      'selector1-tailspin-com._domainkey.tailspin.onmicrosoft.com',
    ]);
  });

  it('follows CNAMEs as a recursive resolver does, joining TXT chunks longer than 255 bytes', async () => {
    const txt = await resolver.resolveTxt('selector1._domainkey.tailspin.com');
    expect(txt).toHaveLength(1);
    expect(txt[0]!.length).toBeGreaterThan(1);
    expect(txt[0]!.every((chunk) => Buffer.byteLength(chunk) <= 255)).toBe(true);
    expect(txt[0]!.join('')).toBe(LONG_KEY);
    // The answer did not fit in 512 bytes of UDP: the resolver asked again over TCP.
    const asked = server.log.filter((e) => e.name === 'selector1._domainkey.tailspin.com');
    expect(asked.map((e) => e.transport)).toEqual(expect.arrayContaining(['udp', 'tcp']));
    expect(await resolver.resolveMx('www.tailspin.com')).toHaveLength(2);
  });

  it('answers NXDOMAIN when a CNAME points to a name that does not exist', async () => {
    expect(await codeOf(resolver.resolveTxt('selector2._domainkey.tailspin.com'))).toBe(
      'ENOTFOUND',
    );
  });

  it('answers SERVFAIL for a CNAME loop', async () => {
    expect(await codeOf(resolver.resolveTxt('loop-a.tailspin.com'))).toBe('ESERVFAIL');
  });

  it('plays faults: no answer, SERVFAIL, REFUSED for one type only', async () => {
    expect(await codeOf(resolver.resolveTxt('slow.tailspin.com'))).toBe('ETIMEOUT');
    expect(await codeOf(resolver.resolveTxt('broken.tailspin.com'))).toBe('ESERVFAIL');
    expect(await codeOf(resolver.resolve4('tailspin.com'))).toBe('EREFUSED');
    expect(await resolver.resolveTxt('tailspin.com')).toHaveLength(2);
    expect(server.log).toContainEqual({
      transport: 'udp',
      name: 'slow.tailspin.com',
      type: 'TXT',
      rcode: 'dropped',
    });
  });

  it('answers FORMERR to a garbled query and NOTIMP to another opcode', async () => {
    const socket = createSocket('udp4');
    const ask = (message: Buffer) =>
      new Promise<Buffer>((resolve) => {
        socket.once('message', (reply) => resolve(reply));
        socket.send(message, server.port, '127.0.0.1');
      });
    try {
      const garbled = Buffer.from([0xab, 0xcd, 0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0x3f]);
      expect(responseSummary(await ask(garbled))).toMatchObject({
        id: 0xabcd,
        rcode: RCODE.FORMERR,
      });
      const status = Buffer.from([0x00, 0x02, 0x10, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(responseSummary(await ask(status))).toMatchObject({ id: 2, rcode: RCODE.NOTIMP });
    } finally {
      socket.close();
    }
  });
});

describe('DnsZoneAnswerer', () => {
  const answerer = new DnsZoneAnswerer(ZONE, 60);

  it('returns the CNAME chain and the target records', () => {
    const { rcode, answers } = answerer.resolve('selector1._domainkey.tailspin.com', DNS_TYPE.TXT);
    expect(rcode).toBe(RCODE.NOERROR);
    expect(answers.map((a) => a.data.type)).toEqual(['CNAME', 'TXT']);
    expect(answers[1]!.name).toBe('selector1-tailspin-com._domainkey.tailspin.onmicrosoft.com');
  });

  it('answers ANY with every record of the name', () => {
    const { answers } = answerer.resolve('tailspin.com', DNS_TYPE.ANY);
    expect(answers.map((a) => a.data.type).sort()).toEqual(['A', 'MX', 'MX', 'TXT', 'TXT']);
  });
});
