import type { ApiHandlerDeps } from './handler-deps';
import type { DemoTenant } from './demo-tenant';
import type { LiveSession } from './live-session';
import type { ScanRunner } from './scan-runner';

/** What the handler groups share: the host's deps plus the session, the runner and the demo. */
export interface HandlerContext {
  readonly deps: ApiHandlerDeps;
  readonly live: LiveSession;
  readonly scans: ScanRunner;
  readonly demo: () => Promise<DemoTenant>;
}
