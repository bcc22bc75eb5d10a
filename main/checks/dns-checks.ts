import { z } from 'zod';
import {
  classifyMx,
  parseDkim,
  parseDmarc,
  parseSpf,
  preferredMx,
  spfFailsUnlistedSenders,
  type DmarcResult,
  type MailRoute,
  type SpfResult,
} from '../../shared/dns/mail-records';
import type { AffectedObject, Evidence } from '../../shared/models/finding';
import type { UnknownReason } from '../../shared/models/verdict';
import type { Check, EvaluationContext, Outcome } from './check';
import { LEARN, LINKS } from './links';
import { parseOptionalSource, parseSource } from './source-data';

// --- The mailDns source ------------------------------------------------------------------------

function lookupSchema<T extends z.ZodType>(record: T) {
  return z.discriminatedUnion('status', [
    z.looseObject({ status: z.literal('found'), records: z.array(record) }),
    z.looseObject({ status: z.literal('missing'), reason: z.enum(['nxdomain', 'nodata']) }),
    z.looseObject({ status: z.literal('error'), code: z.string(), message: z.string() }),
  ]);
}

const txtLookup = lookupSchema(z.string());
const mxLookup = lookupSchema(z.looseObject({ exchange: z.string(), priority: z.number() }));
type TxtLookup = z.infer<typeof txtLookup>;
type Failed = Extract<TxtLookup, { status: 'error' }>;

export const mailDnsSchema = z.looseObject({
  domains: z.array(
    z.looseObject({
      domain: z.string(),
      spf: txtLookup,
      dmarc: txtLookup,
      mx: mxLookup,
      dkim: z.array(
        z.looseObject({
          selector: z.string(),
          name: z.string(),
          cname: txtLookup,
          txt: txtLookup,
        }),
      ),
    }),
  ),
});
type MailDomain = z.infer<typeof mailDnsSchema>['domains'][number];

const DNS_PERMISSIONS = ['Domain.Read.All', 'none (public DNS)'];

// --- Per-domain verdicts -----------------------------------------------------------------------

type DomainState =
  | { readonly state: 'pass' | 'warn' | 'fail'; readonly detail: string }
  | { readonly state: 'unknown'; readonly detail: string; readonly failure: Failed };

function lookupFailed(failure: Failed, what: string): DomainState {
  return { state: 'unknown', detail: `${what}: ${failure.message}`, failure };
}

function unknownCode(failure: Failed): UnknownReason {
  return ['EBADRESP', 'EFORMERR'].includes(failure.code) ? 'invalid_response' : 'network';
}

interface Wording {
  readonly failing: (n: number, total: number) => string;
  /** Only for checks where a domain can be partly met. */
  readonly warning?: (n: number, total: number) => string;
  readonly passing: (total: number) => string;
  readonly lookingUp: string;
}

/** `unknown` naming the domains whose lookups failed; `undefined` when none failed. */
function lookupOutcome(
  states: readonly (DomainState & { domain: string })[],
  lookingUp: string,
  evidence: Evidence[],
): Outcome | undefined {
  const failed = states.filter((d) => d.state === 'unknown');
  const first = failed[0];
  if (!first || first.state !== 'unknown') return undefined;
  const names = failed.map((d) => d.domain).join(', ');
  return {
    verdict: 'unknown',
    reasonCode: unknownCode(first.failure),
    reason: `We could not look up ${lookingUp} for ${names} (${first.failure.message}), so this could not be checked. Scan again in a few minutes.`,
    affected: [],
    evidence,
  };
}

/**
 * Turns per-domain states into one outcome: any failing domain fails the check; otherwise a
 * domain we could not look up makes it unknown; otherwise any partly-met domain makes it warn.
 */
function combine(
  states: readonly (DomainState & { domain: string })[],
  wording: Wording,
  evidence: Evidence[],
): Outcome {
  const total = states.length;
  const by = (s: DomainState['state']) => states.filter((d) => d.state === s);
  const affected = (list: typeof states): AffectedObject[] =>
    list.map((d) => ({ id: d.domain, displayName: d.domain, detail: d.detail }));
  const failing = by('fail');
  const unknown = by('unknown');
  const warning = by('warn');
  if (failing.length) {
    return {
      verdict: 'fail',
      reason: wording.failing(failing.length, total),
      affected: affected([...failing, ...warning]),
      evidence,
    };
  }
  const couldNotLook = lookupOutcome(unknown, wording.lookingUp, evidence);
  if (couldNotLook) return couldNotLook;
  if (warning.length) {
    return {
      verdict: 'warn',
      reason: wording.warning?.(warning.length, total) ?? wording.failing(warning.length, total),
      affected: affected(warning),
      evidence,
    };
  }
  return { verdict: 'pass', reason: wording.passing(total), affected: [], evidence };
}

