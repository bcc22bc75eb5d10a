import { describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/models/profile';
import { SOURCE_ERROR_KINDS } from '../../shared/models/snapshot';
import { SOURCES } from '../../shared/models/sources';
import type { TenantSettings } from '../../shared/models/tenant';
import type { Verdict } from '../../shared/models/verdict';
import {
  CA_004,
  CA_006,
  CA_007,
  CA_008,
  CA_009,
  CA_010,
  CA_011,
  CA_012,
  CA_013,
  CA_CHECKS,
} from './ca-checks';
import type { Check } from './check';
import { GLOBAL_ADMIN, INTUNE_PLAN } from './directory';
import {
  AAD_PREMIUM_P2_PLAN,
  adminMfaPolicy,
  caPolicy,
  PRIVILEGED_ROLE_IDS,
  REASON_CODE_FOR,
  run,
  SKU_BUSINESS_PREMIUM,
  SKU_BUSINESS_STANDARD,
  snapshotWith,
  sourceError,
  user,
  withError,
  type SourceData,
} from './test-snapshot';

// --- Licences ---------------------------------------------------------------------------------

const plan = (servicePlanId: string, servicePlanName: string) => ({
  servicePlanId,
  servicePlanName,
  provisioningStatus: 'Success',
});
/** Business Premium with Intune (as Microsoft sells it). */
const SKU_BP_INTUNE = {
  ...SKU_BUSINESS_PREMIUM,
  servicePlans: [...SKU_BUSINESS_PREMIUM.servicePlans, plan(INTUNE_PLAN, 'INTUNE_A')],
};
/** An E5-like SKU: P1, P2 and Intune. */
const SKU_P2 = {
  skuId: '06ebc4ee-1bb5-47dd-8120-11324bc54e06',
  skuPartNumber: 'SPE_E5',
  capabilityStatus: 'Enabled',
  servicePlans: [...SKU_BP_INTUNE.servicePlans, plan(AAD_PREMIUM_P2_PLAN, 'AAD_PREMIUM_P2')],
};

// --- People and policies ----------------------------------------------------------------------

const breakGlass = user({
  id: 'bg-0001',
  displayName: 'Emergency Access',
  userPrincipalName: 'breakglass@contoso.onmicrosoft.com',
});
const dana = user({
  id: 'u-dana',
  displayName: 'Dana Scully',
  userPrincipalName: 'dana@contoso.com',
});
const scanner = user({
  id: 'u-scanner',
  displayName: 'Office Scanner',
  userPrincipalName: 'scanner@contoso.com',
});
const USERS = [breakGlass, dana, scanner];
const SALES_GROUP = '0a1b2c3d-0000-4000-8000-00000000aaaa';
const GROUPS = [{ id: SALES_GROUP, displayName: 'Sales' }];
const ROLE_DEFINITIONS = PRIVILEGED_ROLE_IDS.map((id) => ({
  id,
  templateId: id,
  displayName: `role ${id}`,
}));

const STRENGTH = {
  mfa: '00000000-0000-0000-0000-000000000002',
  passwordless: '00000000-0000-0000-0000-000000000003',
  phishingResistant: '00000000-0000-0000-0000-000000000004',
  custom: '7d3b1c2e-0000-4000-8000-0000000000c1',
};
const STRENGTHS = [
  {
    id: STRENGTH.mfa,
    displayName: 'Multifactor authentication',
    policyType: 'builtIn',
    allowedCombinations: ['fido2', 'password,sms', 'password,microsoftAuthenticatorPush'],
  },
  {
    id: STRENGTH.phishingResistant,
    displayName: 'Phishing-resistant MFA',
    policyType: 'builtIn',
    allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'],
  },
  {
    id: STRENGTH.custom,
    displayName: 'Security keys only',
    policyType: 'custom',
    allowedCombinations: ['fido2'],
  },
];

const strength = (id: string, extra: Record<string, unknown> = {}) => ({
  grantControls: { builtInControls: [], authenticationStrength: { id, ...extra } },
});

const block = { grantControls: { builtInControls: ['block'] } };

const deviceCodeBlock = (transferMethods = 'deviceCodeFlow', extra = {}) =>
  caPolicy({
    displayName: 'Block device code flow',
    conditions: { authenticationFlows: { transferMethods } },
    ...block,
    ...extra,
  });

const session = (
  policy: ReturnType<typeof caPolicy>,
  sessionControls: Record<string, unknown>,
) => ({
  ...policy,
  sessionControls,
});

const frequency = (value: number | null, type: string | null, interval = 'timeBased') => ({
  signInFrequency: {
    value,
    type,
    authenticationType: 'primaryAndSecondaryAuthentication',
    frequencyInterval: interval,
    isEnabled: true,
  },
  persistentBrowser: { mode: 'never', isEnabled: true },
});

const TOKEN_APPS = [
  '00000002-0000-0ff1-ce00-000000000000',
  '00000003-0000-0ff1-ce00-000000000000',
  'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe',
];
const tokenProtection = (input: Parameters<typeof caPolicy>[0] = {}) =>
  session(
    caPolicy({
      displayName: 'Token protection',
      applications: { includeApplications: TOKEN_APPS },
      grantControls: null,
      ...input,
      conditions: {
        platforms: { includePlatforms: ['windows'], excludePlatforms: [] },
        clientAppTypes: ['mobileAppsAndDesktopClients'],
        ...input.conditions,
      },
    }),
    { secureSignInSession: { isEnabled: true } },
  );

const REGISTER = 'urn:user:registersecurityinfo';
const securityInfo = (input: Parameters<typeof caPolicy>[0] = {}) =>
  caPolicy({
    displayName: 'Protect security info registration',
    applications: { includeApplications: [], includeUserActions: [REGISTER] },
    grantControls: { builtInControls: ['compliantDevice'] },
    ...input,
  });

// --- Cases ------------------------------------------------------------------------------------

interface Case {
  readonly name: string;
  readonly check: Check;
  readonly policies: readonly unknown[];
  readonly verdict: Verdict;
  readonly skus?: readonly unknown[];
  readonly profile?: Profile;
  readonly settings?: Partial<TenantSettings>;
  readonly data?: SourceData;
  readonly errors?: Partial<Record<keyof typeof SOURCES, keyof typeof REASON_CODE_FOR>>;
  readonly reason?: RegExp;
  readonly reasonCode?: string;
  readonly affected?: readonly string[];
}

const CASES: readonly Case[] = [
  // --- CA-004 phishing-resistant MFA for admins ------------------------------------------------
  {
    name: 'CA-004: the built-in phishing-resistant strength for all admin roles passes',
    check: CA_004,
    policies: [adminMfaPolicy(PRIVILEGED_ROLE_IDS, strength(STRENGTH.phishingResistant))],
    verdict: 'pass',
    reason: /phishing-resistant MFA/,
  },
  {
    name: 'CA-004: a custom strength that accepts only security keys passes',
    check: CA_004,
    policies: [adminMfaPolicy(PRIVILEGED_ROLE_IDS, strength(STRENGTH.custom))],
    verdict: 'pass',
  },
  {
    name: 'CA-004: plain MFA for admins is not phishing-resistant',
    check: CA_004,
    policies: [adminMfaPolicy()],
    verdict: 'fail',
    reason: /^No enabled Conditional Access policy requires phishing-resistant MFA/,
  },
  {
    name: 'CA-004: the built-in "Multifactor authentication" strength accepts phishable methods',
    check: CA_004,
    policies: [adminMfaPolicy(PRIVILEGED_ROLE_IDS, strength(STRENGTH.mfa))],
    verdict: 'fail',
    reason:
      /"Multifactor authentication" also accepts methods that can be phished \(such as password \+ text message/,
  },
  {
    name: 'CA-004: a phishing-resistant policy that leaves out admin roles fails',
    check: CA_004,
    policies: [
      adminMfaPolicy(PRIVILEGED_ROLE_IDS.slice(0, 2), strength(STRENGTH.phishingResistant)),
    ],
    verdict: 'fail',
    reason: /leaves out these admin roles: User Administrator/,
  },
  {
    name: 'CA-004: a report-only phishing-resistant policy is not a pass',
    check: CA_004,
    policies: [
      adminMfaPolicy(PRIVILEGED_ROLE_IDS, {
        state: 'enabledForReportingButNotEnforced',
        ...strength(STRENGTH.phishingResistant),
      }),
    ],
    verdict: 'fail',
    reason: /report-only/,
  },
  {
    name: 'CA-004: a phishing-resistant strength OR a compliant device can be bypassed',
    check: CA_004,
    policies: [
      adminMfaPolicy(PRIVILEGED_ROLE_IDS, {
        grantControls: {
          operator: 'OR',
          builtInControls: ['compliantDevice'],
          authenticationStrength: { id: STRENGTH.phishingResistant },
        },
      }),
    ],
    verdict: 'fail',
    reason: /without phishing-resistant MFA \(by a compliant device\)/,
  },
  {
    name: 'CA-004: an unknown custom strength, with the strength list unreadable, is unknown',
    check: CA_004,
    policies: [adminMfaPolicy(PRIVILEGED_ROLE_IDS, strength(STRENGTH.custom))],
    errors: { authenticationStrengthPolicies: 'forbidden' },
    verdict: 'unknown',
    reasonCode: 'forbidden',
    reason: /authentication strengths/,
  },
  {
    name: 'CA-004: a strength missing from a list that was read fails',
    check: CA_004,
    policies: [
      adminMfaPolicy(PRIVILEGED_ROLE_IDS, strength('99999999-0000-4000-8000-000000000000')),
    ],
    verdict: 'fail',
    reason: /could not read which sign-in methods/,
  },
  {
    name: 'CA-004: the built-in strength is known even when the strength list is unreadable',
    check: CA_004,
    policies: [adminMfaPolicy(PRIVILEGED_ROLE_IDS, strength(STRENGTH.phishingResistant))],
    errors: { authenticationStrengthPolicies: 'forbidden' },
    verdict: 'pass',
  },
  {
    name: 'CA-004: allowed combinations returned inside the policy are used',
    check: CA_004,
    policies: [
      adminMfaPolicy(
        PRIVILEGED_ROLE_IDS,
        strength(STRENGTH.custom, { displayName: 'Keys', allowedCombinations: ['fido2'] }),
      ),
    ],
    errors: { authenticationStrengthPolicies: 'forbidden' },
    verdict: 'pass',
  },
  {
    name: 'CA-004: an undeclared admin exclusion fails and is named',
    check: CA_004,
    policies: [
      adminMfaPolicy(PRIVILEGED_ROLE_IDS, {
        users: { excludeUsers: [dana.id] },
        ...strength(STRENGTH.phishingResistant),
      }),
    ],
    verdict: 'fail',
    affected: ['Dana Scully (dana@contoso.com)'],
  },

  // --- CA-006 device code flow -----------------------------------------------------------------
  {
    name: 'CA-006: blocking the device code flow for everyone passes',
    check: CA_006,
    policies: [deviceCodeBlock()],
    verdict: 'pass',
  },
  {
    name: 'CA-006: blocking device code and authentication transfer together passes',
    check: CA_006,
    policies: [deviceCodeBlock('deviceCodeFlow,authenticationTransfer')],
    verdict: 'pass',
  },
  {
    name: 'CA-006: blocking only authentication transfer does not count',
    check: CA_006,
    policies: [deviceCodeBlock('authenticationTransfer')],
    verdict: 'fail',
    reason: /^No enabled/,
  },
  {
    name: 'CA-006: requiring MFA on device code sign-in is not blocking it',
    check: CA_006,
    policies: [deviceCodeBlock('deviceCodeFlow', { grantControls: { builtInControls: ['mfa'] } })],
    verdict: 'fail',
    reason: /^No enabled/,
  },
  {
    name: 'CA-006: a block for some users only does not count',
    check: CA_006,
    policies: [
      deviceCodeBlock('deviceCodeFlow', {
        users: { includeUsers: [], includeGroups: [SALES_GROUP] },
      }),
    ],
    verdict: 'fail',
    reason: /^No enabled/,
  },
  {
    name: 'CA-006: an excluded user is a gap; a declared break-glass account is not',
    check: CA_006,
    policies: [
      deviceCodeBlock('deviceCodeFlow', { users: { excludeUsers: [breakGlass.id, dana.id] } }),
    ],
    settings: { breakGlassAccounts: [breakGlass.userPrincipalName] },
    verdict: 'fail',
    affected: ['Dana Scully (dana@contoso.com)'],
  },
  {
    name: 'CA-006: a block limited to some platforms is a gap',
    check: CA_006,
    policies: [
      deviceCodeBlock('deviceCodeFlow', {
        conditions: {
          authenticationFlows: { transferMethods: 'deviceCodeFlow' },
          platforms: { includePlatforms: ['android'], excludePlatforms: [] },
        },
      }),
    ],
    verdict: 'fail',
    reason: /some device platforms/,
  },

  // --- CA-007 sign-in risk ---------------------------------------------------------------------
  {
    name: 'CA-007 (cis): MFA on high and medium sign-in risk passes',
    check: CA_007,
    skus: [SKU_P2],
    policies: [caPolicy({ conditions: { signInRiskLevels: ['high', 'medium'] } })],
    verdict: 'pass',
  },
  {
    name: 'CA-007 (cis): blocking high and medium sign-in risk passes',
    check: CA_007,
    skus: [SKU_P2],
    policies: [caPolicy({ conditions: { signInRiskLevels: ['high', 'medium'] }, ...block })],
    verdict: 'pass',
  },
  {
    name: 'CA-007 (cis): high risk only leaves medium-risk sign-ins through',
    check: CA_007,
    skus: [SKU_P2],
    policies: [caPolicy({ conditions: { signInRiskLevels: ['high'] } })],
    verdict: 'fail',
    reason: /does not cover medium-risk sign-ins/,
  },
  {
    name: 'CA-007 (cisa): blocking high sign-in risk passes',
    check: CA_007,
    profile: 'cisa',
    skus: [SKU_P2],
    policies: [caPolicy({ conditions: { signInRiskLevels: ['high'] }, ...block })],
    verdict: 'pass',
  },
  {
    name: 'CA-007 (cisa): MFA on risky sign-ins is not blocking them',
    check: CA_007,
    profile: 'cisa',
    skus: [SKU_P2],
    policies: [caPolicy({ conditions: { signInRiskLevels: ['high', 'medium'] } })],
    verdict: 'fail',
    reason: /^No enabled Conditional Access policy blocks high-risk sign-ins/,
  },
  {
    name: 'CA-007: a sign-in risk policy that also needs user risk is narrowed',
    check: CA_007,
    skus: [SKU_P2],
    policies: [
      caPolicy({ conditions: { signInRiskLevels: ['high', 'medium'], userRiskLevels: ['high'] } }),
    ],
    verdict: 'fail',
    reason: /risky sign-ins or users/,
  },
  {
    name: 'CA-007: not applicable without Entra ID P2',
    check: CA_007,
    skus: [SKU_BP_INTUNE],
    policies: [],
    verdict: 'not_applicable',
    reasonCode: 'not_licensed',
    reason: /Entra ID P2/,
  },
  {
    name: 'CA-007: unknown when licences are unreadable and no policy acts on risk',
    check: CA_007,
    skus: undefined,
    errors: { subscribedSkus: 'forbidden' },
    policies: [caPolicy()],
    verdict: 'unknown',
    reasonCode: 'forbidden',
    reason: /could not read your licences/,
  },
  {
    name: 'CA-007: an enforcing policy passes even when licences are unreadable',
    check: CA_007,
    errors: { subscribedSkus: 'forbidden' },
    policies: [caPolicy({ conditions: { signInRiskLevels: ['high', 'medium'] } })],
    verdict: 'pass',
  },

  // --- CA-008 user risk ------------------------------------------------------------------------
  {
    name: 'CA-008 (cis): password change with MFA for high-risk users passes',
    check: CA_008,
    skus: [SKU_P2],
    policies: [
      caPolicy({
        conditions: { userRiskLevels: ['high'] },
        grantControls: { operator: 'AND', builtInControls: ['mfa', 'passwordChange'] },
      }),
    ],
    verdict: 'pass',
  },
  {
    name: 'CA-008 (cis): a password change without MFA is a gap',
    check: CA_008,
    skus: [SKU_P2],
    policies: [
      caPolicy({
        conditions: { userRiskLevels: ['high'] },
        grantControls: { builtInControls: ['passwordChange'] },
      }),
    ],
    verdict: 'fail',
    reason: /does not require MFA before the password change/,
  },
  {
    name: 'CA-008 (cis): password change OR MFA can skip the password change',
    check: CA_008,
    skus: [SKU_P2],
    policies: [
      caPolicy({
        conditions: { userRiskLevels: ['high'] },
        grantControls: { operator: 'OR', builtInControls: ['mfa', 'passwordChange'] },
      }),
    ],
    verdict: 'fail',
    reason: /without a password change \(by MFA\)/,
  },
  {
    name: 'CA-008 (cis): blocking high-risk users passes',
    check: CA_008,
    skus: [SKU_P2],
    policies: [caPolicy({ conditions: { userRiskLevels: ['high', 'medium'] }, ...block })],
    verdict: 'pass',
  },
  {
    name: 'CA-008 (cisa): a password change is not a block',
    check: CA_008,
    profile: 'cisa',
    skus: [SKU_P2],
    policies: [
      caPolicy({
        conditions: { userRiskLevels: ['high'] },
        grantControls: { operator: 'AND', builtInControls: ['mfa', 'passwordChange'] },
      }),
    ],
    verdict: 'fail',
    reason: /^No enabled Conditional Access policy blocks high-risk users/,
  },
  {
    name: 'CA-008 (cisa): blocking high-risk users passes',
    check: CA_008,
    profile: 'cisa',
    skus: [SKU_P2],
    policies: [caPolicy({ conditions: { userRiskLevels: ['high'] }, ...block })],
    verdict: 'pass',
  },
  {
    name: 'CA-008: medium-risk only leaves high-risk users through',
    check: CA_008,
    skus: [SKU_P2],
    policies: [caPolicy({ conditions: { userRiskLevels: ['medium'] }, ...block })],
    verdict: 'fail',
    reason: /does not cover users at high risk/,
  },
  {
    name: 'CA-008: not applicable without Entra ID P2',
    check: CA_008,
    policies: [],
    verdict: 'not_applicable',
    reasonCode: 'not_licensed',
  },

  // --- CA-009 admin sessions -------------------------------------------------------------------
  {
    name: 'CA-009: 4-hour sign-in frequency and no persistent browser for admins passes',
    check: CA_009,
    policies: [session(adminMfaPolicy(), frequency(4, 'hours'))],
    verdict: 'pass',
  },
  {
    name: 'CA-009: "every time" counts as at most 4 hours',
    check: CA_009,
    policies: [session(adminMfaPolicy(), frequency(null, null, 'everyTime'))],
    verdict: 'pass',
  },
  {
    name: 'CA-009: a session-only policy (no grant) for admins passes',
    check: CA_009,
    policies: [
      session(adminMfaPolicy(PRIVILEGED_ROLE_IDS, { grantControls: null }), frequency(2, 'hours')),
    ],
    verdict: 'pass',
  },
  {
    name: 'CA-009: 8 hours is too long',
    check: CA_009,
    policies: [session(adminMfaPolicy(), frequency(8, 'hours'))],
    verdict: 'fail',
    reason: /only every 8 hours, more than 4 hours/,
  },
  {
    name: 'CA-009: 1 day is too long without Entra ID P2',
    check: CA_009,
    policies: [session(adminMfaPolicy(), frequency(1, 'days'))],
    verdict: 'fail',
    reason: /every 1 day, more than 4 hours/,
  },
  {
    name: 'CA-009: 1 day is within the limit CIS allows with Entra ID P2',
    check: CA_009,
    skus: [SKU_P2],
    policies: [session(adminMfaPolicy(), frequency(1, 'days'))],
    verdict: 'pass',
  },
  {
    name: 'CA-009: 2 days is too long even with Entra ID P2',
    check: CA_009,
    skus: [SKU_P2],
    policies: [session(adminMfaPolicy(), frequency(2, 'days'))],
    verdict: 'fail',
    reason: /every 2 days, more than 1 day/,
  },
  {
    name: 'CA-009: a persistent browser session is a gap',
    check: CA_009,
    policies: [
      session(adminMfaPolicy(), {
        ...frequency(4, 'hours'),
        persistentBrowser: { mode: 'always', isEnabled: true },
      }),
    ],
    verdict: 'fail',
    reason: /keeping people signed in/,
  },
  {
    name: 'CA-009: "never persistent" without a sign-in frequency is a gap',
    check: CA_009,
    policies: [
      session(adminMfaPolicy(), { persistentBrowser: { mode: 'never', isEnabled: true } }),
    ],
    verdict: 'fail',
    reason: /does not make people sign in again/,
  },
  {
    name: 'CA-009: an admin policy without session controls does not count',
    check: CA_009,
    policies: [adminMfaPolicy()],
    verdict: 'fail',
    reason: /^No enabled Conditional Access policy makes admins/,
  },
  {
    name: 'CA-009: a disabled sign-in frequency does not count',
    check: CA_009,
    policies: [
      session(adminMfaPolicy(), {
        signInFrequency: { value: 1, type: 'hours', isEnabled: false },
        persistentBrowser: { mode: 'never', isEnabled: false },
      }),
    ],
    verdict: 'fail',
    reason: /^No enabled/,
  },
  {
    name: 'CA-009: a session policy for only some admin roles is a gap',
    check: CA_009,
    policies: [session(adminMfaPolicy([GLOBAL_ADMIN]), frequency(4, 'hours'))],
    verdict: 'fail',
    reason: /leaves out these admin roles/,
  },

  // --- CA-010 token protection -----------------------------------------------------------------
  {
    name: 'CA-010: token protection for Exchange, SharePoint and Teams on Windows passes',
    check: CA_010,
    policies: [tokenProtection()],
    verdict: 'pass',
  },
  {
    name: 'CA-010: token protection for the admin roles passes',
    check: CA_010,
    policies: [
      tokenProtection({ users: { includeUsers: [], includeRoles: [...PRIVILEGED_ROLE_IDS] } }),
    ],
    verdict: 'pass',
  },
  {
    name: 'CA-010: token protection without Teams is a gap',
    check: CA_010,
    policies: [tokenProtection({ applications: { includeApplications: TOKEN_APPS.slice(0, 2) } })],
    verdict: 'fail',
    reason: /does not cover Microsoft Teams/,
  },
  {
    name: 'CA-010: token protection only on Android is a gap',
    check: CA_010,
    policies: [
      tokenProtection({
        conditions: { platforms: { includePlatforms: ['android'], excludePlatforms: [] } },
      }),
    ],
    verdict: 'fail',
    reason: /does not apply to windows devices/,
  },
  {
    name: 'CA-010: token protection only for browsers is a gap',
    check: CA_010,
    policies: [tokenProtection({ conditions: { clientAppTypes: ['browser'] } })],
    verdict: 'fail',
    reason: /mobileAppsAndDesktopClients/,
  },
  {
    name: 'CA-010: no token protection policy fails',
    check: CA_010,
    policies: [adminMfaPolicy(), session(adminMfaPolicy(), frequency(4, 'hours'))],
    verdict: 'fail',
    reason: /^No enabled Conditional Access policy turns on token protection/,
  },

  // --- CA-011 managed devices ------------------------------------------------------------------
  {
    name: 'CA-011: a compliant device for everyone passes',
    check: CA_011,
    skus: [SKU_BP_INTUNE],
    policies: [caPolicy({ grantControls: { builtInControls: ['compliantDevice'] } })],
    verdict: 'pass',
  },
  {
    name: 'CA-011: compliant OR hybrid-joined device passes',
    check: CA_011,
    skus: [SKU_BP_INTUNE],
    policies: [
      caPolicy({
        grantControls: {
          operator: 'OR',
          builtInControls: ['compliantDevice', 'domainJoinedDevice'],
        },
      }),
    ],
    verdict: 'pass',
  },
  {
    name: 'CA-011: MFA OR a compliant device does not require a managed device',
    check: CA_011,
    skus: [SKU_BP_INTUNE],
    policies: [
      caPolicy({ grantControls: { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] } }),
    ],
    verdict: 'fail',
    reason: /without a managed device \(by MFA\)/,
  },
  {
    name: 'CA-011: MFA AND a compliant device passes',
    check: CA_011,
    skus: [SKU_BP_INTUNE],
    policies: [
      caPolicy({ grantControls: { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] } }),
    ],
    verdict: 'pass',
  },
  {
    name: 'CA-011: a device policy on Office 365 only is a gap',
    check: CA_011,
    skus: [SKU_BP_INTUNE],
    policies: [
      caPolicy({
        applications: { includeApplications: ['Office365'] },
        grantControls: { builtInControls: ['compliantDevice'] },
      }),
    ],
    verdict: 'fail',
    reason: /only the Office 365 apps/,
  },
  {
    name: 'CA-011: not applicable without Intune',
    check: CA_011,
    skus: [SKU_BUSINESS_PREMIUM],
    policies: [],
    verdict: 'not_applicable',
    reasonCode: 'not_licensed',
    reason: /Intune/,
  },
  {
    name: 'CA-011: unknown when licences are unreadable and no policy requires a device',
    check: CA_011,
    errors: { subscribedSkus: 'throttled' },
    policies: [],
    verdict: 'unknown',
    reasonCode: 'throttled',
  },

  // --- CA-012 security info registration -------------------------------------------------------
  {
    name: 'CA-012: a compliant device for registering security info passes',
    check: CA_012,
    policies: [securityInfo()],
    verdict: 'pass',
  },
  {
    name: 'CA-012: blocking registration outside trusted locations passes',
    check: CA_012,
    policies: [
      securityInfo({
        conditions: { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } },
        ...block,
      }),
    ],
    verdict: 'pass',
  },
  {
    name: 'CA-012: registration limited to some locations only is a gap',
    check: CA_012,
    policies: [
      securityInfo({
        conditions: {
          locations: { includeLocations: ['b7e2c9a0-named'], excludeLocations: ['AllTrusted'] },
        },
        ...block,
      }),
    ],
    verdict: 'fail',
    reason: /only at some locations/,
  },
  {
    name: 'CA-012: MFA for registration without a location condition does not count',
    check: CA_012,
    policies: [securityInfo({ grantControls: { builtInControls: ['mfa'] } })],
    verdict: 'fail',
    reason: /^No enabled Conditional Access policy protects MFA registration/,
  },
  {
    name: 'CA-012: a device policy on apps (not the user action) does not count',
    check: CA_012,
    policies: [caPolicy({ grantControls: { builtInControls: ['compliantDevice'] } })],
    verdict: 'fail',
    reason: /^No enabled/,
  },
  {
    name: 'CA-012: excluding guests from the registration policy is a gap',
    check: CA_012,
    policies: [securityInfo({ users: { excludeUsers: ['GuestsOrExternalUsers'] } })],
    verdict: 'fail',
    affected: ['All guests and external users'],
  },

  // --- CA-013 hygiene --------------------------------------------------------------------------
  {
    name: 'CA-013: policies naming only existing objects and declared break-glass pass',
    check: CA_013,
    policies: [
      adminMfaPolicy(PRIVILEGED_ROLE_IDS, { users: { excludeUsers: [breakGlass.id] } }),
      caPolicy({ users: { excludeUsers: [breakGlass.id], excludeGroups: [] } }),
    ],
    settings: { breakGlassAccounts: [breakGlass.userPrincipalName] },
    verdict: 'pass',
  },
  {
    name: 'CA-013: an excluded user that no longer exists fails',
    check: CA_013,
    policies: [caPolicy({ users: { excludeUsers: ['u-deleted'] } })],
    verdict: 'fail',
    affected: ['Deleted user u-deleted'],
    reason: /deleted user in "Require MFA for everyone"/,
  },
  {
    name: 'CA-013: an included group that no longer exists fails',
    check: CA_013,
    policies: [caPolicy({ users: { includeUsers: [], includeGroups: ['g-gone'] } })],
    verdict: 'fail',
    affected: ['Deleted group g-gone'],
  },
  {
    name: 'CA-013: a role template id that resolves to nothing fails',
    check: CA_013,
    policies: [adminMfaPolicy([...PRIVILEGED_ROLE_IDS, 'aaaaaaaa-0000-4000-8000-00000000dead'])],
    verdict: 'fail',
    affected: ['Deleted role aaaaaaaa-0000-4000-8000-00000000dead'],
  },
  {
    name: 'CA-013: a custom role is matched by its template id, not only its id',
    check: CA_013,
    data: {
      roleDefinitions: [
        ...ROLE_DEFINITIONS,
        { id: 'def-custom', templateId: 'tmpl-custom', displayName: 'Helpdesk' },
      ],
    },
    policies: [adminMfaPolicy([...PRIVILEGED_ROLE_IDS, 'tmpl-custom'])],
    verdict: 'pass',
  },
  {
    name: 'CA-013: built-in admin roles resolve even if the role list omits them',
    check: CA_013,
    data: { roleDefinitions: [] },
    policies: [adminMfaPolicy()],
    verdict: 'pass',
  },
  {
    name: 'CA-013: deleted references in a disabled policy are still reported',
    check: CA_013,
    policies: [caPolicy({ state: 'disabled', users: { excludeGroups: ['g-gone'] } })],
    verdict: 'fail',
  },
  {
    name: 'CA-013: an exclusion no other policy covers is a warning',
    check: CA_013,
    policies: [caPolicy({ users: { excludeUsers: [scanner.id] } })],
    verdict: 'warn',
    affected: ['Office Scanner (scanner@contoso.com)'],
    reason:
      /^Office Scanner \(scanner@contoso\.com\) is left out of "Require MFA for everyone", and no other policy covers it\.$/,
  },
  {
    name: 'CA-013: an exclusion covered by another enabled policy that names it passes',
    check: CA_013,
    policies: [
      caPolicy({ users: { excludeUsers: [scanner.id] } }),
      caPolicy({
        displayName: 'Scanner only from the office',
        users: { includeUsers: [scanner.id] },
        ...block,
      }),
    ],
    verdict: 'pass',
  },
  {
    name: 'CA-013: a covering policy that is only report-only does not count',
    check: CA_013,
    policies: [
      caPolicy({ users: { excludeUsers: [scanner.id] } }),
      caPolicy({
        state: 'enabledForReportingButNotEnforced',
        users: { includeUsers: [scanner.id] },
      }),
    ],
    verdict: 'warn',
  },
  {
    name: 'CA-013: several uncovered exclusions are counted and all named',
    check: CA_013,
    policies: [caPolicy({ users: { excludeUsers: [scanner.id, dana.id] } })],
    verdict: 'warn',
    affected: ['Office Scanner (scanner@contoso.com)', 'Dana Scully (dana@contoso.com)'],
    reason: /^2 accounts or groups are left out of enabled policies .*for example, Office Scanner/,
  },
  {
    name: 'CA-013: an excluded group with no fallback is a warning',
    check: CA_013,
    policies: [caPolicy({ users: { excludeGroups: [SALES_GROUP] } })],
    verdict: 'warn',
    affected: [`Group ${SALES_GROUP}`],
  },
  {
    name: 'CA-013: groups named by a policy but unreadable make it unknown',
    check: CA_013,
    errors: { groups: 'forbidden' },
    policies: [caPolicy({ users: { excludeGroups: [SALES_GROUP] } })],
    verdict: 'unknown',
    reasonCode: 'forbidden',
    reason: /groups we could not look up/,
  },
  {
    name: 'CA-013: unreadable groups do not matter when no policy names a group',
    check: CA_013,
    errors: { groups: 'forbidden' },
    policies: [adminMfaPolicy()],
    verdict: 'pass',
  },
  {
    name: 'CA-013: a deleted user is still a fail when groups are unreadable',
    check: CA_013,
    errors: { groups: 'forbidden' },
    policies: [caPolicy({ users: { excludeUsers: ['u-deleted'], excludeGroups: [SALES_GROUP] } })],
    verdict: 'fail',
    reason: /could not check the groups/,
  },
];

