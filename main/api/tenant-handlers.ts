import { ApiError } from '../../shared/api/contract';
import type { TenantInfo } from '../../shared/models/tenant';
import { EMPTY_TENANT_SETTINGS } from '../../shared/models/tenant';
import type { Store } from '../store/store';
import type { ApiHandlers } from './dispatch';
import type { HandlerContext } from './handler-context';
import { plainErrors } from './to-api-error';

type TenantHandlers = Pick<
  ApiHandlers,
  'tenants.list' | 'tenants.getSettings' | 'tenants.setSettings' | 'tenants.delete'
>;

export async function tenantOrNotFound(store: Store, tenantId: string): Promise<TenantInfo> {
  const tenant = await store.findTenant(tenantId);
  if (!tenant || tenant.id !== tenantId) {
    throw new ApiError('not_found', 'That tenant is not in this database.');
  }
  return tenant;
}

export function tenantHandlers({ deps, demo, scans }: HandlerContext): TenantHandlers {
  const { store } = deps;
  const isDemo = async (tenantId: string) => (await demo()).fixture.tenant.id === tenantId;

  return {
    'tenants.list': () =>
      plainErrors(async () => {
        const tenants = await store.listTenants();
        return Promise.all(
          tenants.map(async (tenant) => {
            const finished = (await store.listScans(tenant.id)).filter(
              (s) => s.status === 'complete' || s.status === 'partial',
            );
            return { ...tenant, lastScore: finished.at(-1)?.score ?? null };
          }),
        );
      }),

    'tenants.getSettings': ({ tenantId }) =>
      plainErrors(async () => {
        await tenantOrNotFound(store, tenantId);
        if (await store.hasDeclaredSettings(tenantId)) {
          const settings = (await store.tenantSettings(tenantId)) ?? EMPTY_TENANT_SETTINGS;
          return { settings, declared: true };
        }
        // The demo tenant comes with example declarations, offered until the user saves theirs.
        const offered = (await isDemo(tenantId).catch(() => false))
          ? (await demo()).settings
          : EMPTY_TENANT_SETTINGS;
        return { settings: offered, declared: false };
      }),

    'tenants.setSettings': ({ tenantId, settings }) =>
      plainErrors(async () => {
        const now = deps.clock();
        if (!(await store.findTenant(tenantId)) && (await isDemo(tenantId).catch(() => false))) {
          // The demo tenant can be declared before its first scan.
          await store.upsertTenant((await demo()).fixture.tenant, now);
        }
        await tenantOrNotFound(store, tenantId);
        await store.setTenantSettings(tenantId, settings, now);
        return null;
      }),

    'tenants.delete': ({ tenantId }) =>
      plainErrors(async () => {
        if (scans.activeScanId) {
          throw new ApiError('busy', 'A scan is running. Delete the tenant once it has finished.');
        }
        return { deleted: await store.deleteTenant(tenantId) };
      }),
  };
}
