import type { SourceResult } from '../../shared/models/snapshot';

/** Looks up public DNS records; the real resolver lives in main/dns. */
export interface MailDnsResolver {
  readonly servers?: readonly string[];
}

/** Reads SPF, DMARC, DKIM and MX records of the tenant's email domains. */
export async function readMailDns(
  _domains: SourceResult | undefined,
  options: { resolver?: MailDnsResolver; now: () => Date },
): Promise<SourceResult> {
  return {
    ok: false,
    error: { kind: 'not_found', message: 'DNS records are not collected in this version' },
    fetchedAt: options.now().toISOString(),
  };
}
