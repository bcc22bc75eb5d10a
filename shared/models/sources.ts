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
  // Privileged access
  'roleDefinitions',
  'roleEligibilitySchedules',
  'roleAssignmentSchedules',
  'roleManagementPolicyAssignments',
  // Sign-in methods and passwords
  'authenticationStrengthPolicies',
  'authenticationMethodsPolicy',
  'authenticationMethodsPolicyBeta',
  'userRegistrationDetails',
  'userSignInActivity',
  'groupSettings',
  // Apps and consent
  'servicePrincipals',
  'applications',
  'graphAppRoleAssignments',
  'exchangeAppRoleAssignments',
  'adminConsentRequestPolicy',
  'defaultAppManagementPolicy',
  // Guests and tenant settings
  'groups',
  'b2bManagementPolicy',
  'appsAndServicesSettings',
  'activityBasedTimeoutPolicies',
  'onPremisesSynchronization',
  'deviceRegistrationPolicy',
  'intuneSettings',
  // Logging, detection, Secure Score
  'signIns',
  'riskyUsers',
  'secureScores',
  'secureScoreControlProfiles',
  'auditLogActivity',
  'mailItemsAccessed',
  // Public DNS
  'mailDns',
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
  roleDefinitions: {
    label: 'the admin role definitions',
    permission: 'RoleManagement.Read.Directory',
    roles: 'Global Reader',
  },
  roleEligibilitySchedules: {
    label: 'who is eligible to activate admin roles (Privileged Identity Management)',
    permission: 'RoleEligibilitySchedule.Read.Directory',
    roles: 'Global Reader or Privileged Role Administrator',
    licence: 'Microsoft Entra ID P2',
  },
  roleAssignmentSchedules: {
    label: 'active and time-limited admin role assignments (Privileged Identity Management)',
    permission: 'RoleAssignmentSchedule.Read.Directory',
    roles: 'Global Reader or Privileged Role Administrator',
    licence: 'Microsoft Entra ID P2',
  },
  roleManagementPolicyAssignments: {
    label: 'the activation rules for admin roles (Privileged Identity Management)',
    permission: 'RoleManagementPolicy.Read.Directory',
    roles: 'Global Reader or Privileged Role Administrator',
    licence: 'Microsoft Entra ID P2',
  },
  authenticationStrengthPolicies: {
    label: 'your authentication strengths',
    permission: 'Policy.Read.All',
    roles: 'Global Reader or Security Reader',
  },
  authenticationMethodsPolicy: {
    label: 'your sign-in methods policy',
    permission: 'Policy.Read.AuthenticationMethod',
    roles: 'Global Reader or Authentication Policy Administrator',
  },
  authenticationMethodsPolicyBeta: {
    label: 'your sign-in methods policy (preview settings)',
    permission: 'Policy.Read.AuthenticationMethod',
    roles: 'Global Reader or Authentication Policy Administrator',
  },
  userRegistrationDetails: {
    label: 'which users have registered for MFA',
    permission: 'AuditLog.Read.All',
    roles: 'Global Reader, Reports Reader or Security Reader',
    licence: 'Microsoft Entra ID P1 (included in Microsoft 365 Business Premium)',
  },
  userSignInActivity: {
    label: "your users' last sign-in dates",
    permission: 'AuditLog.Read.All',
    roles: 'Global Reader, Reports Reader or Security Reader',
    licence: 'Microsoft Entra ID P1 (included in Microsoft 365 Business Premium)',
  },
  groupSettings: {
    label: 'your directory-wide settings (password protection)',
    permission: 'Directory.Read.All',
    roles: 'Global Reader',
  },
  servicePrincipals: {
    label: 'the apps connected to your tenant',
    permission: 'Application.Read.All',
    roles: 'Global Reader',
  },
  applications: {
    label: 'your app registrations',
    permission: 'Application.Read.All',
    roles: 'Global Reader',
  },
  graphAppRoleAssignments: {
    label: 'which apps hold Microsoft Graph permissions (such as reading mail)',
    permission: 'Application.Read.All',
    roles: 'Global Reader',
  },
  exchangeAppRoleAssignments: {
    label: 'which apps hold Exchange Online permissions',
    permission: 'Application.Read.All',
    roles: 'Global Reader',
  },
  adminConsentRequestPolicy: {
    label: 'the admin consent request setting',
    permission: 'Policy.Read.All',
    roles: 'Global Reader',
  },
  defaultAppManagementPolicy: {
    label: 'the tenant-wide rules for app credentials',
    permission: 'Policy.Read.All',
    roles: 'Global Reader',
  },
  groups: {
    label: 'your groups',
    permission: 'GroupMember.Read.All',
    roles: 'Global Reader',
  },
  b2bManagementPolicy: {
    label: 'the guest invitation domain rules',
    permission: 'Policy.Read.All',
    roles: 'Global Reader',
  },
  appsAndServicesSettings: {
    label: 'the self-service apps and trials settings',
    permission: 'OrgSettings-AppsAndServices.Read.All',
    roles: 'Global Reader',
  },
  activityBasedTimeoutPolicies: {
    label: 'the idle-session sign-out policy',
    permission: 'Policy.Read.All',
    roles: 'Global Reader',
  },
  onPremisesSynchronization: {
    label: 'your directory synchronisation settings',
    permission: 'OnPremDirectorySynchronization.Read.All',
    roles: 'Global Reader',
  },
  deviceRegistrationPolicy: {
    label: 'the device join and registration settings',
    permission: 'Policy.Read.DeviceConfiguration',
    roles: 'Global Reader',
  },
  intuneSettings: {
    label: 'your Intune device compliance settings',
    permission: 'DeviceManagementServiceConfig.Read.All',
    roles: 'Global Reader or Intune Administrator',
    licence: 'Microsoft Intune',
  },
  signIns: {
    label: 'the last week of sign-in logs',
    permission: 'AuditLog.Read.All',
    roles: 'Global Reader, Reports Reader or Security Reader',
    licence: 'Microsoft Entra ID P1 (included in Microsoft 365 Business Premium)',
  },
  riskyUsers: {
    label: 'users Microsoft flags as risky',
    permission: 'IdentityRiskyUser.Read.All',
    roles: 'Global Reader or Security Reader',
    licence: 'Microsoft Entra ID P2',
  },
  secureScores: {
    label: 'your Microsoft Secure Score',
    permission: 'SecurityEvents.Read.All',
    roles: 'Global Reader or Security Reader',
  },
  secureScoreControlProfiles: {
    label: 'the Microsoft Secure Score controls',
    permission: 'SecurityEvents.Read.All',
    roles: 'Global Reader or Security Reader',
  },
  auditLogActivity: {
    label: 'the unified audit log (last 7 days)',
    permission: 'AuditLogsQuery.Read.All',
    roles: 'Global Reader, Security Reader or Compliance Administrator',
  },
  mailItemsAccessed: {
    label: 'mailbox access records (MailItemsAccessed, last 7 days)',
    permission: 'AuditLogsQuery-Exchange.Read.All',
    roles: 'Global Reader, Security Reader or Compliance Administrator',
  },
  mailDns: {
    label: "your email domains' public DNS records (SPF, DMARC, DKIM, MX)",
    permission: 'none (public DNS)',
    roles: 'none',
  },
};

export function isSourceId(value: string): value is SourceId {
  return (SOURCE_IDS as readonly string[]).includes(value);
}

/** Every Graph permission a full scan needs: all read-only. */
export function requiredGraphPermissions(): string[] {
  return [...new Set(Object.values(SOURCES).map((s) => s.permission))]
    .filter((p) => !p.startsWith('none'))
    .sort();
}
