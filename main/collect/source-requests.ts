import type { SourceId } from '../../shared/models/sources';
import type { GraphQuery } from '../graph/gateway';

export interface SourceRequest {
  /** Graph v1.0 path. */
  readonly path: string;
  /** A collection is read whole (all pages); an entity is one object. */
  readonly shape: 'collection' | 'entity';
  readonly query?: GraphQuery;
}

/** How each data source is read from Microsoft Graph. */
export const SOURCE_REQUESTS: Record<SourceId, SourceRequest> = {
  organization: {
    path: '/organization',
    shape: 'collection',
    query: { select: ['id', 'displayName', 'verifiedDomains', 'onPremisesSyncEnabled'] },
  },
  subscribedSkus: {
    path: '/subscribedSkus',
    shape: 'collection',
    query: {
      select: [
        'skuId',
        'skuPartNumber',
        'capabilityStatus',
        'servicePlans',
        'prepaidUnits',
        'consumedUnits',
      ],
    },
  },
  securityDefaults: {
    path: '/policies/identitySecurityDefaultsEnforcementPolicy',
    shape: 'entity',
  },
  conditionalAccessPolicies: {
    path: '/identity/conditionalAccess/policies',
    shape: 'collection',
  },
  roleAssignments: {
    path: '/roleManagement/directory/roleAssignments',
    shape: 'collection',
    query: { expand: 'principal' },
  },
  users: {
    path: '/users',
    shape: 'collection',
    query: {
      select: [
        'id',
        'displayName',
        'userPrincipalName',
        'userType',
        'accountEnabled',
        'onPremisesSyncEnabled',
        'onPremisesImmutableId',
        'assignedLicenses',
        'provisionedPlans',
      ],
      top: 999,
    },
  },
  authorizationPolicy: {
    path: '/policies/authorizationPolicy',
    shape: 'entity',
  },
  domains: {
    path: '/domains',
    shape: 'collection',
  },
  sharepointSettings: {
    path: '/admin/sharepoint/settings',
    shape: 'entity',
  },
};
