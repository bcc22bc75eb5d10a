import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsServer } from '../sim/dns-server';
import { classifyDnsError, DnsCancelledError, DnsClient } from './resolver';

let server: DnsServer;
beforeAll(async () => {
  server = await startDnsServer({
    zone: {
      'fabrikam.com': {
        TXT: ['v=spf1 include:spf.protection.outlook.com -all'],
        MX: [{ exchange: 'fabrikam-com.mail.protection.outlook.com', priority: 0 }],
      },
      'selector1._domainkey.fabrikam.com': { CNAME: ['selector1-fabrikam-com._domainkey.x.test'] },
      'selector1-fabrikam-com._domainkey.x.test': { TXT: ['v=DKIM1; k=rsa; p=MIGf'] },
    },
    faults: [
      { name: '_dmarc.fabrikam.com', kind: 'timeout' },
      { name: 'broken.fabrikam.com', kind: 'servfail' },
    ],
  });
});
afterAll(async () => {
  await server.close();
});

const client = () => new DnsClient({ servers: [server.address], timeoutMs: 300, tries: 1 });

describe('DnsClient over a configured server', () => {
  it('asks only the configured servers', () => {
    expect(client().servers()).toEqual([server.address]);
  });

  it('returns found records for TXT, MX and CNAME', async () => {
    const dns = client();
    expect(await dns.txt('fabrikam.com')).toEqual({
      status: 'found',
      records: ['v=spf1 include:spf.protection.outlook.com -all'],
    });
    expect(await dns.mx('fabrikam.com')).toEqual({
      status: 'found',
      records: [{ exchange: 'fabrikam-com.mail.protection.outlook.com', priority: 0 }],
    });
    expect(await dns.cname('selector1._domainkey.fabrikam.com')).toEqual({
      status: 'found',
      records: ['selector1-fabrikam-com._domainkey.x.test'],
    });
    expect(await dns.txt('selector1._domainkey.fabrikam.com')).toEqual({
      status: 'found',
      records: ['v=DKIM1; k=rsa; p=MIGf'],
    });
  });

  it('tells a missing name (NXDOMAIN) from a name without that record (NODATA)', async () => {
    const dns = client();
    expect(await dns.txt('nope.fabrikam.com')).toEqual({ status: 'missing', reason: 'nxdomain' });
    expect(await dns.cname('fabrikam.com')).toEqual({ status: 'missing', reason: 'nodata' });
  });

  it('reports a timeout and a server failure as errors, not as missing records', async () => {
    const dns = client();
    expect(await dns.txt('_dmarc.fabrikam.com')).toMatchObject({
      status: 'error',
      code: 'ETIMEOUT',
    });
    expect(await dns.txt('broken.fabrikam.com')).toMatchObject({
      status: 'error',
      code: 'ESERVFAIL',
    });
  });

  it('reports an unreachable server as an error', async () => {
    const probe = createSocket('udp4');
    await new Promise<void>((resolve) => probe.bind(0, '127.0.0.1', () => resolve()));
    const port = probe.address().port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const dns = new DnsClient({ servers: [`127.0.0.1:${port}`], timeoutMs: 300, tries: 1 });
    const result = await dns.txt('fabrikam.com');
    expect(result.status).toBe('error');
    if (result.status === 'error') expect(['ECONNREFUSED', 'ETIMEOUT']).toContain(result.code);
  });

  it('throws DnsCancelledError for lookups in flight and after cancel()', async () => {
    let silent: Socket | undefined;
    silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent!.bind(0, '127.0.0.1', () => resolve()));
    try {
      const dns = new DnsClient({
        servers: [`127.0.0.1:${silent.address().port}`],
        timeoutMs: 5000,
        tries: 1,
      });
      const pending = dns.txt('fabrikam.com');
      setTimeout(() => dns.cancel(), 20);
      await expect(pending).rejects.toBeInstanceOf(DnsCancelledError);
      await expect(dns.mx('fabrikam.com')).rejects.toBeInstanceOf(DnsCancelledError);
    } finally {
      silent.close();
      silent = undefined;
    }
  });
});

describe('classifyDnsError', () => {
  const error = (code: string) => Object.assign(new Error(`queryTxt ${code} x.test`), { code });

  it.each([
    ['ENOTFOUND', { status: 'missing', reason: 'nxdomain' }],
    ['ENODATA', { status: 'missing', reason: 'nodata' }],
  ])('%s is a fact about the domain', (code, expected) => {
    expect(classifyDnsError(error(code))).toEqual(expected);
  });

  it.each(['ETIMEOUT', 'ESERVFAIL', 'EREFUSED', 'ECONNREFUSED', 'EBADRESP'])(
    '%s is a failure to look, with a plain message',
    (code) => {
      const result = classifyDnsError(error(code));
      expect(result).toMatchObject({ status: 'error', code });
      if (result.status === 'error') expect(result.message).not.toContain('queryTxt');
    },
  );

  it('keeps an unknown error as an error', () => {
    expect(classifyDnsError(new Error('boom'))).toEqual({
      status: 'error',
      code: 'EUNKNOWN',
      message: 'boom',
    });
  });
});
