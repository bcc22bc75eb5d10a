/**
 * The data sources a scan can read. Collection knows how to fetch each one; checks declare which
 * ones they need. Labels and permissions are what the user is told when a source cannot be read.
 */
export const SOURCE_IDS = [
  'organization',
  'subscribedSkus',
  'securityDefaults',
  'conditionalAccessPolicies',
  'roleAssignments',
  'users',
  'authorizationPolicy',
  'domains',
  'sharepointSettings',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export interface SourceInfo {
  /** What it is, in plain words ("your Conditional Access policies"). */
  readonly label: string;
  /** Least-privilege Microsoft Graph permission that reads it. */
  readonly permission: string;
  /** Directory roles that let a signed-in person read it. */
  readonly roles: string;
  /** Licence the tenant needs before Microsoft lets anyone read it, if any. */
  readonly licence?: string;
}

export const SOURCES: Record<SourceId, SourceInfo> = {
  organization: {
    label: 'your organisation profile',
    permission: 'Organization.Read.All',
    roles: 'Global Reader',
  },
  subscribedSkus: {
    label: 'your licences',
    permission: 'Organization.Read.All',
    roles: 'Global Reader',
  },
  securityDefaults: {
    label: 'the Security Defaults setting',
    permission: 'Policy.Read.All',
    roles: 'Global Reader or Security Reader',
  },
  conditionalAccessPolicies: {
    label: 'your Conditional Access policies',
    permission: 'Policy.Read.All',
    roles: 'Global Reader or Security Reader',
    licence: 'Microsoft Entra ID P1 (included in Microsoft 365 Business Premium)',
  },
  roleAssignments: {
    label: 'who holds admin roles',
    permission: 'RoleManagement.Read.Directory',
    roles: 'Global Reader',
  },
  users: {
    label: 'your user accounts',
    permission: 'User.Read.All',
    roles: 'Global Reader',
  },
  authorizationPolicy: {
    label: 'your tenant-wide user and guest settings',
    permission: 'Policy.Read.All',
    roles: 'Global Reader or Security Reader',
  },
  domains: {
    label: 'your domains',
    permission: 'Domain.Read.All',
    roles: 'Global Reader',
  },
  sharepointSettings: {
    label: 'your SharePoint and OneDrive sharing settings',
    permission: 'SharePointTenantSettings.Read.All',
    roles: 'Global Reader or SharePoint Administrator',
    licence: 'SharePoint Online',
  },
};

export function isSourceId(value: string): value is SourceId {
  return (SOURCE_IDS as readonly string[]).includes(value);
}

/** Every Graph permission a full scan needs: all read-only. */
export function requiredGraphPermissions(): string[] {
  return [...new Set(Object.values(SOURCES).map((s) => s.permission))].sort();
}
