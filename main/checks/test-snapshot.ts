/**
 * Builders for check tests: a tenant snapshot from plain source data, an evaluation context, and
 * the Graph objects the checks read most often. Used only by `*.test.ts` files in this folder.
 */
import type { Finding } from '../../shared/models/finding';
import type { Profile } from '../../shared/models/profile';
import type {
  SourceError,
  SourceErrorKind,
  SourceResult,
  TenantSnapshot,
} from '../../shared/models/snapshot';
import { SOURCE_IDS, SOURCES, type SourceId } from '../../shared/models/sources';
import { EMPTY_TENANT_SETTINGS, type TenantSettings } from '../../shared/models/tenant';
import type { UnknownReason } from '../../shared/models/verdict';
import { evaluateAll } from './catalog';
import type { Check, EvaluationContext } from './check';
import { GLOBAL_ADMIN, PRIVILEGED_ROLES } from './directory';

export const COLLECTED_AT = '2026-11-02T09:00:00.000Z';
export const NOW = new Date(COLLECTED_AT);

export type SourceData = Partial<Record<SourceId, unknown>>;
export type SourceErrors = Partial<Record<SourceId, SourceError>>;

/** A snapshot whose sources hold `data` (read) or `errors` (could not be read); others were not collected. */
export function snapshotWith(data: SourceData, errors: SourceErrors = {}): TenantSnapshot {
  const sources: Partial<Record<SourceId, SourceResult>> = {};
  for (const id of SOURCE_IDS) {
    const error = errors[id];
    if (error) sources[id] = { ok: false, error, fetchedAt: COLLECTED_AT };
    else if (id in data) sources[id] = { ok: true, data: data[id], fetchedAt: COLLECTED_AT };
  }
  return {
    format: 'tenant-snapshot/1',
    tenant: {
      id: 'c0ffee00-1234-4abc-8def-000000000042',
      displayName: 'Contoso Dental',
      defaultDomain: 'contoso.com',
    },
    collectedAt: COLLECTED_AT,
    sources,
  };
}

export interface ContextOptions {
  readonly profile?: Profile;
  readonly settings?: Partial<TenantSettings>;
}

export function ctx(snapshot: TenantSnapshot, options: ContextOptions = {}): EvaluationContext {
  return {
    snapshot,
    profile: options.profile ?? 'cis',
    settings: { ...EMPTY_TENANT_SETTINGS, ...options.settings },
    now: NOW,
  };
}

/** The same snapshot with one source replaced by an error of the given kind. */
export function withError(
  snapshot: TenantSnapshot,
  source: SourceId,
  kind: SourceErrorKind,
): TenantSnapshot {
  return {
    ...snapshot,
    sources: {
      ...snapshot.sources,
      [source]: { ok: false, error: sourceError(kind), fetchedAt: COLLECTED_AT },
    },
  };
}

/** Runs one check the way a scan does (through the catalog, so unread sources give `unknown`). */
export function run(check: Check, snapshot: TenantSnapshot, options: ContextOptions = {}): Finding {
  const [finding] = evaluateAll(ctx(snapshot, options), [check]);
  if (!finding) throw new Error(`no finding for ${check.id}`);
  return finding;
}

/** The `unknown` reason code each source error kind must produce. */
export const REASON_CODE_FOR: Record<SourceErrorKind, UnknownReason> = {
  forbidden: 'forbidden',
  not_licensed: 'not_licensed_api',
  not_found: 'not_found',
  throttled: 'throttled',
  network: 'network',
  invalid_response: 'invalid_response',
};

/** A typed source error of the given kind, as the collector would record it. */
export function sourceError(kind: SourceErrorKind): SourceError {
  const status: Record<SourceErrorKind, number | undefined> = {
    forbidden: 403,
    not_licensed: 403,
    not_found: 404,
    throttled: 429,
    network: undefined,
    invalid_response: 400,
  };
  const code = status[kind];
  return { kind, ...(code ? { status: code } : {}), message: `simulated ${kind}` };
}

