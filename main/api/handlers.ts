import { demoTenantLoader } from './demo-tenant';
import type { ApiCallContext, ApiHandlers } from './dispatch';
import type { ApiHandlerDeps } from './handler-deps';
import type { HandlerContext } from './handler-context';
import { LiveSession } from './live-session';
import { ScanRunner } from './scan-runner';
import { appHandlers } from './app-handlers';
import { authHandlers } from './auth-handlers';
import { tenantHandlers } from './tenant-handlers';
import { scanHandlers } from './scan-handlers';
import { decisionHandlers } from './decision-handlers';
import { reportHandlers } from './report-handlers';
import { fileHandlers } from './file-handlers';

export type { ApiHandlerDeps } from './handler-deps';

export interface ApiService {
  readonly handlers: ApiHandlers;
  /** Cancels a running scan or sign-in and waits for the scan to stop (before closing the store). */
  shutdown(): Promise<void>;
}

/** An event sink that never lets a listener's failure break the handler that emits. */
function safeContext(context: ApiCallContext): ApiCallContext {
  return {
    emit: (event, payload) => {
      try {
        context.emit(event, payload);
      } catch {
        // A window or browser tab that went away misses the event; the work carries on.
      }
    },
  };
}

/** Every method of the api contract, implemented once for both transports. */
export function createApiService(deps: ApiHandlerDeps): ApiService {
  const live = new LiveSession(deps);
  const demo = demoTenantLoader(deps.demoFixturePath, deps.demoSettingsPath);
  const scans = new ScanRunner(deps, live, demo);
  const shared: HandlerContext = { deps, live, scans, demo };
  const all = {
    ...appHandlers(shared),
    ...authHandlers(shared),
    ...tenantHandlers(shared),
    ...scanHandlers(shared),
    ...decisionHandlers(shared),
    ...reportHandlers(shared),
    ...fileHandlers(shared),
  };
  const handlers = Object.fromEntries(
    Object.entries(all).map(([method, handler]) => [
      method,
      (request: never, context: ApiCallContext) =>
        (handler as (r: never, c: ApiCallContext) => Promise<unknown>)(
          request,
          safeContext(context),
        ),
    ]),
  ) as unknown as ApiHandlers;
  return {
    handlers,
    shutdown: async () => {
      live.cancel();
      await scans.stop();
    },
  };
}

/** The handlers alone, for hosts that manage shutdown themselves. */
export function createApiHandlers(deps: ApiHandlerDeps): ApiHandlers {
  return createApiService(deps).handlers;
}
