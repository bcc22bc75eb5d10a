/**
 * Reading the public DNS records that protect a mail domain: SPF, DMARC, DKIM and MX. Pure
 * functions over the strings a resolver returned; used by the checks (and anything that shows the
 * records to people).
 */

// --- SPF (RFC 7208) ----------------------------------------------------------------------------

/** The `all` term's qualifier: `-` fail, `~` soft fail, `?` neutral, `+` pass. */
export type SpfAllQualifier = '-' | '~' | '?' | '+';

export type SpfResult =
  | { readonly kind: 'none' }
  /** More than one `v=spf1` record: receivers treat the domain as having a broken SPF (permerror). */
  | { readonly kind: 'multiple'; readonly records: readonly string[] }
  | {
      readonly kind: 'record';
      readonly record: string;
      /** Qualifier of the `all` term, when there is one. */
      readonly all?: SpfAllQualifier;
      /** Target of the `redirect=` modifier, when there is one. */
      readonly redirect?: string;
      /** Every term after `v=spf1`, as written. */
      readonly terms: readonly string[];
    };

const SPF_VERSION = /^v=spf1(\s|$)/i;

export function isSpfRecord(text: string): boolean {
  return SPF_VERSION.test(text.trim());
}

/** Finds and reads the SPF record among the TXT records of a domain's apex. */
export function parseSpf(txtRecords: readonly string[]): SpfResult {
  const records = txtRecords.map((t) => t.trim()).filter(isSpfRecord);
  if (records.length === 0) return { kind: 'none' };
  if (records.length > 1) return { kind: 'multiple', records };
  const record = records[0]!;
  const terms = record.split(/\s+/).slice(1).filter(Boolean);
  let all: SpfAllQualifier | undefined;
  let redirect: string | undefined;
  for (const term of terms) {
    const allMatch = /^([-~?+]?)all$/i.exec(term);
    if (allMatch && all === undefined) all = (allMatch[1] || '+') as SpfAllQualifier;
    const redirectMatch = /^redirect=(.+)$/i.exec(term);
    if (redirectMatch && redirect === undefined) redirect = redirectMatch[1]!;
  }
  return {
    kind: 'record',
    record,
    ...(all !== undefined ? { all } : {}),
    // RFC 7208 §6.1: redirect is ignored when the record has an `all` term.
    ...(redirect !== undefined && all === undefined ? { redirect } : {}),
    terms,
  };
}

/** Does the SPF record tell receivers to reject or flag mail from servers it does not list? */
export function spfFailsUnlistedSenders(spf: SpfResult): boolean {
  if (spf.kind !== 'record') return false;
  return spf.all === '-' || spf.all === '~' || spf.redirect !== undefined;
}

// --- DMARC (RFC 7489) --------------------------------------------------------------------------

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

export type DmarcResult =
  | { readonly kind: 'none' }
  /** More than one DMARC record: receivers apply none of them. */
  | { readonly kind: 'multiple'; readonly records: readonly string[] }
  /** A DMARC record without a valid `p=` tag. */
  | { readonly kind: 'invalid'; readonly record: string; readonly problem: string }
  | {
      readonly kind: 'record';
      readonly record: string;
      readonly p: DmarcPolicy;
      /** Policy for subdomains; defaults to `p`. */
      readonly sp: DmarcPolicy;
      /** Percentage of failing mail the policy applies to (default 100). */
      readonly pct: number;
      /** Aggregate report addresses (`rua=`). */
      readonly rua: readonly string[];
      /** Failure report addresses (`ruf=`). */
      readonly ruf: readonly string[];
    };

const DMARC_VERSION = /^v\s*=\s*DMARC1\s*(;|$)/i;

export function isDmarcRecord(text: string): boolean {
  return DMARC_VERSION.test(text.trim());
}

function tagList(record: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of record.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    if (name && !tags.has(name)) tags.set(name, part.slice(eq + 1).trim());
  }
  return tags;
}

function policyOf(value: string | undefined): DmarcPolicy | undefined {
  const v = value?.toLowerCase();
  return v === 'none' || v === 'quarantine' || v === 'reject' ? v : undefined;
}

function uris(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
}

/** Finds and reads the DMARC record among the TXT records at `_dmarc.<domain>`. */
export function parseDmarc(txtRecords: readonly string[]): DmarcResult {
  const records = txtRecords.map((t) => t.trim()).filter(isDmarcRecord);
  if (records.length === 0) return { kind: 'none' };
  if (records.length > 1) return { kind: 'multiple', records };
  const record = records[0]!;
  const tags = tagList(record);
  const p = policyOf(tags.get('p'));
  if (!p) {
    return {
      kind: 'invalid',
      record,
      problem: tags.has('p') ? `unknown policy "p=${tags.get('p')}"` : 'no "p=" policy',
    };
  }
  const pctText = tags.get('pct');
  const pctNumber = pctText !== undefined && /^\d{1,3}$/.test(pctText) ? Number(pctText) : 100;
  return {
    kind: 'record',
    record,
    p,
    sp: policyOf(tags.get('sp')) ?? p,
    pct: Math.min(100, pctNumber),
    rua: uris(tags.get('rua')),
    ruf: uris(tags.get('ruf')),
  };
}

// --- DKIM (RFC 6376 §3.6.1) --------------------------------------------------------------------

export type DkimResult =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'record';
      readonly record: string;
      /** Key type (default `rsa`). */
      readonly k: string;
      /** The public key, base64; empty when the key was revoked. */
      readonly p: string;
      readonly revoked: boolean;
    };

/** Reads the DKIM key record among the TXT records at `<selector>._domainkey.<domain>`. */
export function parseDkim(txtRecords: readonly string[]): DkimResult {
  for (const raw of txtRecords) {
    const record = raw.trim();
    const tags = tagList(record);
    const version = tags.get('v');
    // v= is optional, but when present it must be first and say DKIM1.
    if (version !== undefined && (version !== 'DKIM1' || !/^v\s*=/i.test(record))) continue;
    if (!tags.has('p')) continue;
    const p = (tags.get('p') ?? '').replace(/\s+/g, '');
    return { kind: 'record', record, k: tags.get('k') ?? 'rsa', p, revoked: p === '' };
  }
  return { kind: 'none' };
}

// --- MX ----------------------------------------------------------------------------------------

export interface MxRecord {
  readonly exchange: string;
  readonly priority: number;
}

/**
 * Where a domain's mail is delivered: straight to Microsoft 365 (Exchange Online Protection), to
 * another provider or filtering service, or nowhere (no MX, or a "null MX" that refuses mail).
 */
export type MailRoute = 'eop' | 'third_party' | 'none';

const EOP_SUFFIXES = [
  '.mail.protection.outlook.com',
  '.mail.protection.outlook.de',
  '.mail.protection.partner.outlook.cn',
  '.mail.protection.office365.us',
];

function normalHost(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

export function isEopHost(exchange: string): boolean {
  const host = normalHost(exchange);
  return EOP_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/** The MX hosts mail goes to first (lowest preference value), without null MX entries. */
export function preferredMx(records: readonly MxRecord[]): MxRecord[] {
  const real = records.filter((r) => normalHost(r.exchange) !== '');
  if (real.length === 0) return [];
  const best = Math.min(...real.map((r) => r.priority));
  return real.filter((r) => r.priority === best);
}

/** Classifies a domain's mail route from its MX records (empty = no MX). */
export function classifyMx(records: readonly MxRecord[]): MailRoute {
  const preferred = preferredMx(records);
  if (preferred.length === 0) return 'none';
  return preferred.every((r) => isEopHost(r.exchange)) ? 'eop' : 'third_party';
}