function snapshotFor(c: Case) {
  const errors = Object.fromEntries(
    Object.entries(c.errors ?? {}).map(([source, kind]) => [source, sourceError(kind)]),
  );
  return snapshotWith(
    {
      subscribedSkus: 'skus' in c ? c.skus : [SKU_BUSINESS_PREMIUM],
      securityDefaults: { isEnabled: false },
      users: USERS,
      groups: GROUPS,
      roleDefinitions: ROLE_DEFINITIONS,
      authenticationStrengthPolicies: STRENGTHS,
      conditionalAccessPolicies: c.policies,
      ...c.data,
    },
    errors,
  );
}

describe('Conditional Access checks CA-004 and CA-006 to CA-013', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const finding = run(c.check, snapshotFor(c), {
      profile: c.profile ?? 'cis',
      settings: c.settings ?? {},
    });
    expect(finding.verdict).toBe(c.verdict);
    if (c.reason) expect(finding.reason).toMatch(c.reason);
    if (c.reasonCode) expect(finding.reasonCode).toBe(c.reasonCode);
    if (c.affected) expect(finding.affected.map((a) => a.displayName)).toEqual(c.affected);
    expect(finding.reason.trim()).not.toBe('');
  });
});

const NEW_CHECKS = [CA_004, CA_006, CA_007, CA_008, CA_009, CA_010, CA_011, CA_012, CA_013];

