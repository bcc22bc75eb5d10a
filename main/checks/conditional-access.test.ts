import { describe, expect, it } from 'vitest';
import type { TenantSettings } from '../../shared/models/tenant';
import type { Verdict } from '../../shared/models/verdict';
import { CA_001, CA_002, CA_003, CA_005 } from './ca-checks';
import type { Check } from './check';
import { assessConditionalAccess, type CaRequirement } from './conditional-access';
import { caPoliciesSchema } from './graph-shapes';
import {
  adminMfaPolicy,
  blockLegacyPolicy,
  caPolicy,
  ctx,
  GLOBAL_ADMIN,
  PRIVILEGED_ROLE_IDS,
  run,
  SKU_BUSINESS_PREMIUM,
  snapshotWith,
  user,
} from './test-snapshot';

type CheckId = 'CA-001' | 'CA-002' | 'CA-003' | 'CA-005';

const CHECKS: Record<CheckId, Check> = {
  'CA-001': CA_001,
  'CA-002': CA_002,
  'CA-003': CA_003,
  'CA-005': CA_005,
};

/** The requirement each check applies (CA-001 falls back to CA-002's when Security Defaults is off). */
const REQUIREMENTS: Record<CheckId, CaRequirement> = {
  'CA-001': { scope: 'allUsers', grant: 'mfa', goal: 'requires MFA for every user on every app' },
  'CA-002': { scope: 'allUsers', grant: 'mfa', goal: 'requires MFA for every user on every app' },
  'CA-003': { scope: 'privilegedRoles', grant: 'mfa', goal: 'requires MFA for every admin role' },
  'CA-005': {
    scope: 'allUsers',
    grant: 'block',
    clientAppTypes: ['exchangeActiveSync', 'other'],
    goal: 'blocks legacy sign-in protocols for every user',
  },
};

const breakGlass = user({
  id: 'bg-0001',
  displayName: 'Emergency Access 1',
  userPrincipalName: 'breakglass1@contoso.onmicrosoft.com',
});
const breakGlass2 = user({
  id: 'bg-0002',
  displayName: 'Emergency Access 2',
  userPrincipalName: 'breakglass2@contoso.onmicrosoft.com',
});
const dana = user({
  id: 'u-dana',
  displayName: 'Dana Scully',
  userPrincipalName: 'dana@contoso.com',
});
const fox = user({ id: 'u-fox', displayName: 'Fox Mulder', userPrincipalName: 'fox@contoso.com' });
const USERS = [breakGlass, breakGlass2, dana, fox];

const SALES_GROUP = '0a1b2c3d-0000-4000-8000-00000000aaaa';

interface Named {
  readonly id: string;
  readonly displayName: string;
  readonly detail: string;
}

interface Row {
  readonly name: string;
  readonly check: CheckId;
  readonly policies: readonly unknown[];
  readonly verdict: Verdict;
  readonly securityDefaults?: boolean;
  readonly settings?: Partial<TenantSettings>;
  /** Exactly the affected objects the finding must name (order matters). */
  readonly affected?: readonly Named[];
  readonly reason?: RegExp;
}

const excludedUser = (u: typeof dana): Named => ({
  id: u.id,
  displayName: `${u.displayName} (${u.userPrincipalName})`,
  detail: 'excluded user, not a declared break-glass account',
});

