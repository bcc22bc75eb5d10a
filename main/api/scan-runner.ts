import { randomUUID } from 'node:crypto';
import {
  ApiError,
  type ApiErrorBody,
  type ScanProgressEvent,
  type ScanTarget,
} from '../../shared/api/contract';
import type { Profile } from '../../shared/models/profile';
import { EMPTY_TENANT_SETTINGS, type TenantSettings } from '../../shared/models/tenant';
import { runScan, type TenantConnection } from '../engine/scan';
import { recordScan } from '../engine/scan-record';
import { openSimulatedTenant } from '../engine/simulated-tenant';
import type { DemoTenant } from './demo-tenant';
import type { ApiHandlerDeps } from './handler-deps';
import type { LiveSession } from './live-session';
import { toProgressEvent } from './scan-progress';
import { toApiError } from './to-api-error';

interface Prepared {
  readonly connection: TenantConnection;
  readonly settings: TenantSettings;
  readonly close: () => Promise<void>;
}

interface ActiveScan {
  readonly id: string;
  readonly controller: AbortController;
}

const FAILED: ApiErrorBody = {
  code: 'internal',
  message:
    'The scan stopped because of a problem inside Breach Ready. Nothing was changed in your tenant.',
};

/**
 * Runs one scan at a time in the background. `start` answers with the scan's id at once; the
 * outcome arrives as `scan.progress` events (`finished`, `failed` or `cancelled` last).
 */
export class ScanRunner {
  private active: ActiveScan | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: ApiHandlerDeps,
    private readonly live: LiveSession,
    private readonly demo: () => Promise<DemoTenant>,
  ) {}

  get activeScanId(): string | undefined {
    return this.active?.id;
  }

  /** Resolves once the scan running now (if any) has ended; for an orderly shutdown. */
  idle(): Promise<void> {
    return this.running;
  }

  async start(
    target: ScanTarget,
    profile: Profile,
    emit: (event: ScanProgressEvent) => void,
  ): Promise<{ scanId: string }> {
    if (this.active) {
      throw new ApiError('busy', 'A scan is already running. Wait for it to finish or cancel it.');
    }
    const active: ActiveScan = { id: randomUUID(), controller: new AbortController() };
    this.active = active;
    let prepared: Prepared;
    try {
      prepared = await this.prepare(target);
    } catch (error) {
      this.active = undefined;
      throw toApiError(error) ?? error;
    }
    this.running = this.run(active, prepared, profile, emit);
    return { scanId: active.id };
  }

  cancel(scanId: string): boolean {
    if (this.active?.id !== scanId) return false;
    this.active.controller.abort();
    return true;
  }

  /** Cancels whatever runs and waits for it to stop. */
  async stop(): Promise<void> {
    this.active?.controller.abort();
    await this.running;
  }

  private async settingsFor(tenantId: string, fallback: TenantSettings): Promise<TenantSettings> {
    const { store } = this.deps;
    if (!(await store.hasDeclaredSettings(tenantId))) return fallback;
    return (await store.tenantSettings(tenantId)) ?? fallback;
  }

  private async prepare(target: ScanTarget): Promise<Prepared> {
    if (target.kind === 'demo') {
      const demo = await this.demo();
      const settings = await this.settingsFor(demo.fixture.tenant.id, demo.settings);
      const simulated = await openSimulatedTenant(demo.fixture, 'demo');
      return { connection: simulated.connection, settings, close: () => simulated.close() };
    }
    const { tokens, tenantId } = this.live.tokens();
    if (target.tenantId !== undefined && target.tenantId !== tenantId) {
      throw new ApiError(
        'sign_in',
        'You are signed in to a different Microsoft 365 tenant than this one. Sign in to this tenant (technicians: enter its domain as the customer tenant) to scan it again.',
      );
    }
    const network = this.deps.network;
    return {
      connection: {
        source: 'live',
        tokens,
        tenantHint: tenantId,
        ...(network?.graphTransport ? { graphTransport: network.graphTransport } : {}),
        ...(network?.dnsServers?.length ? { dnsServers: network.dnsServers } : {}),
      },
      settings: await this.settingsFor(tenantId, EMPTY_TENANT_SETTINGS),
      close: async () => {},
    };
  }

  private async run(
    active: ActiveScan,
    prepared: Prepared,
    profile: Profile,
    emit: (event: ScanProgressEvent) => void,
  ): Promise<void> {
    const { store, clock } = this.deps;
    const scanId = active.id;
    const { signal } = active.controller;
    let last: ScanProgressEvent;
    try {
      const result = await runScan({
        id: scanId,
        connection: prepared.connection,
        profile,
        settings: prepared.settings,
        signal,
        now: clock,
        onProgress: (progress) => {
          const event = toProgressEvent(scanId, progress);
          if (event && !signal.aborted) emit(event);
        },
      });
      if (signal.aborted) throw new ApiError('cancelled', 'The scan was cancelled.');
      const saved = await recordScan(store, result, clock());
      const summary = await store.getScan(scanId);
      last = {
        scanId,
        type: 'finished',
        status: summary?.status === 'partial' ? 'partial' : 'complete',
        tenantId: saved.result.snapshot.tenant.id,
        score: saved.result.score.overall,
      };
    } catch (error) {
      if (signal.aborted) {
        last = { scanId, type: 'cancelled' };
      } else {
        const known = toApiError(error);
        if (!known) this.deps.onUnexpected?.(error);
        last = { scanId, type: 'failed', error: known?.toBody() ?? FAILED };
      }
    } finally {
      await prepared.close().catch(() => {});
      if (this.active === active) this.active = undefined;
    }
    emit(last);
  }
}
