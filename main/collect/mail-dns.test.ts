import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceResult } from '../../shared/models/snapshot';
import { AppOnlySignIn } from '../auth/app-only';
import { CancelledError, GraphGateway } from '../graph/gateway';
import {
  createDemoClient,
  createSimGraphSender,
  createSimNetworkClient,
  startDnsServer,
  startSimulator,
  type DnsServer,
} from '../sim';
import { smallTenant, TENANT_ID } from '../../test/helpers/small-tenant';
import { collectSnapshot } from './collect';
import { emailDomains, readMailDns, type MailDnsData } from './mail-dns';

const FETCHED = '2026-11-02T09:00:00.000Z';
const now = () => new Date(FETCHED);

const domain = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  isVerified: true,
  supportedServices: ['Email', 'OfficeCommunicationsOnline'],
  ...extra,
});

const DOMAINS: SourceResult = {
  ok: true,
  fetchedAt: FETCHED,
  data: [
    domain('fabrikam.com', { isDefault: true }),
    domain('fabrikam.onmicrosoft.com', { isInitial: true }),
    domain('fabrikam-intranet.com', { supportedServices: ['OfficeCommunicationsOnline'] }),
    domain('unverified.fabrikam.com', { isVerified: false }),
    domain('quiet.fabrikam.net'),
  ],
};

const ZONE = {
  'fabrikam.com': {
    TXT: ['v=spf1 include:spf.protection.outlook.com -all', 'MS=ms1'],
    MX: [{ exchange: 'fabrikam-com.mail.protection.outlook.com', priority: 0 }],
  },
  '_dmarc.fabrikam.com': { TXT: ['v=DMARC1; p=reject; rua=mailto:d@fabrikam.com'] },
  'selector1._domainkey.fabrikam.com': {
    CNAME: ['selector1-fabrikam-com._domainkey.fabrikam.onmicrosoft.com'],
  },
  'selector2._domainkey.fabrikam.com': {
    CNAME: ['selector2-fabrikam-com._domainkey.fabrikam.onmicrosoft.com'],
  },
  'selector1-fabrikam-com._domainkey.fabrikam.onmicrosoft.com': {
    TXT: ['v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEB'],
  },
  'selector2-fabrikam-com._domainkey.fabrikam.onmicrosoft.com': {
    TXT: ['v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEC'],
  },
  'quiet.fabrikam.net': { TXT: ['v=spf1 -all'] },
};

let dns: DnsServer;
beforeAll(async () => {
  dns = await startDnsServer({
    zone: ZONE,
    faults: [{ name: '_dmarc.quiet.fabrikam.net', kind: 'timeout' }],
  });
});
afterAll(async () => {
  await dns.close();
});

const resolver = () => ({ servers: [dns.address], timeoutMs: 300, tries: 1 });

describe('emailDomains', () => {
  it('keeps verified email domains, without onmicrosoft.com', () => {
    expect(emailDomains(DOMAINS.ok ? DOMAINS.data : [])).toEqual([
      'fabrikam.com',
      'quiet.fabrikam.net',
    ]);
  });

  it('returns undefined for a list of an unexpected shape', () => {
    expect(emailDomains({ value: [] })).toBeUndefined();
    expect(emailDomains([{ name: 'x.com' }])).toBeUndefined();
  });
});

