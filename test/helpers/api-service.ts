import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiEvent, ApiEvents, ScanProgressEvent } from '../../shared/api/contract';
import { createApiService, type ApiHandlerDeps, type ApiService } from '../../main/api/handlers';
import type { ApiCallContext } from '../../main/api/dispatch';
import { Store } from '../../main/store/store';
import { ROOT } from './run-cli';

export const DEMO_FIXTURE = join(ROOT, 'assets', 'demo', 'contoso-dental.json');
export const DEMO_TENANT_ID = (
  JSON.parse(readFileSync(DEMO_FIXTURE, 'utf8')) as { tenant: { id: string } }
).tenant.id;

export interface EmittedEvent {
  readonly event: ApiEvent;
  readonly payload: ApiEvents[ApiEvent];
}

export interface TestApi {
  readonly service: ApiService;
  readonly store: Store;
  readonly dir: string;
  readonly events: EmittedEvent[];
  readonly context: ApiCallContext;
  /** Resolves with the last progress event of the scan (finished, failed or cancelled). */
  scanEnd(scanId: string, timeoutMs?: number): Promise<ScanProgressEvent>;
  close(): Promise<void>;
}

/** The real handlers on a real SQLite file in a temporary folder. */
export async function openTestApi(overrides: Partial<ApiHandlerDeps> = {}): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), 'breach-ready-api-'));
  const store = await Store.open(join(dir, 'breach-ready.db'));
  const events: EmittedEvent[] = [];
  const waiters: (() => void)[] = [];
  const context: ApiCallContext = {
    emit: (event, payload) => {
      events.push({ event, payload });
      for (const wake of waiters.splice(0)) wake();
    },
  };
  const service = createApiService({
    store,
    mode: 'browser',
    dataLocation: dir,
    clock: () => new Date(),
    demoFixturePath: DEMO_FIXTURE,
    openBrowser: async () => {
      throw new Error('no browser in tests');
    },
    ...overrides,
  });
  const endOf = (scanId: string) =>
    events
      .filter((e) => e.event === 'scan.progress')
      .map((e) => e.payload as ScanProgressEvent)
      .find(
        (p) =>
          p.scanId === scanId &&
          (p.type === 'finished' || p.type === 'failed' || p.type === 'cancelled'),
      );
  return {
    service,
    store,
    dir,
    events,
    context,
    async scanEnd(scanId, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = endOf(scanId);
        if (end) return end;
        if (Date.now() > deadline) throw new Error(`scan ${scanId} did not end in time`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    async close() {
      await service.shutdown();
      await store.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
