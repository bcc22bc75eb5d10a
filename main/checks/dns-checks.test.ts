import { describe, expect, it } from 'vitest';
import { SOURCE_ERROR_KINDS } from '../../shared/models/snapshot';
import type { Check } from './check';
import { DNS_001, DNS_002, DNS_003, DNS_004, DNS_005, DNS_CHECKS } from './dns-checks';
import { REASON_CODE_FOR, labelOf, run, snapshotWith, withError } from './test-snapshot';

const found = <T>(...records: T[]) => ({ status: 'found' as const, records });
const nodata = { status: 'missing' as const, reason: 'nodata' as const };
const nxdomain = { status: 'missing' as const, reason: 'nxdomain' as const };
const timeout = {
  status: 'error' as const,
  code: 'ETIMEOUT',
  message: 'the DNS server did not answer in time',
};

type Lookup = ReturnType<typeof found> | typeof nodata | typeof nxdomain | typeof timeout;

interface DomainInput {
  spf?: Lookup;
  dmarc?: Lookup;
  mx?: Lookup;
  dkim1?: Lookup;
  dkim2?: Lookup;
}

const KEY = 'v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA';

/** A domain with everything right; each field overrides one lookup. */
function mailDomain(domain: string, input: DomainInput = {}) {
  const selector = (n: number, txt: Lookup | undefined) => ({
    selector: `selector${n}`,
    name: `selector${n}._domainkey.${domain}`,
    cname: found(`selector${n}-${domain.replace(/\./g, '-')}._domainkey.contoso.onmicrosoft.com`),
    txt: txt ?? found(KEY),
  });
  return {
    domain,
    spf: input.spf ?? found('v=spf1 include:spf.protection.outlook.com -all', 'MS=ms123'),
    dmarc: input.dmarc ?? found(`v=DMARC1; p=reject; rua=mailto:dmarc@${domain}`),
    mx:
      input.mx ??
      found({ exchange: `${domain.replace(/\./g, '-')}.mail.protection.outlook.com`, priority: 0 }),
    dkim: [selector(1, input.dkim1), selector(2, input.dkim2)],
  };
}

const GRAPH_DOMAINS = [
  { id: 'contoso.com', isVerified: true, supportedServices: ['Email'] },
  { id: 'contoso.onmicrosoft.com', isVerified: true, supportedServices: ['Email'] },
];

function tenant(...domains: ReturnType<typeof mailDomain>[]) {
  return snapshotWith({ domains: GRAPH_DOMAINS, mailDns: { domains } });
}

const CLEAN = tenant(mailDomain('contoso.com'));

describe('DNS checks: shared behaviour', () => {
  it.each(DNS_CHECKS.map((c) => [c.id, c] as const))(
    '%s passes on a clean domain',
    (_id, check) => {
      expect(run(check, CLEAN).verdict).toBe('pass');
    },
  );

  const cases = DNS_CHECKS.flatMap((check) =>
    (['domains', 'mailDns'] as const).flatMap((source) =>
      SOURCE_ERROR_KINDS.map((kind) => [check.id, source, kind, check] as const),
    ),
  );
  it.each(cases)('%s is unknown when %s fails with %s', (_id, source, kind, check) => {
    const finding = run(check, withError(CLEAN, source, kind));
    expect(finding.verdict).toBe('unknown');
    expect(finding.reasonCode).toBe(REASON_CODE_FOR[kind]);
    expect(finding.reason).toContain(labelOf(source));
  });

  it.each(DNS_CHECKS.map((c) => [c.id, c] as const))(
    '%s does not apply without a custom email domain',
    (_id, check) => {
      const finding = run(check, tenant());
      expect(finding).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_in_use' });
    },
  );

  it.each(DNS_CHECKS.map((c) => [c.id, c] as const))(
    '%s is unknown when the DNS data has an unexpected shape',
    (_id, check) => {
      const finding = run(
        check,
        snapshotWith({
          domains: GRAPH_DOMAINS,
          mailDns: { domains: [{ domain: 'x.com', spf: 'v=spf1' }] },
        }),
      );
      expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
    },
  );

  it('a timeout on one record leaves the checks of the other records assessed', () => {
    const snapshot = tenant(mailDomain('contoso.com', { dmarc: timeout }));
    expect(run(DNS_002, snapshot).verdict).toBe('pass');
    expect(run(DNS_005, snapshot).verdict).toBe('pass');
    for (const check of [DNS_003, DNS_004]) {
      const finding = run(check, snapshot);
      expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'network' });
      expect(finding.reason).toContain('contoso.com');
      expect(finding.reason).toContain('did not answer in time');
    }
  });

  it('a failing domain fails the check even when another domain could not be looked up', () => {
    const snapshot = tenant(
      mailDomain('contoso.com', { spf: nodata }),
      mailDomain('fabrikam.com', { spf: timeout }),
    );
    const finding = run(DNS_002, snapshot);
    expect(finding.verdict).toBe('fail');
    expect(finding.affected.map((a) => a.id)).toEqual(['contoso.com']);
    expect(finding.reason).toBe(
      '1 of your 2 email domains has no SPF record that stops other servers from sending as you.',
    );
  });
});