/** One passing tenant per check, with the licences it needs. */
const PASSING: Record<string, Case> = Object.fromEntries(
  NEW_CHECKS.map((check) => {
    const pass = CASES.find((c) => c.check === check && c.verdict === 'pass' && !c.errors);
    if (!pass) throw new Error(`no passing case for ${check.id}`);
    return [check.id, pass];
  }),
);

describe('the new CA checks on unreadable or unlicensed data', () => {
  const ids = NEW_CHECKS.map((c) => [c.id, c] as const);

  it('are in CA_CHECKS once each, in id order', () => {
    const all = CA_CHECKS.map((c) => c.id);
    for (const check of NEW_CHECKS) expect(all.filter((id) => id === check.id)).toHaveLength(1);
    expect([...all].sort()).toEqual(all);
  });

  it.each(
    ids.flatMap(([id, check]) =>
      SOURCE_ERROR_KINDS.filter((k) => k !== 'not_licensed').map(
        (kind) => [id, kind, check] as const,
      ),
    ),
  )('%s is unknown when the policies fail with %s', (_id, kind, check) => {
    const finding = run(
      check,
      withError(snapshotFor(PASSING[check.id]!), 'conditionalAccessPolicies', kind),
      { settings: PASSING[check.id]!.settings ?? {} },
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.reasonCode).toBe(REASON_CODE_FOR[kind]);
    expect(finding.reason).toContain(SOURCES.conditionalAccessPolicies.label);
  });

  it.each(ids)(
    '%s is not applicable when Microsoft refuses the policies for lack of P1',
    (_id, check) => {
      const finding = run(
        check,
        withError(snapshotFor(PASSING[check.id]!), 'conditionalAccessPolicies', 'not_licensed'),
      );
      expect(finding).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
    },
  );

  it.each(ids)(
    '%s is not applicable without Entra ID P1, even with a passing policy',
    (_id, check) => {
      const finding = run(
        check,
        snapshotFor({ ...PASSING[check.id]!, skus: [SKU_BUSINESS_STANDARD] }),
      );
      expect(finding).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
    },
  );

  it.each(ids)('%s is unknown when the policies have an unexpected shape', (_id, check) => {
    const finding = run(
      check,
      snapshotFor({ ...PASSING[check.id]!, policies: [{ id: 'p', state: 7 }] }),
    );
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });

  it.each(ids)('%s passes on its passing tenant and fails with no policies', (_id, check) => {
    const pass = PASSING[check.id]!;
    expect(run(check, snapshotFor(pass), { settings: pass.settings ?? {} }).verdict).toBe('pass');
    const none = run(check, snapshotFor({ ...pass, policies: [] }));
    expect(none.verdict).toBe(check === CA_013 ? 'pass' : 'fail');
  });

  it('session controls with an unexpected shape make the policies unreadable', () => {
    const broken = session(adminMfaPolicy(), { signInFrequency: { value: 'four' } });
    const finding = run(CA_009, snapshotFor({ ...PASSING['CA-009']!, policies: [broken] }));
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });

  it('an authentication strength list with an unexpected shape is unreadable, not ignored', () => {
    const finding = run(
      CA_004,
      snapshotFor({ ...PASSING['CA-004']!, data: { authenticationStrengthPolicies: [{ id: 1 }] } }),
    );
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });

  it('CA-007 and CA-008 state their thresholds for both profiles', () => {
    for (const check of [CA_007, CA_008, CA_009]) {
      expect(check.thresholds?.cis).toBeTruthy();
      expect(check.thresholds?.cisa).toBeTruthy();
    }
  });
});