const NO_EMAIL_DOMAIN = (evidence: Evidence[]): Outcome => ({
  verdict: 'not_applicable',
  reasonCode: 'not_in_use',
  reason:
    'Your tenant has no custom email domain (only the onmicrosoft.com address Microsoft runs for you), so there are no records for you to publish.',
  affected: [],
  evidence,
});

function domainsOf(ctx: EvaluationContext): MailDomain[] {
  return parseSource(ctx, 'mailDns', mailDnsSchema).domains;
}

function txtSummary(lookup: TxtLookup): string {
  if (lookup.status === 'found') return lookup.records.join(' | ');
  if (lookup.status === 'missing') {
    return lookup.reason === 'nxdomain' ? 'name does not exist' : 'no record';
  }
  return `lookup failed (${lookup.code})`;
}

// --- SPF ---------------------------------------------------------------------------------------

function spfState(d: MailDomain): DomainState {
  if (d.spf.status === 'error') return lookupFailed(d.spf, 'SPF');
  if (d.spf.status === 'missing' && d.spf.reason === 'nxdomain') {
    return { state: 'fail', detail: 'the domain does not exist in public DNS' };
  }
  const spf: SpfResult = parseSpf(d.spf.status === 'found' ? d.spf.records : []);
  if (spf.kind === 'none') return { state: 'fail', detail: 'no SPF record' };
  if (spf.kind === 'multiple') {
    return {
      state: 'fail',
      detail: `${spf.records.length} SPF records; receivers treat that as no valid SPF`,
    };
  }
  if (spfFailsUnlistedSenders(spf)) return { state: 'pass', detail: spf.record };
  const ending = spf.all ? `ends with "${spf.all}all"` : 'has no "-all" or "~all" ending';
  return { state: 'fail', detail: `SPF record ${ending}, so it does not stop other senders` };
}

// --- DMARC -------------------------------------------------------------------------------------

interface EffectiveDmarc {
  readonly dmarc: DmarcResult;
  /** Set when the record comes from a parent domain (subdomain policy `sp` applies). */
  readonly from?: string;
  readonly failure?: Failed;
}

/** The DMARC record that applies to a domain: its own, else a parent domain's in the list. */
function effectiveDmarc(d: MailDomain, byName: ReadonlyMap<string, MailDomain>): EffectiveDmarc {
  if (d.dmarc.status === 'error') return { dmarc: { kind: 'none' }, failure: d.dmarc };
  const own = parseDmarc(d.dmarc.status === 'found' ? d.dmarc.records : []);
  if (own.kind !== 'none') return { dmarc: own };
  const labels = d.domain.toLowerCase().split('.');
  for (let i = 1; i < labels.length - 1; i++) {
    const parent = byName.get(labels.slice(i).join('.'));
    if (!parent) continue;
    if (parent.dmarc.status === 'error') return { dmarc: { kind: 'none' }, failure: parent.dmarc };
    const inherited = parseDmarc(parent.dmarc.status === 'found' ? parent.dmarc.records : []);
    if (inherited.kind !== 'none') return { dmarc: inherited, from: parent.domain };
  }
  return { dmarc: own };
}

function dmarcPublishedState(e: EffectiveDmarc): DomainState {
  if (e.failure) return lookupFailed(e.failure, 'DMARC');
  const { dmarc } = e;
  switch (dmarc.kind) {
    case 'none':
      return { state: 'fail', detail: 'no DMARC record at _dmarc' };
    case 'multiple':
      return {
        state: 'fail',
        detail: `${dmarc.records.length} DMARC records; receivers ignore them all`,
      };
    case 'invalid':
      return { state: 'fail', detail: `DMARC record is not valid: ${dmarc.problem}` };
    case 'record':
      return {
        state: 'pass',
        detail: e.from ? `covered by the DMARC record of ${e.from}` : dmarc.record,
      };
  }
}

