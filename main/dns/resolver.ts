import { Resolver } from 'node:dns/promises';

/** Where and how to ask: the system's DNS servers unless a list is given. */
export interface DnsResolverOptions {
  /** `IP` or `IP:PORT` entries; the system's servers when absent or empty. */
  readonly servers?: readonly string[];
  /** Milliseconds before one attempt gives up (default 3000). */
  readonly timeoutMs?: number;
  /** Attempts per server before a lookup fails (default 2). */
  readonly tries?: number;
}

/** Why a record is absent. Both are facts about the domain, not failures to look. */
export type DnsMissingReason =
  /** The name does not exist (NXDOMAIN). */
  | 'nxdomain'
  /** The name exists but has no records of the asked type (NOERROR, empty answer). */
  | 'nodata';

/**
 * One lookup's outcome. `found` and `missing` are facts about the domain; `error` means we could
 * not find out (timeout, server failure, refused, network), so nothing may be concluded from it.
 */
export type DnsLookup<T> =
  | { readonly status: 'found'; readonly records: readonly T[] }
  | { readonly status: 'missing'; readonly reason: DnsMissingReason }
  | { readonly status: 'error'; readonly code: string; readonly message: string };

export interface MxAnswer {
  readonly exchange: string;
  readonly priority: number;
}

/** Raised when lookups were cancelled by the caller; never turned into a result. */
export class DnsCancelledError extends Error {
  constructor() {
    super('The DNS lookups were cancelled.');
    this.name = 'DnsCancelledError';
  }
}

const PLAIN_ERRORS: Readonly<Record<string, string>> = {
  ETIMEOUT: 'the DNS server did not answer in time',
  ESERVFAIL: 'the DNS server could not answer (SERVFAIL)',
  EREFUSED: 'the DNS server refused the query',
  ECONNREFUSED: 'the DNS server could not be reached (connection refused)',
  EBADRESP: 'the DNS server sent a malformed answer',
  ECONNRESET: 'the connection to the DNS server was reset',
  EFORMERR: 'the DNS server could not read the query (FORMERR)',
  ENOTIMP: 'the DNS server does not support this query',
  EBADNAME: 'the name is not a valid domain name',
  EBADQUERY: 'the query was not valid',
};

/** Sorts an error from `node:dns` into a fact (missing) or a failure to look (error). */
export function classifyDnsError(error: unknown): DnsLookup<never> {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOTFOUND') return { status: 'missing', reason: 'nxdomain' };
  if (code === 'ENODATA') return { status: 'missing', reason: 'nodata' };
  const known = typeof code === 'string' ? code : 'EUNKNOWN';
  const message =
    PLAIN_ERRORS[known] ??
    (error instanceof Error ? error.message.slice(0, 200) : 'the lookup failed');
  return { status: 'error', code: known, message };
}

/**
 * Public DNS lookups over a configurable server list (Node's c-ares resolver). Every lookup
 * resolves to a typed outcome; only cancellation throws.
 */
export class DnsClient {
  private readonly resolver: Resolver;
  private cancelled = false;

  constructor(options: DnsResolverOptions = {}) {
    this.resolver = new Resolver({
      timeout: options.timeoutMs ?? 3000,
      tries: options.tries ?? 2,
    });
    if (options.servers?.length) this.resolver.setServers([...options.servers]);
  }

  /** The servers asked, as `IP` or `IP:PORT`. */
  servers(): string[] {
    return this.resolver.getServers();
  }

  /** Stops every lookup in flight; they (and later ones) throw DnsCancelledError. */
  cancel(): void {
    this.cancelled = true;
    this.resolver.cancel();
  }

  private async run<T>(lookup: () => Promise<T[]>): Promise<DnsLookup<T>> {
    if (this.cancelled) throw new DnsCancelledError();
    try {
      const records = await lookup();
      if (this.cancelled) throw new DnsCancelledError();
      return records.length
        ? { status: 'found', records }
        : { status: 'missing', reason: 'nodata' };
    } catch (error) {
      if (this.cancelled || (error as { code?: unknown })?.code === 'ECANCELLED') {
        throw new DnsCancelledError();
      }
      return classifyDnsError(error);
    }
  }

  /** TXT records; the character-strings of each record are joined (RFC 7208 §3.3). */
  txt(name: string): Promise<DnsLookup<string>> {
    return this.run(async () => (await this.resolver.resolveTxt(name)).map((r) => r.join('')));
  }

  mx(name: string): Promise<DnsLookup<MxAnswer>> {
    return this.run(async () =>
      (await this.resolver.resolveMx(name)).map((r) => ({
        exchange: r.exchange,
        priority: r.priority,
      })),
    );
  }

  /** The CNAME target(s) of a name. */
  cname(name: string): Promise<DnsLookup<string>> {
    return this.run(() => this.resolver.resolveCname(name));
  }
}
