import type { Link } from '../../shared/models/check';

/** Admin-center pages the remediation steps send people to. */
export const LINKS = {
  caPolicies: {
    label: 'Entra admin center › Conditional Access › Policies',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/Policies',
  },
  tenantProperties: {
    label: 'Entra admin center › Overview › Properties',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/TenantOverview.ReactView',
  },
  roles: {
    label: 'Entra admin center › Roles & admins',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/RolesManagementMenuBlade/~/AllRoles',
  },
  activeUsers: {
    label: 'Microsoft 365 admin center › Users › Active users',
    url: 'https://admin.microsoft.com/#/users',
  },
  passwordExpiry: {
    label: 'Microsoft 365 admin center › Settings › Org settings › Security & privacy',
    url: 'https://admin.microsoft.com/#/Settings/SecurityPrivacy',
  },
  externalCollaboration: {
    label: 'Entra admin center › External Identities › External collaboration settings',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AllowlistPolicyBlade',
  },
  userConsent: {
    label: 'Entra admin center › Enterprise apps › Consent and permissions',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ConsentPoliciesMenuBlade/~/UserSettings',
  },
  userSettings: {
    label: 'Entra admin center › Users › User settings',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/UserSettings',
  },
  sharepointSharing: {
    label: 'SharePoint admin center › Policies › Sharing',
    url: 'https://admin.microsoft.com/sharepoint?page=sharing&modern=true',
  },
} as const satisfies Record<string, Link>;

export const LEARN = {
  caMfaAllUsers: {
    label: 'Microsoft Learn: Require MFA for all users',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-mfa-strength',
  },
  caMfaAdmins: {
    label: 'Microsoft Learn: Require MFA for administrators',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-old-require-mfa-admin',
  },
  caBlockLegacy: {
    label: 'Microsoft Learn: Block legacy authentication',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-block-legacy-authentication',
  },
  securityDefaults: {
    label: 'Microsoft Learn: Security defaults',
    url: 'https://learn.microsoft.com/entra/fundamentals/security-defaults',
  },
  privilegedAccess: {
    label: 'Microsoft Learn: Best practices for Microsoft Entra roles',
    url: 'https://learn.microsoft.com/entra/identity/role-based-access-control/best-practices',
  },
  emergencyAccess: {
    label: 'Microsoft Learn: Manage emergency access accounts',
    url: 'https://learn.microsoft.com/entra/identity/role-based-access-control/security-emergency-access',
  },
  storm0558: {
    label: 'CISA advisory AA23-193A (Storm-0558)',
    url: 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-193a',
  },
  passwordExpiry: {
    label: 'Microsoft Learn: Set the password expiration policy',
    url: 'https://learn.microsoft.com/microsoft-365/admin/manage/set-password-expiration-policy',
  },
  guestAccess: {
    label: 'Microsoft Learn: Restrict guest access permissions',
    url: 'https://learn.microsoft.com/entra/identity/users/users-restrict-guest-permissions',
  },
  externalCollaboration: {
    label: 'Microsoft Learn: Configure external collaboration settings',
    url: 'https://learn.microsoft.com/entra/external-id/external-collaboration-settings-configure',
  },
  userConsent: {
    label: 'Microsoft Learn: Configure how users consent to applications',
    url: 'https://learn.microsoft.com/entra/identity/enterprise-apps/configure-user-consent',
  },
  appRegistration: {
    label: 'Microsoft Learn: Restrict who can create applications',
    url: 'https://learn.microsoft.com/entra/identity/role-based-access-control/delegate-app-roles',
  },
  sharepointSharing: {
    label: 'Microsoft Learn: Manage sharing settings for SharePoint and OneDrive',
    url: 'https://learn.microsoft.com/sharepoint/turn-external-sharing-on-or-off',
  },
} as const satisfies Record<string, Link>;
