import { describe, expect, it } from 'vitest';
import {
  classifyMx,
  isEopHost,
  parseDkim,
  parseDmarc,
  parseSpf,
  preferredMx,
  spfFailsUnlistedSenders,
} from './mail-records';

describe('SPF', () => {
  it('finds the SPF record among other TXT records and reads its all term', () => {
    const spf = parseSpf(['MS=ms12345678', 'v=spf1 include:spf.protection.outlook.com -all']);
    expect(spf).toMatchObject({ kind: 'record', all: '-' });
    expect(spfFailsUnlistedSenders(spf)).toBe(true);
  });

  it.each([
    ['v=spf1 include:spf.protection.outlook.com ~all', '~', true],
    ['v=spf1 include:spf.protection.outlook.com ?all', '?', false],
    ['v=spf1 include:spf.protection.outlook.com +all', '+', false],
    ['v=spf1 include:spf.protection.outlook.com all', '+', false],
    ['V=SPF1 ip4:192.0.2.1 -ALL', '-', true],
  ])('%s → all %s, fails unlisted senders: %s', (record, all, fails) => {
    const spf = parseSpf([record]);
    expect(spf).toMatchObject({ kind: 'record', all });
    expect(spfFailsUnlistedSenders(spf)).toBe(fails);
  });

  it('accepts a redirect, which hands the decision to another domain', () => {
    const spf = parseSpf(['v=spf1 redirect=_spf.example.net']);
    expect(spf).toMatchObject({ kind: 'record', redirect: '_spf.example.net' });
    expect(spf).not.toHaveProperty('all');
    expect(spfFailsUnlistedSenders(spf)).toBe(true);
  });

  it('ignores a redirect when the record has an all term (RFC 7208 6.1)', () => {
    const spf = parseSpf(['v=spf1 ?all redirect=_spf.example.net']);
    expect(spf).not.toHaveProperty('redirect');
    expect(spfFailsUnlistedSenders(spf)).toBe(false);
  });

  it('has no fail term when the record ends without all or redirect', () => {
    const spf = parseSpf(['v=spf1 include:spf.protection.outlook.com']);
    expect(spf).toMatchObject({ kind: 'record' });
    expect(spfFailsUnlistedSenders(spf)).toBe(false);
  });

  it('reports none, and two records as multiple (a permanent error for receivers)', () => {
    expect(parseSpf([])).toEqual({ kind: 'none' });
    expect(parseSpf(['v=spf10 -all', 'google-site-verification=abc'])).toEqual({ kind: 'none' });
    const two = parseSpf(['v=spf1 -all', 'v=spf1 ~all']);
    expect(two.kind).toBe('multiple');
    expect(spfFailsUnlistedSenders(two)).toBe(false);
  });
});

describe('DMARC', () => {
  it('reads the policy, subdomain policy, percentage and report addresses', () => {
    const dmarc = parseDmarc([
      'v=DMARC1; p=quarantine; sp=reject; pct=50; rua=mailto:a@example.com,mailto:b@example.net; ruf=mailto:f@example.com',
    ]);
    expect(dmarc).toMatchObject({
      kind: 'record',
      p: 'quarantine',
      sp: 'reject',
      pct: 50,
      rua: ['mailto:a@example.com', 'mailto:b@example.net'],
      ruf: ['mailto:f@example.com'],
    });
  });

  it('defaults sp to p and pct to 100, with no report addresses', () => {
    expect(parseDmarc(['v=DMARC1; p=reject'])).toMatchObject({
      kind: 'record',
      p: 'reject',
      sp: 'reject',
      pct: 100,
      rua: [],
      ruf: [],
    });
  });

  it('is lenient about spaces and case in tags', () => {
    expect(parseDmarc(['v = DMARC1 ; P = None ; RUA = mailto:x@example.com'])).toMatchObject({
      kind: 'record',
      p: 'none',
      rua: ['mailto:x@example.com'],
    });
  });

  it('ignores TXT records that are not DMARC, and flags several DMARC records', () => {
    expect(parseDmarc(['some other text'])).toEqual({ kind: 'none' });
    expect(parseDmarc(['v=DMARC1; p=none', 'v=DMARC1; p=reject']).kind).toBe('multiple');
  });

  it('calls a record without a valid policy invalid', () => {
    expect(parseDmarc(['v=DMARC1; rua=mailto:x@example.com'])).toMatchObject({
      kind: 'invalid',
      problem: 'no "p=" policy',
    });
    expect(parseDmarc(['v=DMARC1; p=block'])).toMatchObject({ kind: 'invalid' });
  });
});

describe('DKIM', () => {
  it('reads a key record', () => {
    expect(parseDkim(['v=DKIM1; k=rsa; p=MIIBIjANBgkq AAB'])).toMatchObject({
      kind: 'record',
      k: 'rsa',
      p: 'MIIBIjANBgkqAAB',
      revoked: false,
    });
  });

  it('accepts a record without v= and defaults the key type to rsa', () => {
    expect(parseDkim(['p=MIGfMA0'])).toMatchObject({ kind: 'record', k: 'rsa', revoked: false });
  });

  it('flags a revoked key (empty p=)', () => {
    expect(parseDkim(['v=DKIM1; p='])).toMatchObject({ kind: 'record', revoked: true });
  });

  it('rejects records with a wrong version, v= not first, or no key', () => {
    expect(parseDkim(['v=DKIM2; p=abc'])).toEqual({ kind: 'none' });
    expect(parseDkim(['k=rsa; v=DKIM1; p=abc'])).toEqual({ kind: 'none' });
    expect(parseDkim(['v=DKIM1; k=rsa'])).toEqual({ kind: 'none' });
    expect(parseDkim([])).toEqual({ kind: 'none' });
  });
});

describe('MX', () => {
  it('recognises Exchange Online Protection hosts', () => {
    expect(isEopHost('contoso-com.mail.protection.outlook.com')).toBe(true);
    expect(isEopHost('Contoso-com.MAIL.protection.outlook.com.')).toBe(true);
    expect(isEopHost('mx1.mailfilter.example')).toBe(false);
    expect(isEopHost('evil.mail.protection.outlook.com.example')).toBe(false);
  });

  it('classifies by the preferred MX hosts', () => {
    expect(classifyMx([{ exchange: 'contoso-com.mail.protection.outlook.com', priority: 0 }])).toBe(
      'eop',
    );
    expect(
      classifyMx([
        { exchange: 'mx1.filter.example', priority: 10 },
        { exchange: 'contoso-com.mail.protection.outlook.com', priority: 20 },
      ]),
    ).toBe('third_party');
    expect(
      classifyMx([
        { exchange: 'contoso-com.mail.protection.outlook.com', priority: 0 },
        { exchange: 'backup.filter.example', priority: 50 },
      ]),
    ).toBe('eop');
  });

  it('treats no MX and a null MX as no mail route', () => {
    expect(classifyMx([])).toBe('none');
    expect(classifyMx([{ exchange: '', priority: 0 }])).toBe('none');
    expect(classifyMx([{ exchange: '.', priority: 0 }])).toBe('none');
    expect(preferredMx([{ exchange: '.', priority: 0 }])).toEqual([]);
  });
});