/** Every source failed with the same kind of error. */
export function allSourcesFailed(kind: SourceErrorKind): SourceErrors {
  return Object.fromEntries(SOURCE_IDS.map((id) => [id, sourceError(kind)]));
}

/**
 * How Graph returns the sources the checks read: a list (the data is the array of items) or a
 * single object. The catalog test insists every source a check reads is in exactly one of these.
 */
export const COLLECTION_SOURCES: readonly SourceId[] = [
  'organization',
  'subscribedSkus',
  'conditionalAccessPolicies',
  'roleAssignments',
  'users',
  'domains',
  // Guests, tenant settings
  'userSignInActivity',
  'servicePrincipals',
  'groups',
  'b2bManagementPolicy',
  'activityBasedTimeoutPolicies',
  'onPremisesSynchronization',
  // Privileged access, apps and passwords
  'roleEligibilitySchedules',
  'roleAssignmentSchedules',
  'roleManagementPolicyAssignments',
  'userRegistrationDetails',
  'groupSettings',
  'applications',
  'graphAppRoleAssignments',
  'exchangeAppRoleAssignments',
  // Conditional Access and sign-in methods
  'authenticationStrengthPolicies',
  'roleDefinitions',
  // Logging, Secure Score
  'signIns',
  'riskyUsers',
  'secureScores',
  'secureScoreControlProfiles',
];
export const ENTITY_SOURCES: readonly SourceId[] = [
  'securityDefaults',
  'authorizationPolicy',
  'sharepointSettings',
  // Tenant settings
  'appsAndServicesSettings',
  'deviceRegistrationPolicy',
  'intuneSettings',
  // Apps
  'adminConsentRequestPolicy',
  'defaultAppManagementPolicy',
  // Sign-in methods
  'authenticationMethodsPolicy',
  'authenticationMethodsPolicyBeta',
  // Audit log searches and mail DNS (objects the collector builds)
  'auditLogActivity',
  'mailItemsAccessed',
  'mailDns',
];

export function labelOf(source: SourceId): string {
  return SOURCES[source].label;
}

// --- Licences ---------------------------------------------------------------------------------

export const AAD_PREMIUM_PLAN = '41781fb2-bc02-4b7c-bd55-b576c07bb09d';
export const AAD_PREMIUM_P2_PLAN = 'eec0eb4f-6444-4f95-aba0-50c24d67f998';
const EXCHANGE_S_STANDARD_PLAN = '9aaf7827-d63c-4b61-89c3-182f06f82e5c';

export const SKU_BUSINESS_PREMIUM = {
  skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46',
  skuPartNumber: 'SPB',
  capabilityStatus: 'Enabled',
  servicePlans: [
    {
      servicePlanId: AAD_PREMIUM_PLAN,
      servicePlanName: 'AAD_PREMIUM',
      provisioningStatus: 'Success',
    },
    {
      servicePlanId: EXCHANGE_S_STANDARD_PLAN,
      servicePlanName: 'EXCHANGE_S_STANDARD',
      provisioningStatus: 'Success',
    },
  ],
};

export const SKU_BUSINESS_STANDARD = {
  skuId: 'f245ecc8-75af-4f8e-b61f-27d8114de5f3',
  skuPartNumber: 'O365_BUSINESS_PREMIUM',
  capabilityStatus: 'Enabled',
  servicePlans: [
    {
      servicePlanId: EXCHANGE_S_STANDARD_PLAN,
      servicePlanName: 'EXCHANGE_S_STANDARD',
      provisioningStatus: 'Success',
    },
  ],
};

export const SKU_ENTRA_P1 = {
  skuId: '078d2b04-f1bd-4111-bbd4-b4b1b354cef4',
  skuPartNumber: 'AAD_PREMIUM',
  capabilityStatus: 'Enabled',
  servicePlans: [
    {
      servicePlanId: AAD_PREMIUM_PLAN,
      servicePlanName: 'AAD_PREMIUM',
      provisioningStatus: 'Success',
    },
  ],
};

