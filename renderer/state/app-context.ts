import { createContext, useContext } from 'react';
import type { ApiClient } from '../../shared/api/contract';
import type { AppInfo, TenantListItem } from '../../shared/api/views';
import type { CheckMeta } from '../../shared/models/check';
import type { Profile } from '../../shared/models/profile';
import type { FindingFilters } from './finding-filters';
import type { Route } from './navigation';
import type { ThemeChoice } from './theme';

/** What every screen can reach: the api, the catalog, the current tenant and scan, and navigation. */
export interface AppContextValue {
  readonly api: ApiClient;
  readonly info: AppInfo;
  readonly catalog: ReadonlyMap<string, CheckMeta>;
  readonly tenants: readonly TenantListItem[];
  readonly refreshTenants: () => Promise<readonly TenantListItem[]>;
  readonly tenantId: string | null;
  readonly scanId: string | null;
  /** Shows this tenant; its newest finished scan unless a scan is named. */
  readonly openTenant: (tenantId: string, scanId?: string) => Promise<void>;
  /** Shows no tenant (after its data was deleted). */
  readonly closeTenant: () => void;
  readonly route: Route;
  readonly navigate: (route: Route) => void;
  readonly profile: Profile;
  readonly setProfile: (profile: Profile) => void;
  /** The Findings filters, kept while the user opens a finding and comes back. */
  readonly filters: FindingFilters;
  readonly setFilters: (filters: FindingFilters) => void;
  readonly themeChoice: ThemeChoice;
  readonly setThemeChoice: (choice: ThemeChoice) => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp is used outside the app');
  return value;
}