describe('readMailDns', () => {
  it('looks up SPF, DMARC, DKIM (through the CNAME) and MX of each email domain', async () => {
    const result = await readMailDns(DOMAINS, { resolver: resolver(), now });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const data = result.data as MailDnsData;
    expect(data.domains.map((d) => d.domain)).toEqual(['fabrikam.com', 'quiet.fabrikam.net']);
    const [fabrikam] = data.domains;
    expect(fabrikam).toEqual({
      domain: 'fabrikam.com',
      spf: {
        status: 'found',
        records: ['v=spf1 include:spf.protection.outlook.com -all', 'MS=ms1'],
      },
      dmarc: { status: 'found', records: ['v=DMARC1; p=reject; rua=mailto:d@fabrikam.com'] },
      mx: {
        status: 'found',
        records: [{ exchange: 'fabrikam-com.mail.protection.outlook.com', priority: 0 }],
      },
      dkim: [
        {
          selector: 'selector1',
          name: 'selector1._domainkey.fabrikam.com',
          cname: {
            status: 'found',
            records: ['selector1-fabrikam-com._domainkey.fabrikam.onmicrosoft.com'],
          },
          txt: { status: 'found', records: ['v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEB'] },
        },
        {
          selector: 'selector2',
          name: 'selector2._domainkey.fabrikam.com',
          cname: {
            status: 'found',
            records: ['selector2-fabrikam-com._domainkey.fabrikam.onmicrosoft.com'],
          },
          txt: { status: 'found', records: ['v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEC'] },
        },
      ],
    });
    expect(result.fetchedAt).toBe(FETCHED);
    // Nothing was asked about the domains that are not used for email.
    expect(
      dns.log.some((e) => e.name.includes('onmicrosoft.com') && e.name.startsWith('_dmarc')),
    ).toBe(false);
    expect(dns.log.some((e) => e.name.includes('intranet'))).toBe(false);
  });

  it('keeps a timeout with the one record it hit; missing records are facts', async () => {
    const result = await readMailDns(DOMAINS, { resolver: resolver(), now });
    if (!result.ok) throw new Error('expected data');
    const quiet = (result.data as MailDnsData).domains[1]!;
    expect(quiet.spf).toEqual({ status: 'found', records: ['v=spf1 -all'] });
    expect(quiet.dmarc).toMatchObject({ status: 'error', code: 'ETIMEOUT' });
    expect(quiet.mx).toEqual({ status: 'missing', reason: 'nodata' });
    expect(quiet.dkim.map((d) => d.txt)).toEqual([
      { status: 'missing', reason: 'nxdomain' },
      { status: 'missing', reason: 'nxdomain' },
    ]);
  });

  it('fails with the same kind when the domain list could not be read', async () => {
    const result = await readMailDns(
      {
        ok: false,
        error: { kind: 'forbidden', status: 403, message: 'Insufficient privileges' },
        fetchedAt: FETCHED,
      },
      { resolver: resolver(), now },
    );
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', status: 403 },
    });
    if (!result.ok) expect(result.error.message).toContain('domain list');
  });

  it('fails when the domain list was not read or has an unexpected shape', async () => {
    expect(await readMailDns(undefined, { now })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    expect(
      await readMailDns({ ok: true, data: { value: [] }, fetchedAt: FETCHED }, { now }),
    ).toMatchObject({ ok: false, error: { kind: 'invalid_response' } });
  });

  it('returns an empty list when no domain is used for email', async () => {
    const result = await readMailDns(
      { ok: true, data: [domain('fabrikam.onmicrosoft.com')], fetchedAt: FETCHED },
      { resolver: resolver(), now },
    );
    expect(result).toMatchObject({ ok: true, data: { domains: [] } });
  });

  it('throws CancelledError when the scan is cancelled during lookups', async () => {
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', () => resolve()));
    try {
      const controller = new AbortController();
      const pending = readMailDns(DOMAINS, {
        resolver: { servers: [`127.0.0.1:${silent.address().port}`], timeoutMs: 5000, tries: 1 },
        now,
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 30);
      await expect(pending).rejects.toBeInstanceOf(CancelledError);
    } finally {
      silent.close();
    }
  });
});

describe('collectSnapshot with mail DNS', () => {
  it('reads the domain list first, then asks the configured DNS server', async () => {
    const client = createDemoClient();
    const sim = await startSimulator({
      fixture: {
        ...smallTenant({
          'GET /v1.0/domains': {
            status: 200,
            body: {
              value: [domain('fabrikambakery.com'), domain('fabrikambakery.onmicrosoft.com')],
            },
          },
        }),
        dns: {
          'fabrikambakery.com': {
            TXT: ['v=spf1 include:spf.protection.outlook.com ~all'],
            MX: [{ exchange: 'fabrikambakery-com.mail.protection.outlook.com', priority: 0 }],
          },
        },
      },
      clients: [client],
    });
    try {
      const tokens = new AppOnlySignIn({
        clientId: client.clientId,
        credential: { kind: 'secret', secret: client.secret },
        networkClient: createSimNetworkClient(sim.base),
      }).forTenant(TENANT_ID);
      const gateway = new GraphGateway({
        getAccessToken: (options) => tokens.getAccessToken(options),
        transport: createSimGraphSender(sim.base),
      });
      const snapshot = await collectSnapshot({
        gateway,
        sources: ['mailDns'],
        dns: { servers: [sim.dns], timeoutMs: 500, tries: 1 },
      });
      expect(Object.keys(snapshot.sources)).toEqual(['organization', 'domains', 'mailDns']);
      const mail = snapshot.sources.mailDns;
      expect(mail?.ok).toBe(true);
      if (!mail?.ok) return;
      const [only] = (mail.data as MailDnsData).domains;
      expect(only?.domain).toBe('fabrikambakery.com');
      expect(only?.spf).toEqual({
        status: 'found',
        records: ['v=spf1 include:spf.protection.outlook.com ~all'],
      });
      expect(only?.dmarc).toEqual({ status: 'missing', reason: 'nxdomain' });
    } finally {
      await sim.close();
    }
  });
});