// --- Users and roles --------------------------------------------------------------------------

export interface UserInput {
  readonly id: string;
  readonly displayName?: string;
  readonly userPrincipalName?: string;
  readonly [key: string]: unknown;
}

export function user<T extends UserInput>(input: T) {
  return {
    userType: 'Member',
    accountEnabled: true,
    onPremisesSyncEnabled: null,
    onPremisesImmutableId: null,
    assignedLicenses: [],
    provisionedPlans: [],
    ...input,
  };
}

export const PRIVILEGED_ROLE_IDS = Object.keys(PRIVILEGED_ROLES);
export { GLOBAL_ADMIN };

let assignmentCounter = 0;

/** A tenant-wide role assignment with the principal expanded, as `$expand=principal` returns it. */
export function assignment(
  principal: { id: string; displayName?: string; userPrincipalName?: string },
  roleDefinitionId: string,
  kind: 'user' | 'group' | 'servicePrincipal' = 'user',
  directoryScopeId = '/',
) {
  assignmentCounter += 1;
  return {
    id: `assignment-${assignmentCounter}`,
    principalId: principal.id,
    roleDefinitionId,
    directoryScopeId,
    principal: { '@odata.type': `#microsoft.graph.${kind}`, ...principal },
  };
}

// --- Conditional Access -----------------------------------------------------------------------

export interface PolicyInput {
  readonly id?: string;
  readonly displayName?: string;
  readonly state?: string;
  readonly users?: Record<string, unknown>;
  readonly applications?: Record<string, unknown>;
  readonly conditions?: Record<string, unknown>;
  readonly grantControls?: Record<string, unknown> | null;
}

let policyCounter = 0;

/**
 * A Conditional Access policy in Graph's shape. Defaults to an enabled policy requiring MFA for all
 * users on all apps, with no exclusions; each field overrides one part.
 */
export function caPolicy(input: PolicyInput = {}) {
  policyCounter += 1;
  return {
    id: input.id ?? `policy-${policyCounter}`,
    displayName: input.displayName ?? 'Require MFA for everyone',
    state: input.state ?? 'enabled',
    conditions: {
      users: {
        includeUsers: ['All'],
        excludeUsers: [],
        includeGroups: [],
        excludeGroups: [],
        includeRoles: [],
        excludeRoles: [],
        includeGuestsOrExternalUsers: null,
        excludeGuestsOrExternalUsers: null,
        ...input.users,
      },
      applications: {
        includeApplications: ['All'],
        excludeApplications: [],
        includeUserActions: [],
        includeAuthenticationContextClassReferences: [],
        applicationFilter: null,
        ...input.applications,
      },
      clientAppTypes: ['all'],
      platforms: null,
      locations: null,
      signInRiskLevels: [],
      userRiskLevels: [],
      servicePrincipalRiskLevels: [],
      devices: null,
      ...input.conditions,
    },
    grantControls:
      input.grantControls === null
        ? null
        : {
            operator: 'OR',
            builtInControls: ['mfa'],
            authenticationStrength: null,
            ...input.grantControls,
          },
  };
}

/** An enabled policy requiring MFA for exactly the given admin roles. */
export function adminMfaPolicy(
  roles: readonly string[] = PRIVILEGED_ROLE_IDS,
  input: PolicyInput = {},
) {
  return caPolicy({
    displayName: 'Require MFA for admins',
    ...input,
    users: { includeUsers: [], includeRoles: [...roles], ...input.users },
  });
}

/** An enabled policy blocking legacy client types for all users on all apps. */
export function blockLegacyPolicy(input: PolicyInput = {}) {
  return caPolicy({
    displayName: 'Block legacy authentication',
    ...input,
    conditions: { clientAppTypes: ['exchangeActiveSync', 'other'], ...input.conditions },
    grantControls: { builtInControls: ['block'], ...input.grantControls },
  });
}