function dmarcEnforcementState(e: EffectiveDmarc, strict: boolean): DomainState {
  const published = dmarcPublishedState(e);
  if (published.state !== 'pass') {
    return published.state === 'unknown'
      ? published
      : { state: 'fail', detail: `${published.detail}, so nothing is enforced` };
  }
  const dmarc = e.dmarc as Extract<DmarcResult, { kind: 'record' }>;
  const policy = e.from ? dmarc.sp : dmarc.p;
  const tag = e.from ? `sp=${policy} (from ${e.from})` : `p=${policy}`;
  if (policy === 'none') {
    return { state: 'fail', detail: `${tag}: failing mail is only watched, never blocked` };
  }
  const gaps: string[] = [];
  if (policy === 'quarantine' && strict) gaps.push(`${tag} sends failing mail to junk; reject it`);
  if (dmarc.pct < 100) gaps.push(`pct=${dmarc.pct} applies the policy to only part of the mail`);
  if (dmarc.rua.length === 0) gaps.push('no rua= address, so nobody receives the daily reports');
  if (!e.from && dmarc.p !== 'none' && dmarc.sp === 'none') {
    gaps.push('sp=none leaves subdomains unprotected');
  }
  if (gaps.length) return { state: 'warn', detail: gaps.join('; ') };
  return { state: 'pass', detail: `${tag}, reports to ${dmarc.rua.join(', ')}` };
}

// --- DKIM --------------------------------------------------------------------------------------

function dkimState(d: MailDomain): DomainState {
  const notes: string[] = [];
  let failure: Failed | undefined;
  for (const s of d.dkim) {
    if (s.txt.status === 'error') {
      failure ??= s.txt;
      notes.push(`${s.selector}: lookup failed`);
      continue;
    }
    const key = parseDkim(s.txt.status === 'found' ? s.txt.records : []);
    if (key.kind === 'record' && !key.revoked) {
      const via = s.cname.status === 'found' ? ` (through ${s.cname.records[0]})` : '';
      return { state: 'pass', detail: `${s.selector} publishes a DKIM key${via}` };
    }
    notes.push(key.kind === 'record' ? `${s.selector}: key revoked` : `${s.selector}: no DKIM key`);
  }
  if (failure) return lookupFailed(failure, 'DKIM');
  return {
    state: 'fail',
    detail: notes.length ? notes.join('; ') : 'no DKIM selector was looked up',
  };
}

// --- MX ----------------------------------------------------------------------------------------

const ROUTE_WORDS: Record<MailRoute, string> = {
  eop: 'goes straight to Microsoft 365',
  third_party: 'goes through another service first',
  none: 'has no mail server record (MX), so it cannot receive email',
};

/** Each email domain's mail route; `undefined` for a domain whose MX lookup failed. */
export function mailRoutes(
  ctx: EvaluationContext,
): { domain: string; route: MailRoute | undefined }[] | undefined {
  const data = parseOptionalSource(ctx, 'mailDns', mailDnsSchema);
  if (!data) return undefined;
  return data.domains.map((d) => ({
    domain: d.domain,
    route:
      d.mx.status === 'error' ? undefined : classifyMx(d.mx.status === 'found' ? d.mx.records : []),
  }));
}

// --- Checks ------------------------------------------------------------------------------------

const EMAIL_DNS_STEPS = {
  domains: {
    text: 'Open Microsoft 365 admin center › Settings › Domains, select your domain and open "DNS records" to see the records Microsoft expects.',
    link: LINKS.domains,
  },
  host: {
    text: "Sign in to the company that hosts your domain's DNS (your domain registrar, or your IT provider) and open the DNS settings of the domain.",
  },
};

