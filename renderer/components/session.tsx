import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../shared/api/contract';
import type { AppInfo, TenantListItem } from '../../shared/api/views';
import type { CheckMeta } from '../../shared/models/check';
import type { Profile } from '../../shared/models/profile';
import { AppContext, type AppContextValue } from '../state/app-context';
import { NO_FILTERS, type FindingFilters } from '../state/finding-filters';
import { latestUsableScan } from '../state/history';
import type { Route } from '../state/navigation';
import { loadProfile, saveProfile } from '../state/preferences';
import { ScanContext, type ScanState } from '../state/scan-context';
import type { ThemeChoice } from '../state/theme';
import { useAsync } from '../state/use-async';

interface SessionProps {
  readonly api: ApiClient;
  readonly info: AppInfo;
  readonly catalog: readonly CheckMeta[];
  readonly initialTenants: readonly TenantListItem[];
  readonly themeChoice: ThemeChoice;
  readonly setThemeChoice: (choice: ThemeChoice) => void;
  readonly children: ReactNode;
}

function mostRecent(tenants: readonly TenantListItem[]): TenantListItem | undefined {
  return [...tenants]
    .filter((t) => t.lastScanAt)
    .sort((a, b) => Date.parse(b.lastScanAt ?? '') - Date.parse(a.lastScanAt ?? ''))[0];
}

/** Holds the session: current tenant and scan, navigation, filters and preferences. */
export function Session(props: SessionProps) {
  const { api } = props;
  const [tenants, setTenants] = useState(props.initialTenants);
  const [tenantId, setTenantId] = useState<string | null>(null);
  const [scanId, setScanId] = useState<string | null>(null);
  const [route, setRoute] = useState<Route>({ screen: 'loading' });
  const [profile, setProfileState] = useState<Profile>(loadProfile);
  const [filters, setFilters] = useState<FindingFilters>(NO_FILTERS);

  const refreshTenants = useCallback(async () => {
    const list = await api.call('tenants.list', {});
    setTenants(list);
    return list;
  }, [api]);

  const openTenant = useCallback(
    async (id: string, scan?: string) => {
      const chosen =
        scan ?? latestUsableScan(await api.call('scans.list', { tenantId: id }))?.id ?? null;
      setTenantId(id);
      setScanId(chosen);
      setFilters(NO_FILTERS);
    },
    [api],
  );

  const closeTenant = useCallback(() => {
    setTenantId(null);
    setScanId(null);
    setFilters(NO_FILTERS);
  }, []);

  useEffect(() => {
    const start = mostRecent(props.initialTenants);
    if (!start) {
      setRoute({ screen: 'welcome' });
      return;
    }
    openTenant(start.id).then(
      () => setRoute({ screen: 'dashboard' }),
      () => setRoute({ screen: 'tenants' }),
    );
  }, [openTenant, props.initialTenants]);

  const setProfile = useCallback((p: Profile) => {
    saveProfile(p);
    setProfileState(p);
  }, []);

  const catalog = useMemo(() => new Map(props.catalog.map((c) => [c.id, c])), [props.catalog]);

  const value: AppContextValue = {
    api,
    info: props.info,
    catalog,
    tenants,
    refreshTenants,
    tenantId,
    scanId,
    openTenant,
    closeTenant,
    route,
    navigate: setRoute,
    profile,
    setProfile,
    filters,
    setFilters,
    themeChoice: props.themeChoice,
    setThemeChoice: props.setThemeChoice,
  };

  const detail = useAsync(
    () => (scanId ? api.call('scans.get', { scanId }) : Promise.resolve(null)),
    [api, scanId],
  );
  const scan: ScanState =
    detail.status === 'ready'
      ? detail.data
        ? { status: 'ready', data: detail.data, reload: detail.reload }
        : { status: 'none', reload: detail.reload }
      : detail;

  return (
    <AppContext.Provider value={value}>
      <ScanContext.Provider value={scan}>{props.children}</ScanContext.Provider>
    </AppContext.Provider>
  );
}