const ROWS: readonly Row[] = [
  // --- state ----------------------------------------------------------------------------------
  {
    name: 'a complete enabled policy passes',
    check: 'CA-002',
    policies: [caPolicy()],
    verdict: 'pass',
    affected: [],
  },
  {
    name: 'a complete report-only policy is never a pass',
    check: 'CA-002',
    policies: [caPolicy({ state: 'enabledForReportingButNotEnforced' })],
    verdict: 'fail',
    reason: /report-only mode/,
  },
  {
    name: 'a report-only admin policy is never a pass',
    check: 'CA-003',
    policies: [adminMfaPolicy(PRIVILEGED_ROLE_IDS, { state: 'enabledForReportingButNotEnforced' })],
    verdict: 'fail',
    reason: /report-only mode/,
  },
  {
    name: 'a report-only legacy block is never a pass',
    check: 'CA-005',
    policies: [blockLegacyPolicy({ state: 'enabledForReportingButNotEnforced' })],
    verdict: 'fail',
    reason: /report-only mode/,
  },
  {
    name: 'a disabled policy is ignored',
    check: 'CA-002',
    policies: [caPolicy({ state: 'disabled' })],
    verdict: 'fail',
    reason: /^No enabled Conditional Access policy/,
  },
  {
    name: 'a disabled policy with exclusions neither passes nor names anyone',
    check: 'CA-002',
    policies: [caPolicy({ state: 'disabled', users: { excludeUsers: [dana.id] } })],
    verdict: 'fail',
    affected: [],
    reason: /^No enabled/,
  },
  {
    name: 'an unrecognised state is not treated as enabled',
    check: 'CA-002',
    policies: [caPolicy({ state: 'enabledSomehow' })],
    verdict: 'fail',
  },
  {
    name: 'an enabled policy next to a report-only one still passes',
    check: 'CA-002',
    policies: [caPolicy({ state: 'enabledForReportingButNotEnforced' }), caPolicy()],
    verdict: 'pass',
  },
  // --- applications ---------------------------------------------------------------------------
  {
    name: 'includeApplications Office365 is not all apps',
    check: 'CA-002',
    policies: [caPolicy({ applications: { includeApplications: ['Office365'] } })],
    verdict: 'fail',
    reason: /only the Office 365 apps/,
  },
  {
    name: 'a list of selected apps is not all apps',
    check: 'CA-002',
    policies: [
      caPolicy({ applications: { includeApplications: ['00000002-0000-0ff1-ce00-000000000000'] } }),
    ],
    verdict: 'fail',
    reason: /only 1 selected app/,
  },
  {
    name: 'a user-action policy is not a sign-in policy',
    check: 'CA-002',
    policies: [
      caPolicy({
        applications: {
          includeApplications: [],
          includeUserActions: ['urn:user:registersecurityinfo'],
        },
      }),
    ],
    verdict: 'fail',
    reason: /user actions/,
  },
  {
    name: 'excluded applications are a gap',
    check: 'CA-002',
    policies: [
      caPolicy({ applications: { excludeApplications: ['d4ebce55-015a-49b5-a083-c84d1797ae8c'] } }),
    ],
    verdict: 'fail',
    reason: /leaves out 1 app/,
  },
  {
    name: 'an application filter is a gap',
    check: 'CA-002',
    policies: [
      caPolicy({
        applications: {
          applicationFilter: { mode: 'include', rule: 'CustomSecurityAttribute.x -eq "y"' },
        },
      }),
    ],
    verdict: 'fail',
    reason: /apps matching a filter/,
  },
  {
    name: 'Office365-only legacy block is not all apps',
    check: 'CA-005',
    policies: [blockLegacyPolicy({ applications: { includeApplications: ['Office365'] } })],
    verdict: 'fail',
    reason: /Office 365 apps/,
  },
  // --- conditions -----------------------------------------------------------------------------
  {
    name: 'included platforms narrow the policy',
    check: 'CA-002',
    policies: [
      caPolicy({
        conditions: { platforms: { includePlatforms: ['android', 'iOS'], excludePlatforms: [] } },
      }),
    ],
    verdict: 'fail',
    reason: /some device platforms/,
  },
  {
    name: 'excluded platforms narrow the policy',
    check: 'CA-002',
    policies: [
      caPolicy({
        conditions: { platforms: { includePlatforms: ['all'], excludePlatforms: ['macOS'] } },
      }),
    ],
    verdict: 'fail',
    reason: /some device platforms/,
  },
  {
    name: 'all platforms with nothing excluded is not narrowing',
    check: 'CA-002',
    policies: [
      caPolicy({ conditions: { platforms: { includePlatforms: ['all'], excludePlatforms: [] } } }),
    ],
    verdict: 'pass',
  },
  {
    name: 'excluding trusted locations is a gap',
    check: 'CA-002',
    policies: [
      caPolicy({
        conditions: { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } },
      }),
    ],
    verdict: 'fail',
    reason: /every location/,
  },
  {
    name: 'including only some locations is a gap',
    check: 'CA-002',
    policies: [
      caPolicy({
        conditions: {
          locations: { includeLocations: ['b7e2c9a0-named-location'], excludeLocations: [] },
        },
      }),
    ],
    verdict: 'fail',
    reason: /every location/,
  },
  {
    name: 'all locations with nothing excluded is not narrowing',
    check: 'CA-002',
    policies: [
      caPolicy({ conditions: { locations: { includeLocations: ['All'], excludeLocations: [] } } }),
    ],
    verdict: 'pass',
  },
  {
    name: 'an MFA policy limited to some client app types is a gap',
    check: 'CA-002',
    policies: [
      caPolicy({ conditions: { clientAppTypes: ['browser', 'mobileAppsAndDesktopClients'] } }),
    ],
    verdict: 'fail',
    reason: /only to these client types: browser, mobileAppsAndDesktopClients/,
  },
  {
    name: 'a device filter is a gap',
    check: 'CA-002',
    policies: [
      caPolicy({
        conditions: {
          devices: { deviceFilter: { mode: 'exclude', rule: 'device.isCompliant -eq True' } },
        },
      }),
    ],
    verdict: 'fail',
    reason: /devices matching a filter/,
  },
  {
    name: 'a sign-in risk condition is a gap',
    check: 'CA-002',
    policies: [caPolicy({ conditions: { signInRiskLevels: ['high', 'medium'] } })],
    verdict: 'fail',
    reason: /risky sign-ins/,
  },
  {
    name: 'a user risk condition is a gap',
    check: 'CA-003',
    policies: [adminMfaPolicy(PRIVILEGED_ROLE_IDS, { conditions: { userRiskLevels: ['high'] } })],
    verdict: 'fail',
    reason: /risky sign-ins or users/,
  },
  {
    name: 'an authentication-flow condition is a gap',
    check: 'CA-002',
    policies: [
      caPolicy({ conditions: { authenticationFlows: { transferMethods: 'deviceCodeFlow' } } }),
    ],
    verdict: 'fail',
    reason: /some sign-in flows/,
  },
  // --- exclusions -----------------------------------------------------------------------------
  {
    name: 'an excluded break-glass account declared by id is fine',
    check: 'CA-002',
    policies: [caPolicy({ users: { excludeUsers: [breakGlass.id] } })],
    settings: { breakGlassAccounts: [breakGlass.id] },
    verdict: 'pass',
    affected: [],
  },
  {
    name: 'a break-glass id declared in another letter case is still recognised',
    check: 'CA-002',
    policies: [caPolicy({ users: { excludeUsers: ['BG-0001'] } })],
    settings: { breakGlassAccounts: ['bg-0001'] },
    verdict: 'pass',
  },
  {
    name: 'an excluded break-glass account declared by UPN (resolved through the users) is fine',
    check: 'CA-002',
    policies: [caPolicy({ users: { excludeUsers: [breakGlass.id, breakGlass2.id] } })],
    settings: { breakGlassAccounts: ['BreakGlass1@contoso.onmicrosoft.com', breakGlass2.id] },
    verdict: 'pass',
  },
  {
    name: 'a break-glass exclusion on the legacy block is fine',
    check: 'CA-005',
    policies: [blockLegacyPolicy({ users: { excludeUsers: [breakGlass.id] } })],
    settings: { breakGlassAccounts: [breakGlass.userPrincipalName] },
    verdict: 'pass',
  },
  {
    name: 'an undeclared excluded user fails and is named with display name and UPN',
    check: 'CA-002',
    policies: [caPolicy({ users: { excludeUsers: [dana.id] } })],
    verdict: 'fail',
    affected: [excludedUser(dana)],
    reason: /leaves out Dana Scully \(dana@contoso\.com\)/,
  },
  {
    name: 'only the undeclared one of two excluded users is named',
    check: 'CA-002',
    policies: [caPolicy({ users: { excludeUsers: [breakGlass.id, fox.id] } })],
    settings: { breakGlassAccounts: [breakGlass.userPrincipalName] },
    verdict: 'fail',
    affected: [excludedUser(fox)],
  },
  {
    name: 'a declared UPN that matches no user does not excuse another account',
    check: 'CA-002',
    policies: [caPolicy({ users: { excludeUsers: [dana.id] } })],
    settings: { breakGlassAccounts: ['nobody@contoso.com'] },
    verdict: 'fail',
    affected: [excludedUser(dana)],
  },
  {
    name: 'an excluded user that is not in the user list is named by id',
    check: 'CA-002',
    policies: [caPolicy({ users: { excludeUsers: ['u-unknown'] } })],
    verdict: 'fail',
    affected: [
      {
        id: 'u-unknown',
        displayName: 'u-unknown',
        detail: 'excluded user, not a declared break-glass account',
      },
    ],
  },
  {
    name: 'an excluded group is named',
    check: 'CA-002',
    policies: [caPolicy({ users: { excludeGroups: [SALES_GROUP] } })],
    verdict: 'fail',
    affected: [{ id: SALES_GROUP, displayName: `Group ${SALES_GROUP}`, detail: 'excluded group' }],
  },
  {
    name: 'an excluded role is named',
    check: 'CA-002',
    policies: [caPolicy({ users: { excludeRoles: [GLOBAL_ADMIN] } })],
    verdict: 'fail',
    affected: [{ id: GLOBAL_ADMIN, displayName: 'Global Administrator', detail: 'excluded role' }],
  },
  {
    name: 'an excluded role on the admin policy is named',
    check: 'CA-003',
    policies: [adminMfaPolicy(PRIVILEGED_ROLE_IDS, { users: { excludeRoles: [GLOBAL_ADMIN] } })],
    verdict: 'fail',
    affected: [{ id: GLOBAL_ADMIN, displayName: 'Global Administrator', detail: 'excluded role' }],
  },
  {
    name: 'excluding all guests through excludeUsers is named',
    check: 'CA-002',
    policies: [caPolicy({ users: { excludeUsers: ['GuestsOrExternalUsers'] } })],
    verdict: 'fail',
    affected: [
      {
        id: 'GuestsOrExternalUsers',
        displayName: 'All guests and external users',
        detail: 'excluded from the policy',
      },
    ],
  },
  {
    name: 'excluding guest types is named',
    check: 'CA-002',
    policies: [
      caPolicy({
        users: {
          excludeGuestsOrExternalUsers: {
            guestOrExternalUserTypes: 'b2bCollaborationGuest',
            externalTenants: null,
          },
        },
      }),
    ],
    verdict: 'fail',
    affected: [
      {
        id: 'guests',
        displayName: 'Guests and external users',
        detail: 'excluded from the policy',
      },
    ],
  },
  {
    name: 'exclusions of every gap policy are named together',
    check: 'CA-002',
    policies: [
      caPolicy({ users: { excludeUsers: [dana.id] } }),
      caPolicy({ users: { excludeGroups: [SALES_GROUP] } }),
    ],
    verdict: 'fail',
    affected: [
      excludedUser(dana),
      { id: SALES_GROUP, displayName: `Group ${SALES_GROUP}`, detail: 'excluded group' },
    ],
  },
  {
    name: 'more than three exclusions are summarised in the reason',
    check: 'CA-002',
    policies: [
      caPolicy({ users: { excludeUsers: [dana.id, fox.id, breakGlass.id, breakGlass2.id] } }),
    ],
    verdict: 'fail',
    reason: /and 1 more/,
  },
  {
    name: 'a complete policy wins over a policy with gaps',
    check: 'CA-002',
    policies: [caPolicy({ users: { excludeUsers: [dana.id] } }), caPolicy()],
    verdict: 'pass',
    affected: [],
  },
  // --- grant controls -------------------------------------------------------------------------
  {
    name: 'mfa OR compliantDevice is not strict MFA',
    check: 'CA-002',
    policies: [
      caPolicy({ grantControls: { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] } }),
    ],
    verdict: 'fail',
    reason: /satisfied without MFA \(by compliantDevice\)/,
  },
  {
    name: 'mfa OR compliantDevice is not strict MFA for admins either',
    check: 'CA-003',
    policies: [
      adminMfaPolicy(PRIVILEGED_ROLE_IDS, {
        grantControls: { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] },
      }),
    ],
    verdict: 'fail',
    reason: /without MFA/,
  },
  {
    name: 'mfa AND compliantDevice is strict MFA',
    check: 'CA-002',
    policies: [
      caPolicy({ grantControls: { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] } }),
    ],
    verdict: 'pass',
  },
  {
    name: 'an authentication strength counts as MFA',
    check: 'CA-002',
    policies: [
      caPolicy({
        grantControls: {
          builtInControls: [],
          authenticationStrength: { id: '00000000-0000-0000-0000-000000000002' },
        },
      }),
    ],
    verdict: 'pass',
  },
  {
    name: 'an authentication strength for admins counts as MFA',
    check: 'CA-003',
    policies: [
      adminMfaPolicy(PRIVILEGED_ROLE_IDS, {
        grantControls: {
          builtInControls: [],
          authenticationStrength: { id: '00000000-0000-0000-0000-000000000004' },
        },
      }),
    ],
    verdict: 'pass',
  },
  {
    name: 'an authentication strength OR compliantDevice is not strict MFA',
    check: 'CA-002',
    policies: [
      caPolicy({
        grantControls: {
          operator: 'OR',
          builtInControls: ['compliantDevice'],
          authenticationStrength: { id: '00000000-0000-0000-0000-000000000002' },
        },
      }),
    ],
    verdict: 'fail',
    reason: /without MFA/,
  },
  {
    name: 'a compliant-device-only policy is not an MFA policy',
    check: 'CA-002',
    policies: [caPolicy({ grantControls: { builtInControls: ['compliantDevice'] } })],
    verdict: 'fail',
    reason: /^No enabled/,
  },
  {
    name: 'a policy with no grant controls is not an MFA policy',
    check: 'CA-002',
    policies: [caPolicy({ grantControls: null })],
    verdict: 'fail',
    reason: /^No enabled/,
  },
  {
    name: 'a block-all policy is not an MFA policy',
    check: 'CA-002',
    policies: [caPolicy({ grantControls: { builtInControls: ['block'] } })],
    verdict: 'fail',
    reason: /^No enabled/,
  },
  // --- who is covered -------------------------------------------------------------------------
  {
    name: 'an admin policy covering only some of the 8 roles fails and names the missing ones',
    check: 'CA-003',
    policies: [adminMfaPolicy(PRIVILEGED_ROLE_IDS.slice(0, 5))],
    verdict: 'fail',
    reason:
      /leaves out these admin roles: Hybrid Identity Administrator, Application Administrator, Cloud Application Administrator\./,
  },
  {
    name: 'an admin policy covering all 8 roles passes',
    check: 'CA-003',
    policies: [adminMfaPolicy()],
    verdict: 'pass',
  },
  {
    name: 'an admin policy with extra roles beyond the 8 passes',
    check: 'CA-003',
    policies: [adminMfaPolicy([...PRIVILEGED_ROLE_IDS, '729827e3-9c14-49f7-bb1b-9608f156bbb8'])],
    verdict: 'pass',
  },
  {
    name: 'an all-users MFA policy satisfies the admin requirement',
    check: 'CA-003',
    policies: [caPolicy()],
    verdict: 'pass',
  },
  {
    name: 'an admin-only policy does not satisfy the all-users requirement',
    check: 'CA-002',
    policies: [adminMfaPolicy()],
    verdict: 'fail',
    reason: /^No enabled/,
  },
  {
    name: 'a policy for a group of users is not all users',
    check: 'CA-002',
    policies: [caPolicy({ users: { includeUsers: [], includeGroups: [SALES_GROUP] } })],
    verdict: 'fail',
    reason: /^No enabled/,
  },
  {
    name: 'a policy for non-privileged roles does not count for admins',
    check: 'CA-003',
    policies: [adminMfaPolicy(['729827e3-9c14-49f7-bb1b-9608f156bbb8'])],
    verdict: 'fail',
    reason: /^No enabled/,
  },
  {
    name: '"all" is recognised in any letter case',
    check: 'CA-002',
    policies: [
      caPolicy({
        users: { includeUsers: ['all'] },
        applications: { includeApplications: ['all'] },
      }),
    ],
    verdict: 'pass',
  },
  // --- legacy authentication ------------------------------------------------------------------
  {
    name: 'a legacy block missing exchangeActiveSync fails',
    check: 'CA-005',
    policies: [blockLegacyPolicy({ conditions: { clientAppTypes: ['other'] } })],
    verdict: 'fail',
    reason: /does not cover these client types: exchangeActiveSync\./,
  },
  {
    name: 'a legacy block missing other clients fails',
    check: 'CA-005',
    policies: [blockLegacyPolicy({ conditions: { clientAppTypes: ['exchangeActiveSync'] } })],
    verdict: 'fail',
    reason: /does not cover these client types: other\./,
  },
  {
    name: 'a legacy block with an undeclared exclusion fails and names it',
    check: 'CA-005',
    policies: [blockLegacyPolicy({ users: { excludeUsers: [fox.id] } })],
    verdict: 'fail',
    affected: [excludedUser(fox)],
  },
  {
    name: 'a legacy block only for some users does not count',
    check: 'CA-005',
    policies: [blockLegacyPolicy({ users: { includeUsers: [], includeGroups: [SALES_GROUP] } })],
    verdict: 'fail',
    reason: /^No enabled/,
  },
  // --- Security Defaults ----------------------------------------------------------------------
  {
    name: 'Security Defaults on passes CA-001 with no policy',
    check: 'CA-001',
    policies: [],
    securityDefaults: true,
    verdict: 'pass',
  },
  {
    name: 'Security Defaults on passes CA-005 with no policy',
    check: 'CA-005',
    policies: [],
    securityDefaults: true,
    verdict: 'pass',
  },
  {
    name: 'Security Defaults on with P1 and no policy: CA-002 warns',
    check: 'CA-002',
    policies: [],
    securityDefaults: true,
    verdict: 'warn',
    reason: /Security Defaults is on/,
  },
  {
    name: 'Security Defaults on with P1 and a report-only policy: CA-002 warns',
    check: 'CA-002',
    policies: [caPolicy({ state: 'enabledForReportingButNotEnforced' })],
    securityDefaults: true,
    verdict: 'warn',
  },
  {
    name: 'Security Defaults on with a gap policy: CA-003 warns and still names the exclusion',
    check: 'CA-003',
    policies: [adminMfaPolicy(PRIVILEGED_ROLE_IDS, { users: { excludeUsers: [dana.id] } })],
    securityDefaults: true,
    verdict: 'warn',
    affected: [excludedUser(dana)],
  },
  {
    name: 'Security Defaults off: CA-001 follows the all-users MFA policy',
    check: 'CA-001',
    policies: [
      caPolicy({
        conditions: { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } },
      }),
    ],
    verdict: 'fail',
    reason: /^Security Defaults is off.*every location/,
  },
  {
    name: 'Security Defaults off: CA-001 names the undeclared exclusions',
    check: 'CA-001',
    policies: [caPolicy({ users: { excludeUsers: [breakGlass.id, dana.id] } })],
    settings: { breakGlassAccounts: [breakGlass.id] },
    verdict: 'fail',
    affected: [excludedUser(dana)],
  },
];

