import { isSourceId, type SourceId } from '../../shared/models/sources';
import type { SourceProgress } from './scan-progress';

/** How the scan screen groups data sources, so progress reads as a few plain areas. */
export const SOURCE_GROUPS = [
  'Your organisation and licences',
  'Sign-in and admin accounts',
  'Apps connected to your tenant',
  'Guests, groups and sharing',
  'Logging and detection',
  'Email domains (public DNS)',
] as const;
export type SourceGroup = (typeof SOURCE_GROUPS)[number];

const GROUP_OF: Record<SourceId, SourceGroup> = {
  organization: 'Your organisation and licences',
  subscribedSkus: 'Your organisation and licences',
  domains: 'Your organisation and licences',
  onPremisesSynchronization: 'Your organisation and licences',
  intuneSettings: 'Your organisation and licences',
  deviceRegistrationPolicy: 'Your organisation and licences',
  appsAndServicesSettings: 'Your organisation and licences',
  securityDefaults: 'Sign-in and admin accounts',
  conditionalAccessPolicies: 'Sign-in and admin accounts',
  roleAssignments: 'Sign-in and admin accounts',
  users: 'Sign-in and admin accounts',
  roleDefinitions: 'Sign-in and admin accounts',
  roleEligibilitySchedules: 'Sign-in and admin accounts',
  roleAssignmentSchedules: 'Sign-in and admin accounts',
  roleManagementPolicyAssignments: 'Sign-in and admin accounts',
  authenticationStrengthPolicies: 'Sign-in and admin accounts',
  authenticationMethodsPolicy: 'Sign-in and admin accounts',
  authenticationMethodsPolicyBeta: 'Sign-in and admin accounts',
  userRegistrationDetails: 'Sign-in and admin accounts',
  userSignInActivity: 'Sign-in and admin accounts',
  groupSettings: 'Sign-in and admin accounts',
  activityBasedTimeoutPolicies: 'Sign-in and admin accounts',
  servicePrincipals: 'Apps connected to your tenant',
  applications: 'Apps connected to your tenant',
  graphAppRoleAssignments: 'Apps connected to your tenant',
  exchangeAppRoleAssignments: 'Apps connected to your tenant',
  adminConsentRequestPolicy: 'Apps connected to your tenant',
  defaultAppManagementPolicy: 'Apps connected to your tenant',
  authorizationPolicy: 'Guests, groups and sharing',
  groups: 'Guests, groups and sharing',
  b2bManagementPolicy: 'Guests, groups and sharing',
  sharepointSettings: 'Guests, groups and sharing',
  signIns: 'Logging and detection',
  riskyUsers: 'Logging and detection',
  secureScores: 'Logging and detection',
  secureScoreControlProfiles: 'Logging and detection',
  auditLogActivity: 'Logging and detection',
  mailItemsAccessed: 'Logging and detection',
  mailDns: 'Email domains (public DNS)',
};

export function groupOfSource(source: string): SourceGroup {
  return isSourceId(source) ? GROUP_OF[source] : 'Your organisation and licences';
}

export interface GroupProgress {
  readonly group: SourceGroup;
  readonly sources: readonly SourceProgress[];
  readonly read: number;
  readonly failed: number;
  readonly reading: number;
}

/** Sources by group, in a fixed order; groups with nothing started yet are left out. */
export function groupSources(sources: readonly SourceProgress[]): GroupProgress[] {
  return SOURCE_GROUPS.map((group) => {
    const inGroup = sources.filter((s) => groupOfSource(s.source) === group);
    return {
      group,
      sources: inGroup,
      read: inGroup.filter((s) => s.state === 'read').length,
      failed: inGroup.filter((s) => s.state === 'could-not-read').length,
      reading: inGroup.filter((s) => s.state === 'reading').length,
    };
  }).filter((g) => g.sources.length > 0);
}

/** "4 of 6 read, 1 could not be read, 1 in progress". */
export function groupText(g: GroupProgress): string {
  const parts = [`${g.read} of ${g.sources.length} read`];
  if (g.failed > 0) parts.push(`${g.failed} could not be read`);
  if (g.reading > 0) parts.push(`${g.reading} in progress`);
  return parts.join(', ');
}