describe('DNS-001 mail routing', () => {
  it('names Microsoft 365 as the destination when MX points to Exchange Online Protection', () => {
    const finding = run(DNS_001, CLEAN);
    expect(finding.reason).toBe('Mail for contoso.com goes straight to Microsoft 365.');
  });

  it('names the other service when mail goes through it first', () => {
    const finding = run(
      DNS_001,
      tenant(
        mailDomain('contoso.com', {
          mx: found({ exchange: 'mx1.mailfilter.example', priority: 10 }),
        }),
        mailDomain('fabrikam.com', { mx: nxdomain }),
      ),
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.affected).toEqual([
      {
        id: 'contoso.com',
        displayName: 'contoso.com',
        detail: 'goes through another service first (mx1.mailfilter.example)',
      },
      {
        id: 'fabrikam.com',
        displayName: 'fabrikam.com',
        detail: 'has no mail server record (MX), so it cannot receive email',
      },
    ]);
  });

  it('is unknown when the MX lookup failed', () => {
    expect(run(DNS_001, tenant(mailDomain('contoso.com', { mx: timeout }))).verdict).toBe(
      'unknown',
    );
  });
});

describe('DNS-002 SPF', () => {
  const spf = (lookup: Lookup) => run(DNS_002, tenant(mailDomain('contoso.com', { spf: lookup })));

  it.each([
    ['~all', found('v=spf1 include:spf.protection.outlook.com ~all')],
    ['redirect', found('v=spf1 redirect=_spf.contoso.net')],
  ])('passes with %s', (_label, lookup) => {
    expect(spf(lookup).verdict).toBe('pass');
  });

  it.each([
    ['?all', found('v=spf1 include:spf.protection.outlook.com ?all'), 'ends with "?all"'],
    ['+all', found('v=spf1 +all'), 'ends with "+all"'],
    ['no all', found('v=spf1 include:spf.protection.outlook.com'), 'has no "-all" or "~all"'],
    ['two records', found('v=spf1 -all', 'v=spf1 ~all'), '2 SPF records'],
    ['only other TXT', found('MS=ms123'), 'no SPF record'],
    ['no TXT at all', nodata, 'no SPF record'],
    ['a domain that does not exist', nxdomain, 'does not exist'],
  ])('fails with %s', (_label, lookup, detail) => {
    const finding = spf(lookup);
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toBe(
      'Your email domain contoso.com has no SPF record that stops other servers from sending as you.',
    );
    expect(finding.affected[0]?.detail).toContain(detail);
  });

  it('is unknown when the lookup timed out', () => {
    expect(spf(timeout)).toMatchObject({ verdict: 'unknown', reasonCode: 'network' });
  });
});