describe('Conditional Access edge cases', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const snapshot = snapshotWith({
      subscribedSkus: [SKU_BUSINESS_PREMIUM],
      securityDefaults: { isEnabled: row.securityDefaults ?? false },
      users: USERS,
      conditionalAccessPolicies: row.policies,
    });
    const options = { settings: row.settings ?? {} };

    // Through the check, as a scan runs it.
    const finding = run(CHECKS[row.check], snapshot, options);
    expect(finding.verdict).toBe(row.verdict);
    if (row.affected) {
      expect(
        finding.affected.map((a) => ({ id: a.id, displayName: a.displayName, detail: a.detail })),
      ).toEqual(row.affected);
    }
    if (row.reason) expect(finding.reason).toMatch(row.reason);

    // Through the shared assessment: a pass needs an enforcing policy; Security Defaults aside,
    // a fail means none enforces, and the named objects are the gap policies' exclusions.
    const assessment = assessConditionalAccess(
      caPoliciesSchema.parse(row.policies),
      REQUIREMENTS[row.check],
      ctx(snapshot, options),
    );
    const byDefaults = row.securityDefaults && (row.check === 'CA-001' || row.check === 'CA-005');
    if (!byDefaults) expect(assessment.enforcing.length > 0).toBe(row.verdict === 'pass');
    if (row.affected && !byDefaults && row.verdict !== 'pass') {
      expect(assessment.gaps.flatMap((g) => g.exclusions).map((a) => a.displayName)).toEqual(
        row.affected.map((a) => a.displayName),
      );
    }
  });
});

