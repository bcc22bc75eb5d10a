/** Where the user is. Held in memory only: the app never navigates the page itself. */
export type Route =
  | { readonly screen: 'loading' }
  | { readonly screen: 'welcome' }
  | {
      readonly screen: 'scan';
      readonly kind: 'demo' | 'live';
      /** For a rescan of a live tenant: scan only if this is the tenant signed in to. */
      readonly tenantId?: string;
    }
  | { readonly screen: 'declare'; readonly tenantId: string; readonly firstTime: boolean }
  | { readonly screen: 'dashboard' }
  | { readonly screen: 'findings' }
  | { readonly screen: 'finding'; readonly checkId: string }
  | { readonly screen: 'history' }
  | { readonly screen: 'tenants' }
  | { readonly screen: 'settings' };

export type Screen = Route['screen'];

/** The sections in the navigation, in order. */
export const NAV_SECTIONS = [
  { screen: 'dashboard', label: 'Dashboard' },
  { screen: 'findings', label: 'Findings' },
  { screen: 'history', label: 'History' },
  { screen: 'tenants', label: 'Tenants' },
  { screen: 'settings', label: 'Settings' },
] as const satisfies readonly { screen: Screen; label: string }[];

export type NavSection = (typeof NAV_SECTIONS)[number]['screen'];

/** The navigation entry a screen belongs to (a finding belongs to Findings). */
export function sectionOf(route: Route): NavSection | null {
  switch (route.screen) {
    case 'finding':
      return 'findings';
    case 'dashboard':
    case 'findings':
    case 'history':
    case 'tenants':
    case 'settings':
      return route.screen;
    default:
      return null;
  }
}

/** Sections that need a scanned tenant to show anything. */
export function needsScan(section: NavSection): boolean {
  return section === 'dashboard' || section === 'findings' || section === 'history';
}

/** "Scan again" for the tenant on show: the demo again, or this live tenant and no other. */
export function rescanRoute(detail: {
  readonly tenant: { readonly id: string };
  readonly summary: { readonly source: string };
}): Route {
  return detail.summary.source === 'demo'
    ? { screen: 'scan', kind: 'demo' }
    : { screen: 'scan', kind: 'live', tenantId: detail.tenant.id };
}