describe('DNS-003 DMARC published', () => {
  const dmarc = (lookup: Lookup) =>
    run(DNS_003, tenant(mailDomain('contoso.com', { dmarc: lookup })));

  it('passes with a record, whatever its policy', () => {
    expect(dmarc(found('v=DMARC1; p=none')).verdict).toBe('pass');
  });

  it.each([
    ['no record', nxdomain, 'no DMARC record'],
    ['a TXT that is not DMARC', found('hello'), 'no DMARC record'],
    ['two records', found('v=DMARC1; p=none', 'v=DMARC1; p=reject'), '2 DMARC records'],
    ['no policy', found('v=DMARC1; rua=mailto:a@contoso.com'), 'not valid'],
  ])('fails with %s', (_label, lookup, detail) => {
    const finding = dmarc(lookup);
    expect(finding.verdict).toBe('fail');
    expect(finding.affected[0]?.detail).toContain(detail);
  });

  it('lets a subdomain use the record of its parent domain', () => {
    const finding = run(
      DNS_003,
      tenant(mailDomain('contoso.com'), mailDomain('mail.contoso.com', { dmarc: nxdomain })),
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toBe('All 2 email domains publish a DMARC record.');
  });

  it('is unknown when the parent record the subdomain depends on could not be looked up', () => {
    const finding = run(
      DNS_003,
      tenant(
        mailDomain('contoso.com', { dmarc: timeout }),
        mailDomain('mail.contoso.com', { dmarc: nxdomain }),
      ),
    );
    expect(finding.verdict).toBe('unknown');
  });
});

describe('DNS-004 DMARC enforcing and reporting', () => {
  const enforce = (record: string, profile: 'cis' | 'cisa' = 'cis') =>
    run(DNS_004, tenant(mailDomain('contoso.com', { dmarc: found(record) })), { profile });

  it('passes with p=reject and a report address under both profiles', () => {
    for (const profile of ['cis', 'cisa'] as const) {
      expect(enforce('v=DMARC1; p=reject; rua=mailto:d@contoso.com', profile).verdict).toBe('pass');
    }
  });

  it('accepts quarantine under the CIS profile but only partly under CISA', () => {
    const record = 'v=DMARC1; p=quarantine; rua=mailto:d@contoso.com';
    expect(enforce(record, 'cis').verdict).toBe('pass');
    const cisa = enforce(record, 'cisa');
    expect(cisa.verdict).toBe('warn');
    expect(cisa.reason).toContain('sends failing mail to junk; reject it');
  });

  it('fails with p=none, which only watches', () => {
    const finding = enforce('v=DMARC1; p=none; rua=mailto:d@contoso.com');
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toBe(
      'The DMARC policy of contoso.com does not block fake email in your name.',
    );
    expect(finding.affected[0]?.detail).toContain('only watched');
  });

  it('fails without a DMARC record', () => {
    const finding = run(DNS_004, tenant(mailDomain('contoso.com', { dmarc: nodata })));
    expect(finding.verdict).toBe('fail');
    expect(finding.affected[0]?.detail).toContain('nothing is enforced');
  });

  it.each([
    ['no report address', 'v=DMARC1; p=reject', 'no rua= address'],
    ['part of the mail', 'v=DMARC1; p=reject; pct=50; rua=mailto:d@contoso.com', 'pct=50'],
    ['subdomains left open', 'v=DMARC1; p=reject; sp=none; rua=mailto:d@contoso.com', 'sp=none'],
  ])('is partly met with %s', (_label, record, detail) => {
    const finding = enforce(record);
    expect(finding.verdict).toBe('warn');
    expect(finding.affected[0]?.detail).toContain(detail);
  });

  it("judges a subdomain by its parent's subdomain policy", () => {
    const finding = run(
      DNS_004,
      tenant(
        mailDomain('contoso.com', {
          dmarc: found('v=DMARC1; p=reject; sp=none; rua=mailto:d@contoso.com'),
        }),
        mailDomain('mail.contoso.com', { dmarc: nxdomain }),
      ),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.affected.find((a) => a.id === 'mail.contoso.com')?.detail).toContain(
      'sp=none (from contoso.com)',
    );
  });
});

describe('DNS-005 DKIM', () => {
  const dkim = (dkim1: Lookup, dkim2: Lookup) =>
    run(DNS_005, tenant(mailDomain('contoso.com', { dkim1, dkim2 })));

  it('passes when one selector publishes a key, naming the CNAME target', () => {
    const finding = dkim(nxdomain, found(KEY));
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toBe('A DKIM signing key is published for contoso.com.');
    expect(run(DNS_005, CLEAN).evidence[0]?.summary).toContain('CNAME selector1-contoso-com');
  });

  it('passes when one selector has a key even if the other lookup failed', () => {
    expect(dkim(timeout, found(KEY)).verdict).toBe('pass');
  });

  it.each([
    ['no keys', nxdomain, nxdomain, 'selector1: no DKIM key; selector2: no DKIM key'],
    ['revoked keys', found('v=DKIM1; p='), nodata, 'selector1: key revoked'],
    ['not a DKIM record', found('v=spf1 -all'), nodata, 'selector1: no DKIM key'],
  ])('fails with %s', (_label, one, two, detail) => {
    const finding = dkim(one, two);
    expect(finding.verdict).toBe('fail');
    expect(finding.affected[0]?.detail).toContain(detail);
  });

  it('is unknown when no key was found and a lookup failed', () => {
    expect(dkim(timeout, nxdomain)).toMatchObject({ verdict: 'unknown', reasonCode: 'network' });
  });
});

describe('DNS check metadata', () => {
  it.each(DNS_CHECKS.map((c) => [c.id, c] as const))(
    '%s lists the domain permission and public DNS',
    (_id, check: Check) => {
      expect(check.permissions).toEqual(['Domain.Read.All', 'none (public DNS)']);
    },
  );

  it('describes the DMARC threshold for both profiles', () => {
    expect(DNS_004.thresholds?.cis).toContain('quarantine');
    expect(DNS_004.thresholds?.cisa).toContain('p=reject');
  });
});
