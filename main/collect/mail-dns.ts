import { z } from 'zod';
import type { SourceResult } from '../../shared/models/snapshot';
import {
  DnsCancelledError,
  DnsClient,
  type DnsLookup,
  type DnsResolverOptions,
  type MxAnswer,
} from '../dns/resolver';
import { CancelledError } from '../graph/gateway';

/** Which DNS servers to ask (the system's when absent), and how patiently. */
export type MailDnsResolver = DnsResolverOptions;

/** The DKIM selectors Exchange Online publishes for a custom domain. */
export const DKIM_SELECTORS = ['selector1', 'selector2'] as const;

export interface DkimSelectorRecords {
  readonly selector: string;
  /** `<selector>._domainkey.<domain>` */
  readonly name: string;
  /** The CNAME at the name (Exchange Online points it to the tenant's onmicrosoft.com key). */
  readonly cname: DnsLookup<string>;
  /** The key record, after following the CNAME as any receiving server does. */
  readonly txt: DnsLookup<string>;
}

/** What public DNS says about one email domain. Each lookup keeps its own outcome. */
export interface MailDomainRecords {
  readonly domain: string;
  /** Every TXT record at the domain's apex (the SPF record is one of them). */
  readonly spf: DnsLookup<string>;
  /** TXT records at `_dmarc.<domain>`. */
  readonly dmarc: DnsLookup<string>;
  readonly dkim: readonly DkimSelectorRecords[];
  readonly mx: DnsLookup<MxAnswer>;
}

/** The `mailDns` source's data. */
export interface MailDnsData {
  readonly domains: readonly MailDomainRecords[];
}

const domainListSchema = z.array(
  z.looseObject({
    id: z.string(),
    isVerified: z.boolean().nullish(),
    supportedServices: z.array(z.string()).nullish(),
  }),
);

/**
 * The domains whose mail authentication matters: verified, used for email, and not the
 * `onmicrosoft.com` domain Microsoft runs. `undefined` when the list has an unexpected shape.
 */
export function emailDomains(domainList: unknown): string[] | undefined {
  const parsed = domainListSchema.safeParse(domainList);
  if (!parsed.success) return undefined;
  const names = parsed.data
    .filter(
      (d) =>
        d.isVerified === true &&
        (d.supportedServices ?? []).some((s) => s.toLowerCase() === 'email') &&
        !d.id.toLowerCase().endsWith('.onmicrosoft.com'),
    )
    .map((d) => d.id.toLowerCase());
  return [...new Set(names)];
}

async function lookUpDomain(dns: DnsClient, domain: string): Promise<MailDomainRecords> {
  const [spf, dmarc, mx, ...dkim] = await Promise.all([
    dns.txt(domain),
    dns.txt(`_dmarc.${domain}`),
    dns.mx(domain),
    ...DKIM_SELECTORS.map(async (selector): Promise<DkimSelectorRecords> => {
      const name = `${selector}._domainkey.${domain}`;
      const [cname, txt] = await Promise.all([dns.cname(name), dns.txt(name)]);
      return { selector, name, cname, txt };
    }),
  ]);
  return { domain, spf: spf!, dmarc: dmarc!, mx: mx!, dkim };
}

/** Domains looked up at the same time (each one is seven queries). */
const DOMAIN_CONCURRENCY = 4;

/**
 * Reads SPF, DMARC, DKIM and MX records of the tenant's email domains from public DNS. A lookup
 * that fails (timeout, server failure) is kept with that lookup, so only the checks that need it
 * become "could not check"; a record that does not exist is a fact.
 */
export async function readMailDns(
  domains: SourceResult | undefined,
  options: { resolver?: MailDnsResolver; now: () => Date; signal?: AbortSignal },
): Promise<SourceResult> {
  const { now, signal } = options;
  if (!domains) {
    return {
      ok: false,
      error: {
        kind: 'not_found',
        message: 'the domain list was not read, so no domain was looked up',
      },
      fetchedAt: now().toISOString(),
    };
  }
  if (!domains.ok) {
    return {
      ok: false,
      error: {
        ...domains.error,
        message: `the domain list could not be read: ${domains.error.message}`,
      },
      fetchedAt: now().toISOString(),
    };
  }
  const names = emailDomains(domains.data);
  if (!names) {
    return {
      ok: false,
      error: { kind: 'invalid_response', message: 'the domain list has an unexpected shape' },
      fetchedAt: now().toISOString(),
    };
  }
  if (signal?.aborted) throw new CancelledError();
  const dns = new DnsClient(options.resolver ?? {});
  const cancel = () => dns.cancel();
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    const results: MailDomainRecords[] = new Array(names.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < names.length; i = next++) {
        results[i] = await lookUpDomain(dns, names[i]!);
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(DOMAIN_CONCURRENCY, names.length) }, () => worker()),
    );
    const data: MailDnsData = { domains: results };
    return { ok: true, data, fetchedAt: now().toISOString() };
  } catch (error) {
    if (error instanceof DnsCancelledError || signal?.aborted) throw new CancelledError();
    throw error;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
