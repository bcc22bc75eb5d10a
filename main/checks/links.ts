import type { Link } from '../../shared/models/check';

/** Admin-center pages the remediation steps send people to. */
export const LINKS = {
  caPolicies: {
    label: 'Entra admin center › Conditional Access › Policies',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/Policies',
  },
  // Conditional Access and sign-in methods
  caNamedLocations: {
    label: 'Entra admin center › Conditional Access › Named locations',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/NamedLocations',
  },
  authStrengths: {
    label: 'Entra admin center › Authentication methods › Authentication strengths',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AuthStrengths',
  },
  authMethodsPolicies: {
    label: 'Entra admin center › Authentication methods › Policies',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods',
  },
  authMethodsSettings: {
    label: 'Entra admin center › Authentication methods › Settings',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AuthMethodsSettings',
  },
  authRegistrationDetails: {
    label: 'Entra admin center › Authentication methods › User registration details',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/UserRegistrationDetails',
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
  // Privileged access, apps and passwords
  pimRoles: {
    label:
      'Entra admin center › ID Governance › Privileged Identity Management › Microsoft Entra roles',
    url: 'https://entra.microsoft.com/#view/Microsoft_Azure_PIMCommon/ResourceMenuBlade/~/roles/resourceId//resourceType/tenant/provider/aadroles',
  },
  pimRoleSettings: {
    label:
      'Entra admin center › ID Governance › Privileged Identity Management › Microsoft Entra roles › Settings',
    url: 'https://entra.microsoft.com/#view/Microsoft_Azure_PIMCommon/ResourceMenuBlade/~/roleSettings/resourceId//resourceType/tenant/provider/aadroles',
  },
  appRegistrations: {
    label: 'Entra admin center › App registrations',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade/quickStartType~/null/sourceType/Microsoft_AAD_IAM',
  },
  enterpriseApps: {
    label: 'Entra admin center › Enterprise apps › All applications',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview/menuId~/null',
  },
  adminConsentSettings: {
    label:
      'Entra admin center › Enterprise apps › Consent and permissions › Admin consent settings',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ConsentPoliciesMenuBlade/~/AdminConsentSettings',
  },
  passwordProtection: {
    label: 'Entra admin center › Authentication methods › Password protection',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/PasswordProtection',
  },
  graphExplorer: {
    label: 'Microsoft Graph Explorer',
    url: 'https://developer.microsoft.com/graph/graph-explorer',
  },
  sharepointSharing: {
    label: 'SharePoint admin center › Policies › Sharing',
    url: 'https://admin.microsoft.com/sharepoint?page=sharing&modern=true',
  },
  // Guests, tenant settings, SharePoint and OneDrive
  allUsers: {
    label: 'Entra admin center › Users › All users',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers',
  },
  deviceSettings: {
    label: 'Entra admin center › Devices › Device settings',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_Devices/DevicesMenuBlade/~/DeviceSettings/menuId~/null',
  },
  entraConnect: {
    label: 'Entra admin center › Hybrid management › Microsoft Entra Connect',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_Connect_Provisioning/AADConnectMenuBlade/~/GetStarted',
  },
  groups: {
    label: 'Microsoft 365 admin center › Teams & groups › Active teams & groups',
    url: 'https://admin.microsoft.com/#/groups',
  },
  officeOnWeb: {
    label: 'Microsoft 365 admin center › Settings › Org settings › Microsoft 365 on the web',
    url: 'https://admin.microsoft.com/#/Settings/Services/:/Settings/L1/OfficeOnline',
  },
  userOwnedApps: {
    label: 'Microsoft 365 admin center › Settings › Org settings › User owned apps and services',
    url: 'https://admin.microsoft.com/#/Settings/Services/:/Settings/L1/Store',
  },
  idleSessionTimeout: {
    label: 'Microsoft 365 admin center › Settings › Org settings › Security & privacy',
    url: 'https://admin.microsoft.com/#/Settings/SecurityPrivacy',
  },
  intuneCompliance: {
    label: 'Intune admin center › Devices › Compliance',
    url: 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/DevicesMenu/~/compliance',
  },
  intuneAccountProtection: {
    label: 'Intune admin center › Endpoint security › Account protection',
    url: 'https://intune.microsoft.com/#view/Microsoft_Intune_Workflows/SecurityManagementMenu/~/accountprotection',
  },
  sharepointAccessControl: {
    label: 'SharePoint admin center › Policies › Access control',
    url: 'https://admin.microsoft.com/sharepoint?page=accessControl&modern=true',
  },
  sharepointSettings: {
    label: 'SharePoint admin center › Settings',
    url: 'https://admin.microsoft.com/sharepoint?page=settings&modern=true',
  },
  // Logging, Secure Score and email authentication
  purviewAudit: {
    label: 'Microsoft Purview portal › Solutions › Audit',
    url: 'https://purview.microsoft.com/audit/auditsearch',
  },
  exchangeAdmin: {
    label: 'Exchange admin center',
    url: 'https://admin.exchange.microsoft.com/',
  },
  licences: {
    label: 'Microsoft 365 admin center › Billing › Licenses',
    url: 'https://admin.microsoft.com/#/licenses',
  },
  entraDiagnosticSettings: {
    label: 'Entra admin center › Identity › Monitoring & health › Diagnostic settings',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/DiagnosticSettings',
  },
  logAnalytics: {
    label: 'Azure portal › Log Analytics workspaces',
    url: 'https://portal.azure.com/#browse/Microsoft.OperationalInsights%2Fworkspaces',
  },
  signInLogs: {
    label: 'Entra admin center › Identity › Monitoring & health › Sign-in logs',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/SignIns',
  },
  riskyUsers: {
    label: 'Entra admin center › Protection › Identity Protection › Risky users',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/SecurityMenuBlade/~/RiskyUsers',
  },
  secureScore: {
    label: 'Microsoft Defender portal › Exposure management › Secure Score',
    url: 'https://security.microsoft.com/securescore',
  },
  domains: {
    label: 'Microsoft 365 admin center › Settings › Domains',
    url: 'https://admin.microsoft.com/#/Domains',
  },
  emailAuthentication: {
    label:
      'Microsoft Defender portal › Email & collaboration › Policies & rules › Threat policies › Email authentication settings',
    url: 'https://security.microsoft.com/authentication?viewid=DKIM',
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
  caPhishingResistantAdmins: {
    label: 'Microsoft Learn: Require phishing-resistant MFA for administrators',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-admin-phish-resistant-mfa',
  },
  authStrengths: {
    label: 'Microsoft Learn: Conditional Access authentication strength',
    url: 'https://learn.microsoft.com/entra/identity/authentication/concept-authentication-strengths',
  },
  caBlockDeviceCode: {
    label: 'Microsoft Learn: Block authentication flows (device code)',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-block-authentication-flows',
  },
  caSignInRisk: {
    label: 'Microsoft Learn: Require MFA for risky sign-ins',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-risk-based-sign-in',
  },
  caUserRisk: {
    label: 'Microsoft Learn: Require a secure password change for risky users',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-risk-based-user',
  },
  caSessionLifetime: {
    label: 'Microsoft Learn: Sign-in frequency and persistent browser sessions',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/concept-session-lifetime',
  },
  caTokenProtection: {
    label: 'Microsoft Learn: Token protection in Conditional Access',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/concept-token-protection',
  },
  caCompliantDevice: {
    label: 'Microsoft Learn: Require a compliant or hybrid-joined device',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-device-compliance',
  },
  caSecurityInfo: {
    label: 'Microsoft Learn: Protect security info registration',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-security-info-registration',
  },
  caPlanning: {
    label: 'Microsoft Learn: Plan a Conditional Access deployment',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/plan-conditional-access',
  },
  authenticatorContext: {
    label: 'Microsoft Learn: Show app name and location in Authenticator notifications',
    url: 'https://learn.microsoft.com/entra/identity/authentication/how-to-mfa-additional-context',
  },
  authMethodsManage: {
    label: 'Microsoft Learn: Manage authentication methods',
    url: 'https://learn.microsoft.com/entra/identity/authentication/concept-authentication-methods-manage',
  },
  authMethodsMigration: {
    label:
      'Microsoft Learn: Migrate MFA and password reset settings to the Authentication methods policy',
    url: 'https://learn.microsoft.com/entra/identity/authentication/how-to-authentication-methods-manage',
  },
  systemPreferredMfa: {
    label: 'Microsoft Learn: System-preferred multifactor authentication',
    url: 'https://learn.microsoft.com/entra/identity/authentication/concept-system-preferred-multifactor-authentication',
  },
  mfaRegistrationReport: {
    label: 'Microsoft Learn: Authentication methods activity and registration details',
    url: 'https://learn.microsoft.com/entra/identity/authentication/howto-authentication-methods-activity',
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
  // Privileged access, apps and passwords
  pim: {
    label: 'Microsoft Learn: Start using Privileged Identity Management',
    url: 'https://learn.microsoft.com/entra/id-governance/privileged-identity-management/pim-getting-started',
  },
  pimRoleSettings: {
    label: 'Microsoft Learn: Configure Microsoft Entra role settings in PIM',
    url: 'https://learn.microsoft.com/entra/id-governance/privileged-identity-management/pim-how-to-change-default-settings',
  },
  inactiveAccounts: {
    label: 'Microsoft Learn: Manage inactive user accounts',
    url: 'https://learn.microsoft.com/entra/identity/monitoring-health/howto-manage-inactive-user-accounts',
  },
  appCredentials: {
    label: 'Microsoft Learn: Security best practices for application properties',
    url: 'https://learn.microsoft.com/entra/identity-platform/security-best-practices-for-app-registration',
  },
  appManagementPolicy: {
    label: 'Microsoft Learn: Update the tenant-wide app management policy',
    url: 'https://learn.microsoft.com/graph/api/tenantappmanagementpolicy-update',
  },
  adminConsentWorkflow: {
    label: 'Microsoft Learn: Configure the admin consent workflow',
    url: 'https://learn.microsoft.com/entra/identity/enterprise-apps/configure-admin-consent-workflow',
  },
  appPermissions: {
    label: 'Microsoft Learn: Review permissions granted to enterprise applications',
    url: 'https://learn.microsoft.com/entra/identity/enterprise-apps/manage-application-permissions',
  },
  exchangeAppAccess: {
    label: 'Microsoft Learn: Role-based access control for applications in Exchange Online',
    url: 'https://learn.microsoft.com/exchange/permissions-exo/application-rbac',
  },
  msolRetirement: {
    label: 'Microsoft Learn: Migrate from MSOnline PowerShell to Microsoft Graph PowerShell',
    url: 'https://learn.microsoft.com/powershell/microsoftgraph/migration-steps',
  },
  smartLockout: {
    label: 'Microsoft Learn: Protect accounts with smart lockout',
    url: 'https://learn.microsoft.com/entra/identity/authentication/howto-password-smart-lockout',
  },
  bannedPasswords: {
    label: 'Microsoft Learn: Eliminate bad passwords with password protection',
    url: 'https://learn.microsoft.com/entra/identity/authentication/concept-password-ban-bad',
  },
  bannedPasswordsOnPremises: {
    label: 'Microsoft Learn: Enable on-premises password protection',
    url: 'https://learn.microsoft.com/entra/identity/authentication/howto-password-ban-bad-on-premises-operations',
  },
  sharepointSharing: {
    label: 'Microsoft Learn: Manage sharing settings for SharePoint and OneDrive',
    url: 'https://learn.microsoft.com/sharepoint/turn-external-sharing-on-or-off',
  },
  // Guests, tenant settings, SharePoint and OneDrive
  guestDomains: {
    label: 'Microsoft Learn: Allow or block invitations to specific organizations',
    url: 'https://learn.microsoft.com/entra/external-id/allow-deny-list',
  },
  staleGuests: {
    label: 'Microsoft Learn: Find and remove unused guest accounts',
    url: 'https://learn.microsoft.com/entra/identity/users/clean-up-stale-guest-accounts',
  },
  defaultUserPermissions: {
    label: 'Microsoft Learn: Default user permissions in Microsoft Entra ID',
    url: 'https://learn.microsoft.com/entra/fundamentals/users-default-permissions',
  },
  deviceSettings: {
    label: 'Microsoft Learn: Manage device identities and device settings',
    url: 'https://learn.microsoft.com/entra/identity/devices/manage-device-identities',
  },
  groupPrivacy: {
    label: 'Microsoft Learn: Manage Microsoft 365 groups',
    url: 'https://learn.microsoft.com/microsoft-365/admin/create-groups/manage-groups',
  },
  thirdPartyStorage: {
    label: 'Microsoft Learn: Turn third-party storage services on or off',
    url: 'https://learn.microsoft.com/microsoft-365/admin/setup/set-up-file-storage-and-sharing#enable-or-disable-third-party-storage-services',
  },
  userOwnedApps: {
    label: 'Microsoft Learn: Manage add-ins in the Microsoft 365 admin center',
    url: 'https://learn.microsoft.com/microsoft-365/admin/manage/manage-addins-in-the-admin-center',
  },
  idleSessionTimeout: {
    label: 'Microsoft Learn: Idle session timeout for Microsoft 365 web apps',
    url: 'https://learn.microsoft.com/microsoft-365/admin/manage/idle-session-timeout-web-apps',
  },
  passwordHashSync: {
    label: 'Microsoft Learn: What is password hash synchronization?',
    url: 'https://learn.microsoft.com/entra/identity/hybrid/connect/whatis-phs',
  },
  localAdmins: {
    label: 'Microsoft Learn: Manage local administrators on Microsoft Entra joined devices',
    url: 'https://learn.microsoft.com/entra/identity/devices/assign-local-admin',
  },
  laps: {
    label: 'Microsoft Learn: Windows Local Administrator Password Solution in Microsoft Entra ID',
    url: 'https://learn.microsoft.com/entra/identity/devices/howto-manage-local-admin-passwords',
  },
  intuneCompliance: {
    label: 'Microsoft Learn: Device compliance policies in Microsoft Intune',
    url: 'https://learn.microsoft.com/intune/intune-service/protect/device-compliance-get-started',
  },
  sharepointDomains: {
    label: 'Microsoft Learn: Restrict sharing of SharePoint and OneDrive content by domain',
    url: 'https://learn.microsoft.com/sharepoint/restricted-domains-sharing',
  },
  sharepointLegacyAuth: {
    label: 'Microsoft Learn: Set-SPOTenant (LegacyAuthProtocolsEnabled)',
    url: 'https://learn.microsoft.com/powershell/module/sharepoint-online/set-spotenant',
  },
  onedriveSyncDomains: {
    label: 'Microsoft Learn: Allow syncing only on computers joined to specific domains',
    url: 'https://learn.microsoft.com/sharepoint/allow-syncing-only-on-specific-domains',
  },
  // Logging, Secure Score and email authentication
  auditOnOff: {
    label: 'Microsoft Learn: Turn auditing on or off',
    url: 'https://learn.microsoft.com/purview/audit-log-enable-disable',
  },
  mailboxAuditing: {
    label: 'Microsoft Learn: Manage mailbox auditing',
    url: 'https://learn.microsoft.com/purview/audit-mailboxes',
  },
  mailItemsAccessed: {
    label: 'Microsoft Learn: Use MailItemsAccessed to investigate compromised accounts',
    url: 'https://learn.microsoft.com/purview/audit-log-investigate-accounts',
  },
  auditRetention: {
    label: 'Microsoft Learn: Manage audit log retention policies',
    url: 'https://learn.microsoft.com/purview/audit-log-retention-policies',
  },
  entraDiagnostics: {
    label: 'Microsoft Learn: Integrate Microsoft Entra logs with Azure Monitor logs',
    url: 'https://learn.microsoft.com/entra/identity/monitoring-health/howto-integrate-activity-logs-with-azure-monitor-logs',
  },
  signInLogs: {
    label: 'Microsoft Learn: Sign-in logs in Microsoft Entra ID',
    url: 'https://learn.microsoft.com/entra/identity/monitoring-health/concept-sign-ins',
  },
  riskyUsers: {
    label: 'Microsoft Learn: Investigate risk with Identity Protection',
    url: 'https://learn.microsoft.com/entra/id-protection/howto-identity-protection-investigate-risk',
  },
  secureScore: {
    label: 'Microsoft Learn: Microsoft Secure Score',
    url: 'https://learn.microsoft.com/defender-xdr/microsoft-secure-score',
  },
  dnsRecords: {
    label: 'Microsoft Learn: Add DNS records to connect your domain',
    url: 'https://learn.microsoft.com/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider',
  },
  spf: {
    label: 'Microsoft Learn: Set up SPF to identify valid email sources',
    url: 'https://learn.microsoft.com/defender-office-365/email-authentication-spf-configure',
  },
  dmarc: {
    label: 'Microsoft Learn: Set up DMARC to validate the From address',
    url: 'https://learn.microsoft.com/defender-office-365/email-authentication-dmarc-configure',
  },
  dkim: {
    label: 'Microsoft Learn: Set up DKIM to sign mail from your domain',
    url: 'https://learn.microsoft.com/defender-office-365/email-authentication-dkim-configure',
  },
} as const satisfies Record<string, Link>;