export const DNS_001: Check = {
  id: 'DNS-001',
  title: 'Where your email is delivered is known',
  family: 'DNS',
  severity: 'info',
  requires: ['domains', 'mailDns'],
  licences: [],
  permissions: DNS_PERMISSIONS,
  mappings: { cisM365: [], cisControls: ['9.7'], nistCsf: ['ID.AM-03'], scuba: [] },
  content: {
    why: 'Incoming email is filtered for spam, phishing and malware by whichever service your domain points to. Knowing whether that is Microsoft 365 or another filtering service tells you where email protection settings must be checked.',
    steps: [
      EMAIL_DNS_STEPS.domains,
      {
        text: 'Compare the MX record shown there with the one your DNS host publishes. If mail goes through another service first, ask your IT provider which filtering settings it applies.',
      },
    ],
    verify: 'Run this scan again; each email domain shows where its mail is delivered.',
    userImpact: 'None: this only records how mail reaches you.',
    effortMinutes: 5,
    learnMore: [LEARN.dnsRecords],
  },
  evaluate(ctx) {
    const domains = domainsOf(ctx);
    const evidence: Evidence[] = domains.map((d) => ({
      source: 'mailDns',
      summary: `${d.domain} MX: ${
        d.mx.status === 'found'
          ? d.mx.records.map((r) => `${r.priority} ${r.exchange}`).join(', ')
          : d.mx.status === 'missing'
            ? 'none'
            : `lookup failed (${d.mx.code})`
      }`,
    }));
    if (!domains.length) return NO_EMAIL_DOMAIN(evidence);
    const states = domains.map((d): DomainState & { domain: string } => {
      if (d.mx.status === 'error') return { domain: d.domain, ...lookupFailed(d.mx, 'MX') };
      const records = d.mx.status === 'found' ? d.mx.records : [];
      const route = classifyMx(records);
      const hosts = preferredMx(records).map((r) => r.exchange.replace(/\.$/, ''));
      return {
        domain: d.domain,
        state: 'pass',
        detail: `${ROUTE_WORDS[route]}${route === 'third_party' ? ` (${hosts.join(', ')})` : ''}`,
      };
    });
    const couldNotLook = lookupOutcome(states, 'the mail server records (MX)', evidence);
    if (couldNotLook) return couldNotLook;
    return {
      verdict: 'pass',
      reason:
        states.length === 1
          ? `Mail for ${states[0]!.domain} ${states[0]!.detail}.`
          : `Mail routing is known for your ${states.length} email domains: ${states
              .map((s) => `${s.domain} ${s.detail}`)
              .join('; ')}.`,
      affected: states.map((s) => ({ id: s.domain, displayName: s.domain, detail: s.detail })),
      evidence,
    };
  },
};

export const DNS_002: Check = {
  id: 'DNS-002',
  title: 'SPF tells other mail servers to distrust senders you did not list',
  family: 'DNS',
  severity: 'high',
  requires: ['domains', 'mailDns'],
  licences: [],
  permissions: DNS_PERMISSIONS,
  mappings: {
    cisM365: ['v5:2.1.8'],
    cisControls: ['9.5'],
    nistCsf: ['PR.DS-02'],
    scuba: ['MS.EXO.2.2v3'],
  },
  content: {
    why: 'Without SPF, anyone can send email that claims to come from your domain, such as a fake invoice to a patient or supplier. An SPF record lists the servers allowed to send for you and tells receivers to distrust the rest.',
    steps: [
      EMAIL_DNS_STEPS.domains,
      EMAIL_DNS_STEPS.host,
      {
        text: 'Publish one TXT record at the domain itself: "v=spf1 include:spf.protection.outlook.com -all" (add an include for each other service that sends your mail, such as a newsletter tool). Keep only one record starting with v=spf1.',
      },
    ],
    verify:
      'After an hour, run this scan again; each email domain shows an SPF record ending in -all or ~all.',
    userImpact: 'None, as long as every service that sends mail for you is listed in the record.',
    effortMinutes: 20,
    learnMore: [LEARN.spf],
  },
  evaluate(ctx) {
    const domains = domainsOf(ctx);
    const evidence: Evidence[] = domains.map((d) => ({
      source: 'mailDns',
      summary: `${d.domain} TXT: ${txtSummary(d.spf)}`,
    }));
    if (!domains.length) return NO_EMAIL_DOMAIN(evidence);
    const states = domains.map((d) => ({ domain: d.domain, ...spfState(d) }));
    return combine(
      states,
      {
        failing: (n, total) =>
          total === 1
            ? `Your email domain ${states[0]!.domain} has no SPF record that stops other servers from sending as you.`
            : `${n} of your ${total} email domains ${n === 1 ? 'has' : 'have'} no SPF record that stops other servers from sending as you.`,
        passing: (total) =>
          total === 1
            ? `The SPF record of ${states[0]!.domain} tells receivers to distrust servers it does not list.`
            : `All ${total} email domains publish an SPF record that tells receivers to distrust servers it does not list.`,
        lookingUp: 'the SPF record',
      },
      evidence,
    );
  },
};

