import { randomUUID } from 'node:crypto';
import type { Middleware } from '@microsoft/microsoft-graph-client';
import type { CheckMeta } from '../../shared/models/check';
import type { StoredDecision } from '../../shared/models/decision';
import type { Finding } from '../../shared/models/finding';
import type { Profile } from '../../shared/models/profile';
import type { TenantSnapshot } from '../../shared/models/snapshot';
import type { TenantSettings } from '../../shared/models/tenant';
import type { ScanJson } from '../../shared/models/scan-json';
import { toScanJsonFinding } from '../../shared/models/scan-json';
import { computeScore, type Score } from '../../shared/score/score';
import {
  CATALOG_VERSION,
  catalogMeta,
  CHECKS,
  evaluateAll,
  sourcesNeeded,
} from '../checks/catalog';
import { collectSnapshot, type CollectProgress } from '../collect/collect';
import { GraphGateway, type GraphGatewayOptions } from '../graph/gateway';
import type { TokenSource } from '../auth/token-source';
import { TOOL_VERSION } from './version';

export type ScanProgress =
  | { readonly type: 'signing-in'; readonly description: string }
  | CollectProgress
  /** Microsoft asked us to slow down (or did not answer): we wait before asking again. */
  | { readonly type: 'waiting'; readonly seconds: number; readonly label: string }
  | { readonly type: 'evaluating'; readonly checks: number }
  | { readonly type: 'finished'; readonly score: number | null };

/** How a scan reaches a tenant: a token source plus, for the simulator, its network seams. */
export interface TenantConnection {
  readonly source: 'demo' | 'fixture' | 'live';
  readonly tokens: TokenSource;
  /** Last Graph middleware; absent in production. */
  readonly graphTransport?: Middleware;
  /** Used for labelling when the organisation profile cannot be read. */
  readonly tenantHint?: string;
  /** DNS servers (`IP[:PORT]`) for the mail-domain lookups; the system's servers when absent. */
  readonly dnsServers?: readonly string[];
  /** A recorded tenant is judged as of its recording, not as of today. */
  readonly asOf?: Date;
}

export interface ScanOptions {
  readonly connection: TenantConnection;
  readonly profile: Profile;
  readonly settings: TenantSettings;
  readonly onProgress?: (event: ScanProgress) => void;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
  /** Graph retry delay (seconds) when Graph gives no Retry-After. */
  readonly retryDelaySeconds?: number;
  /** Graph request timeout and retry limits, when the defaults do not suit. */
  readonly graph?: Pick<GraphGatewayOptions, 'timeoutMs' | 'retry'>;
  /** The scan's id, when the caller names it before the scan starts; a new UUID otherwise. */
  readonly id?: string;
}

export interface ScanResult {
  readonly id: string;
  readonly source: TenantConnection['source'];
  readonly profile: Profile;
  readonly catalogVersion: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly snapshot: TenantSnapshot;
  readonly findings: readonly Finding[];
  readonly score: Score;
  readonly graphRequests: number;
}

/** Evaluates a snapshot and scores it; pure apart from the clock. */
export function evaluateSnapshot(
  snapshot: TenantSnapshot,
  profile: Profile,
  settings: TenantSettings,
  now: Date,
) {
  // Recorded evidence is judged as of the moment it describes.
  const findings = evaluateAll({
    snapshot,
    profile,
    settings,
    now: snapshot.asOf ? new Date(snapshot.asOf) : now,
  });
  const meta = new Map(CHECKS.map((c) => [c.id, c]));
  const score = computeScore(
    findings.map((f) => {
      const check = meta.get(f.checkId)!;
      return { verdict: f.verdict, severity: check.severity, nistCsf: check.mappings.nistCsf };
    }),
  );
  return { findings, score };
}

/** One scan: sign in → collect → evaluate → score. */
export async function runScan(options: ScanOptions): Promise<ScanResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const { connection, onProgress, signal } = options;
  onProgress?.({ type: 'signing-in', description: connection.tokens.description });
  // Sign in before collecting, so a sign-in problem is reported as such and not per source.
  await connection.tokens.getAccessToken();
  const gateway = new GraphGateway({
    getAccessToken: (options) => connection.tokens.getAccessToken(options),
    ...(connection.graphTransport ? { transport: connection.graphTransport } : {}),
    ...(options.retryDelaySeconds !== undefined
      ? { retryDelaySeconds: options.retryDelaySeconds }
      : {}),
    ...options.graph,
    ...(onProgress ? { onWait: (wait) => onProgress({ type: 'waiting', ...wait }) } : {}),
  });
  const snapshot = await collectSnapshot({
    gateway,
    sources: sourcesNeeded(),
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
    fallbackTenantId: connection.tokens.tenantId() ?? connection.tenantHint,
    ...(connection.dnsServers?.length ? { dns: { servers: connection.dnsServers } } : {}),
    ...(connection.asOf ? { asOf: connection.asOf } : {}),
    now,
  });
  onProgress?.({ type: 'evaluating', checks: CHECKS.length });
  const { findings, score } = evaluateSnapshot(snapshot, options.profile, options.settings, now());
  onProgress?.({ type: 'finished', score: score.overall });
  return {
    id: options.id ?? randomUUID(),
    source: connection.source,
    profile: options.profile,
    catalogVersion: CATALOG_VERSION,
    startedAt,
    finishedAt: now().toISOString(),
    snapshot,
    findings,
    score,
    graphRequests: gateway.requestCount,
  };
}

/** The documented scan JSON. */
export function toScanJson(
  result: ScanResult,
  metas: readonly CheckMeta[] = catalogMeta(),
  decisions: readonly StoredDecision[] = [],
): ScanJson {
  const byId = new Map(metas.map((m) => [m.id, m]));
  const decided = new Map(
    decisions.map((d) => {
      const { kind } = d.decision;
      const reason = 'reason' in d.decision ? d.decision.reason : undefined;
      const owner = 'owner' in d.decision ? d.decision.owner : undefined;
      return [
        d.checkId,
        { kind, expired: d.expired, ...(reason ? { reason } : {}), ...(owner ? { owner } : {}) },
      ];
    }),
  );
  return {
    tool: { name: 'breach-ready', version: TOOL_VERSION },
    tenant: result.snapshot.tenant,
    scan: {
      id: result.id,
      startedAt: result.startedAt,
      finishedAt: result.finishedAt,
      profile: result.profile,
      catalogVersion: result.catalogVersion,
      source: result.source,
    },
    score: result.score,
    findings: result.findings.map((f) =>
      toScanJsonFinding(f, byId.get(f.checkId)!, decided.get(f.checkId)),
    ),
  };
}
