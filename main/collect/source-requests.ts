import type { SourceId } from '../../shared/models/sources';
import type { GraphQuery } from '../graph/gateway';

/** A Microsoft Graph read. */
export interface GraphSourceRequest {
  readonly kind: 'graph';
  /** Path after the version, e.g. `/users`. */
  readonly path: string;
  /** `collection`: every page; `entity`: one object; `firstPage`: the first page's items only. */
  readonly shape: 'collection' | 'entity' | 'firstPage';
  /** Query options; a function when they depend on the scan time (date filters). */
  readonly query?: GraphQuery | ((now: Date) => GraphQuery);
}

/** A unified audit log search (create query, wait, read records): see audit-log-query.ts. */
export interface AuditQuerySourceRequest {
  readonly kind: 'auditQuery';
  /** Operations to look for; empty means any record. */
  readonly operations: readonly string[];
  readonly days: number;
}

/** Public DNS records of the tenant's email domains: see mail-dns.ts. */
export interface DnsSourceRequest {
  readonly kind: 'dns';
  /** Read first: the domain list. */
  readonly dependsOn: readonly SourceId[];
}

export type SourceRequest = GraphSourceRequest | AuditQuerySourceRequest | DnsSourceRequest;

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
const DAY_MS = 24 * 60 * 60 * 1000;

const graph = (
  path: string,
  shape: GraphSourceRequest['shape'],
  query?: GraphSourceRequest['query'],
) => ({ kind: 'graph', path, shape, ...(query ? { query } : {}) }) as const;

/** How each data source is read. */
export const SOURCE_REQUESTS: Record<SourceId, SourceRequest> = {
  organization: graph('/organization', 'collection', {
    select: [
      'id',
      'displayName',
      'verifiedDomains',
      'onPremisesSyncEnabled',
      'onPremisesLastSyncDateTime',
    ],
  }),
  subscribedSkus: graph('/subscribedSkus', 'collection', {
    select: [
      'skuId',
      'skuPartNumber',
      'capabilityStatus',
      'servicePlans',
      'prepaidUnits',
      'consumedUnits',
    ],
  }),
  securityDefaults: graph('/policies/identitySecurityDefaultsEnforcementPolicy', 'entity'),
  conditionalAccessPolicies: graph('/identity/conditionalAccess/policies', 'collection'),
  roleAssignments: graph('/roleManagement/directory/roleAssignments', 'collection', {
    expand: 'principal',
  }),
  users: graph('/users', 'collection', {
    select: [
      'id',
      'displayName',
      'userPrincipalName',
      'userType',
      'accountEnabled',
      'createdDateTime',
      'onPremisesSyncEnabled',
      'onPremisesImmutableId',
      'assignedLicenses',
      'assignedPlans',
      'provisionedPlans',
    ],
    top: 999,
  }),
  authorizationPolicy: graph('/policies/authorizationPolicy', 'entity'),
  domains: graph('/domains', 'collection'),
  sharepointSettings: graph('/admin/sharepoint/settings', 'entity'),

  roleDefinitions: graph('/roleManagement/directory/roleDefinitions', 'collection', {
    select: ['id', 'displayName', 'templateId', 'isBuiltIn'],
  }),
  roleEligibilitySchedules: graph(
    '/roleManagement/directory/roleEligibilityScheduleInstances',
    'collection',
  ),
  roleAssignmentSchedules: graph(
    '/roleManagement/directory/roleAssignmentScheduleInstances',
    'collection',
  ),
  roleManagementPolicyAssignments: graph(
    '/policies/roleManagementPolicyAssignments',
    'collection',
    {
      filter: "scopeId eq '/' and scopeType eq 'DirectoryRole'",
      expand: 'policy($expand=rules)',
    },
  ),

  authenticationStrengthPolicies: graph('/policies/authenticationStrengthPolicies', 'collection'),
  authenticationMethodsPolicy: graph('/policies/authenticationMethodsPolicy', 'entity'),
  authenticationMethodsPolicyBeta: graph('/policies/authenticationMethodsPolicy', 'entity', {
    version: 'beta',
  }),
  userRegistrationDetails: graph(
    '/reports/authenticationMethods/userRegistrationDetails',
    'collection',
    {
      top: 999,
    },
  ),
  userSignInActivity: graph('/users', 'collection', {
    select: [
      'id',
      'userPrincipalName',
      'userType',
      'accountEnabled',
      'createdDateTime',
      'signInActivity',
    ],
    top: 999,
  }),
  groupSettings: graph('/groupSettings', 'collection'),

  servicePrincipals: graph('/servicePrincipals', 'collection', {
    select: [
      'id',
      'appId',
      'displayName',
      'accountEnabled',
      'appOwnerOrganizationId',
      'servicePrincipalType',
      'verifiedPublisher',
      'passwordCredentials',
      'keyCredentials',
    ],
    top: 999,
  }),
  applications: graph('/applications', 'collection', {
    select: [
      'id',
      'appId',
      'displayName',
      'passwordCredentials',
      'keyCredentials',
      'createdDateTime',
    ],
    top: 999,
  }),
  graphAppRoleAssignments: graph(
    `/servicePrincipals(appId='${GRAPH_APP_ID}')/appRoleAssignedTo`,
    'collection',
    {
      top: 999,
    },
  ),
  exchangeAppRoleAssignments: graph(
    `/servicePrincipals(appId='${EXCHANGE_APP_ID}')/appRoleAssignedTo`,
    'collection',
    {
      top: 999,
    },
  ),
  adminConsentRequestPolicy: graph('/policies/adminConsentRequestPolicy', 'entity'),
  defaultAppManagementPolicy: graph('/policies/defaultAppManagementPolicy', 'entity'),

  groups: graph('/groups', 'collection', {
    select: [
      'id',
      'displayName',
      'groupTypes',
      'visibility',
      'securityEnabled',
      'mailEnabled',
      'createdDateTime',
    ],
    top: 999,
  }),
  b2bManagementPolicy: graph('/legacy/policies', 'collection', { version: 'beta' }),
  appsAndServicesSettings: graph('/admin/appsAndServices/settings', 'entity', { version: 'beta' }),
  activityBasedTimeoutPolicies: graph('/policies/activityBasedTimeoutPolicies', 'collection'),
  onPremisesSynchronization: graph('/directory/onPremisesSynchronization', 'collection'),
  deviceRegistrationPolicy: graph('/policies/deviceRegistrationPolicy', 'entity', {
    version: 'beta',
  }),
  intuneSettings: graph('/deviceManagement/settings', 'entity'),

  signIns: graph('/auditLogs/signIns', 'collection', (now) => ({
    filter: `createdDateTime ge ${new Date(now.getTime() - 7 * DAY_MS).toISOString()}`,
    select: [
      'id',
      'createdDateTime',
      'userId',
      'userPrincipalName',
      'userDisplayName',
      'appDisplayName',
      'clientAppUsed',
      'status',
    ],
    top: 999,
  })),
  riskyUsers: graph('/identityProtection/riskyUsers', 'collection'),
  // Newest first, one per day: the last 30 days give the trend (SS-001); the first is current.
  secureScores: graph('/security/secureScores', 'firstPage', { top: 30 }),
  secureScoreControlProfiles: graph('/security/secureScoreControlProfiles', 'collection'),
  auditLogActivity: { kind: 'auditQuery', operations: [], days: 7 },
  mailItemsAccessed: { kind: 'auditQuery', operations: ['MailItemsAccessed'], days: 7 },
  mailDns: { kind: 'dns', dependsOn: ['domains'] },
};