export const DNS_003: Check = {
  id: 'DNS-003',
  title: 'DMARC is published for every email domain',
  family: 'DNS',
  severity: 'high',
  requires: ['domains', 'mailDns'],
  licences: [],
  permissions: DNS_PERMISSIONS,
  mappings: {
    cisM365: ['v5:2.1.10'],
    cisControls: ['9.5'],
    nistCsf: ['PR.DS-02'],
    scuba: ['MS.EXO.4.1v1'],
  },
  content: {
    why: 'DMARC tells other mail servers what to do with email that pretends to be from you but fails the SPF and DKIM checks, and sends you reports about it. Without it, fake emails in your name are often delivered.',
    steps: [
      EMAIL_DNS_STEPS.host,
      {
        text: 'Add a TXT record named _dmarc (for _dmarc.yourdomain.com) with the value "v=DMARC1; p=none; rua=mailto:dmarc-reports@yourdomain.com" to start collecting reports.',
      },
      {
        text: 'Check the DMARC guidance in the Microsoft Defender portal › Email & collaboration › Policies & rules › Threat policies › Email authentication settings.',
        link: LINKS.emailAuthentication,
      },
    ],
    verify: 'After an hour, run this scan again; each email domain shows a DMARC record.',
    userImpact: 'None: publishing DMARC with p=none only starts reporting.',
    effortMinutes: 15,
    learnMore: [LEARN.dmarc],
  },
  evaluate(ctx) {
    const domains = domainsOf(ctx);
    const byName = new Map(domains.map((d) => [d.domain.toLowerCase(), d]));
    const evidence: Evidence[] = domains.map((d) => ({
      source: 'mailDns',
      summary: `_dmarc.${d.domain} TXT: ${txtSummary(d.dmarc)}`,
    }));
    if (!domains.length) return NO_EMAIL_DOMAIN(evidence);
    const states = domains.map((d) => ({
      domain: d.domain,
      ...dmarcPublishedState(effectiveDmarc(d, byName)),
    }));
    return combine(
      states,
      {
        failing: (n, total) =>
          total === 1
            ? `Your email domain ${states[0]!.domain} has no valid DMARC record.`
            : `${n} of your ${total} email domains ${n === 1 ? 'has' : 'have'} no valid DMARC record.`,
        passing: (total) =>
          total === 1
            ? `${states[0]!.domain} publishes a DMARC record.`
            : `All ${total} email domains publish a DMARC record.`,
        lookingUp: 'the DMARC record',
      },
      evidence,
    );
  },
};

