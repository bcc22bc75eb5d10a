import type { ApiHandlers } from './dispatch';
import { CATALOG_VERSION, catalogMeta } from '../engine/catalog';
import { TOOL_VERSION } from '../engine/version';
import type { HandlerContext } from './handler-context';

type AppHandlers = Pick<ApiHandlers, 'app.info' | 'catalog.list'>;

export function appHandlers({ deps }: HandlerContext): AppHandlers {
  const encrypted = Boolean(deps.cachePlugin) && deps.cachePlugin?.persistent !== false;
  return {
    'app.info': async () => ({
      version: TOOL_VERSION,
      catalogVersion: CATALOG_VERSION,
      mode: deps.mode,
      dataLocation: deps.dataLocation,
      appRegistration: deps.clientId ?? null,
      tokenStorage: encrypted ? 'encrypted' : 'memory',
      canChooseFiles: Boolean(deps.chooseFile),
    }),
    'catalog.list': async () => catalogMeta(),
  };
}