describe('assessConditionalAccess', () => {
  const context = (settings: Partial<TenantSettings> = {}) =>
    ctx(snapshotWith({ users: USERS, subscribedSkus: [SKU_BUSINESS_PREMIUM] }), { settings });
  const parse = (policies: readonly unknown[]) => caPoliciesSchema.parse(policies);

  it('sorts policies into enforcing, report-only and gaps, ignoring disabled and unrelated ones', () => {
    const policies = parse([
      caPolicy({ id: 'enforcing' }),
      caPolicy({ id: 'report', state: 'enabledForReportingButNotEnforced' }),
      caPolicy({ id: 'gap', users: { excludeUsers: [dana.id] } }),
      caPolicy({ id: 'off', state: 'disabled' }),
      blockLegacyPolicy({ id: 'legacy' }),
    ]);
    const assessment = assessConditionalAccess(policies, REQUIREMENTS['CA-002'], context());
    expect(assessment.enforcing.map((p) => p.id)).toEqual(['enforcing']);
    expect(assessment.reportOnly.map((p) => p.id)).toEqual(['report']);
    expect(assessment.gaps.map((g) => g.policy.id)).toEqual(['gap']);
  });

  it('does not list an incomplete report-only policy as report-only or as a gap', () => {
    const policies = parse([
      caPolicy({ state: 'enabledForReportingButNotEnforced', users: { excludeUsers: [dana.id] } }),
    ]);
    const assessment = assessConditionalAccess(policies, REQUIREMENTS['CA-002'], context());
    expect(assessment).toEqual({ enforcing: [], reportOnly: [], gaps: [] });
  });

  it('records every problem of a gap policy, not just the first', () => {
    const policies = parse([
      caPolicy({
        applications: { includeApplications: ['Office365'] },
        conditions: { signInRiskLevels: ['high'] },
        grantControls: { builtInControls: ['mfa', 'domainJoinedDevice'] },
      }),
    ]);
    const [gap] = assessConditionalAccess(policies, REQUIREMENTS['CA-002'], context()).gaps;
    expect(gap?.problems).toHaveLength(3);
  });

  it('resolves a break-glass UPN only through the user list', () => {
    const policies = parse([caPolicy({ users: { excludeUsers: [breakGlass.id] } })]);
    const declared = { breakGlassAccounts: [breakGlass.userPrincipalName] };
    expect(
      assessConditionalAccess(policies, REQUIREMENTS['CA-002'], context(declared)).enforcing,
    ).toHaveLength(1);
    const withoutUsers = ctx(snapshotWith({}), { settings: declared });
    const assessment = assessConditionalAccess(policies, REQUIREMENTS['CA-002'], withoutUsers);
    expect(assessment.enforcing).toHaveLength(0);
    expect(assessment.gaps[0]?.exclusions.map((e) => e.id)).toEqual([breakGlass.id]);
  });
});