export const DNS_004: Check = {
  id: 'DNS-004',
  title: 'DMARC blocks fake email and sends you reports',
  family: 'DNS',
  severity: 'medium',
  requires: ['domains', 'mailDns'],
  licences: [],
  permissions: DNS_PERMISSIONS,
  mappings: {
    cisM365: ['v5:2.1.10'],
    cisControls: ['9.5'],
    nistCsf: ['PR.DS-02'],
    scuba: ['MS.EXO.4.2v1', 'MS.EXO.4.4v1'],
  },
  thresholds: {
    cis: 'p=quarantine or p=reject, applied to all mail (pct=100), with a rua= report address',
    cisa: 'p=reject, applied to all mail (pct=100), with a rua= report address; p=quarantine is partly met',
  },
  content: {
    why: 'A DMARC record set to "p=none" only watches: fake emails in your name still reach patients and suppliers. Set to quarantine or reject, receivers send fakes to junk or refuse them, and the reports show who tries to use your name.',
    steps: [
      {
        text: 'Read a few weeks of DMARC reports (the rua= address) to confirm that every service that sends your mail passes SPF or DKIM.',
      },
      EMAIL_DNS_STEPS.host,
      {
        text: 'Change the _dmarc TXT record to "v=DMARC1; p=quarantine; pct=100; rua=mailto:dmarc-reports@yourdomain.com", and after a quiet month to p=reject.',
        link: LINKS.emailAuthentication,
      },
    ],
    verify: 'After an hour, run this scan again; each email domain shows p=quarantine or p=reject.',
    userImpact:
      'Mail from a service you forgot to set up (for example a newsletter tool) may land in junk until it is added to SPF or DKIM.',
    effortMinutes: 30,
    learnMore: [LEARN.dmarc],
  },
  evaluate(ctx) {
    const domains = domainsOf(ctx);
    const byName = new Map(domains.map((d) => [d.domain.toLowerCase(), d]));
    const evidence: Evidence[] = domains.map((d) => ({
      source: 'mailDns',
      summary: `_dmarc.${d.domain} TXT: ${txtSummary(d.dmarc)}`,
    }));
    if (!domains.length) return NO_EMAIL_DOMAIN(evidence);
    const strict = ctx.profile === 'cisa';
    const states = domains.map((d) => ({
      domain: d.domain,
      ...dmarcEnforcementState(effectiveDmarc(d, byName), strict),
    }));
    return combine(
      states,
      {
        failing: (n, total) =>
          total === 1
            ? `The DMARC policy of ${states[0]!.domain} does not block fake email in your name.`
            : `The DMARC policy of ${n} of your ${total} email domains does not block fake email in your name.`,
        warning: (n, total) =>
          total === 1
            ? `The DMARC policy of ${states[0]!.domain} blocks fake email only partly: ${states[0]!.detail}.`
            : `The DMARC policy of ${n} of your ${total} email domains blocks fake email only partly.`,
        passing: (total) =>
          total === 1
            ? `The DMARC policy of ${states[0]!.domain} blocks fake email and sends you reports.`
            : `The DMARC policies of all ${total} email domains block fake email and send you reports.`,
        lookingUp: 'the DMARC record',
      },
      evidence,
    );
  },
};

export const DNS_005: Check = {
  id: 'DNS-005',
  title: 'DKIM signing keys are published',
  family: 'DNS',
  severity: 'medium',
  requires: ['domains', 'mailDns'],
  licences: [],
  permissions: DNS_PERMISSIONS,
  mappings: {
    cisM365: ['v5:2.1.9'],
    cisControls: ['9.5'],
    nistCsf: ['PR.DS-02'],
    scuba: ['MS.EXO.3.1v1'],
  },
  content: {
    why: 'DKIM adds a tamper-proof signature to every email you send, so receivers can tell your real mail from fakes. Without the published keys, your mail is more likely to land in junk and DMARC cannot protect your name fully.',
    steps: [
      {
        text: 'Open Microsoft Defender portal › Email & collaboration › Policies & rules › Threat policies › Email authentication settings › DKIM, and select your domain.',
        link: LINKS.emailAuthentication,
      },
      {
        text: 'Copy the two CNAME records shown (selector1._domainkey and selector2._domainkey) and add them at your DNS host.',
      },
      {
        text: 'Back in the DKIM page, turn on "Sign messages for this domain with DKIM signatures".',
      },
    ],
    verify:
      'After an hour, run this scan again; each email domain shows a DKIM key behind selector1 or selector2.',
    userImpact: 'None: signing happens automatically.',
    effortMinutes: 20,
    learnMore: [LEARN.dkim],
  },
  evaluate(ctx) {
    const domains = domainsOf(ctx);
    const evidence: Evidence[] = domains.flatMap((d) =>
      d.dkim.map((s) => ({
        source: 'mailDns' as const,
        summary: `${s.name}: ${
          s.cname.status === 'found' ? `CNAME ${s.cname.records[0]}; ` : ''
        }TXT ${txtSummary(s.txt).slice(0, 80)}`,
      })),
    );
    if (!domains.length) return NO_EMAIL_DOMAIN(evidence);
    const states = domains.map((d) => ({ domain: d.domain, ...dkimState(d) }));
    return combine(
      states,
      {
        failing: (n, total) =>
          total === 1
            ? `No DKIM signing key is published for ${states[0]!.domain}.`
            : `No DKIM signing key is published for ${n} of your ${total} email domains.`,
        passing: (total) =>
          total === 1
            ? `A DKIM signing key is published for ${states[0]!.domain}.`
            : `DKIM signing keys are published for all ${total} email domains.`,
        lookingUp: 'the DKIM keys',
      },
      evidence,
    );
  },
};

/** Email authentication through public DNS (DNS). */
export const DNS_CHECKS: readonly Check[] = [DNS_001, DNS_002, DNS_003, DNS_004, DNS_005];
