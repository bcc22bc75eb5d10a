import { describe, expect, it } from 'vitest';
import { ADM_004, ADM_005, ADM_006, ADM_007, ADM_008, ADM_009, ADM_010 } from './adm-checks';
import {
  AAD_PREMIUM_P2_PLAN,
  adminMfaPolicy,
  assignment,
  caPolicy,
  GLOBAL_ADMIN,
  NOW,
  PRIVILEGED_ROLE_IDS,
  run,
  SKU_BUSINESS_PREMIUM,
  SKU_BUSINESS_STANDARD,
  snapshotWith,
  sourceError,
  user,
  withError,
  type SourceData,
} from './test-snapshot';

const PRA = 'e8611ab8-c189-46e8-94e1-60213ab1f814';
const USER_ADMIN = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const EXCHANGE_ADMIN = '29232cdf-9323-42fd-ade2-1d097af3e4de';
const HELPDESK_ADMIN = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const TENANT_ID = 'c0ffee00-1234-4abc-8def-000000000042';
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY).toISOString();
const daysAhead = (n: number) => new Date(NOW.getTime() + n * DAY).toISOString();

const SKU_P2 = {
  skuId: '84a661c4-e949-4bd2-a560-ed7766fcaf2b',
  skuPartNumber: 'AAD_PREMIUM_P2',
  capabilityStatus: 'Enabled',
  servicePlans: [
    {
      servicePlanId: AAD_PREMIUM_P2_PLAN,
      servicePlanName: 'AAD_PREMIUM_P2',
      provisioningStatus: 'Success',
    },
  ],
};

const ALEX = user({
  id: 'u-alex',
  displayName: 'Alex Admin',
  userPrincipalName: 'alex@contoso.com',
});
const BEA = user({ id: 'u-bea', displayName: 'Bea Admin', userPrincipalName: 'bea@contoso.com' });
const CARL = user({
  id: 'u-carl',
  displayName: 'Carl Staff',
  userPrincipalName: 'carl@contoso.com',
});
const BG1 = user({
  id: 'u-bg1',
  displayName: 'Emergency 1',
  userPrincipalName: 'emergency1@contoso.onmicrosoft.com',
});
const BG2 = user({
  id: 'u-bg2',
  displayName: 'Emergency 2',
  userPrincipalName: 'emergency2@contoso.onmicrosoft.com',
});
const BREAK_GLASS = { breakGlassAccounts: [BG1.userPrincipalName, BG2.id] };

let instanceCounter = 0;
function instance(
  principalId: string,
  roleDefinitionId: string,
  fields: Record<string, unknown> = {},
) {
  instanceCounter += 1;
  return {
    id: `instance-${instanceCounter}`,
    principalId,
    roleDefinitionId,
    directoryScopeId: '/',
    assignmentType: 'Assigned',
    memberType: 'Direct',
    startDateTime: '2025-01-01T00:00:00Z',
    endDateTime: null,
    ...fields,
  };
}

// --- ADM-004 ----------------------------------------------------------------------------------

describe('ADM-004 permanent admin-role assignments (PIM)', () => {
  const clean: SourceData = {
    subscribedSkus: [SKU_BUSINESS_PREMIUM, SKU_P2],
    users: [ALEX, BEA, BG1, BG2],
    roleAssignmentSchedules: [
      instance(BG1.id, GLOBAL_ADMIN),
      instance(BG2.id, GLOBAL_ADMIN),
      instance(ALEX.id, GLOBAL_ADMIN, { assignmentType: 'Activated', endDateTime: daysAhead(0.2) }),
      instance(BEA.id, EXCHANGE_ADMIN, { endDateTime: daysAhead(30) }),
      instance(CARL.id, GLOBAL_ADMIN, { directoryScopeId: '/administrativeUnits/au-1' }),
      instance(CARL.id, HELPDESK_ADMIN),
    ],
    roleEligibilitySchedules: [instance(ALEX.id, GLOBAL_ADMIN), instance(BEA.id, PRA)],
  };

  it('passes when admin roles are eligible or time-limited and only emergency accounts are permanent', () => {
    const f = run(ADM_004, snapshotWith(clean), { settings: BREAK_GLASS });
    expect(f.verdict).toBe('pass');
    expect(f.reason).toMatch(/apart from 2 declared emergency account/);
    expect(f.evidence[0]?.summary).toMatch(
      /4 active admin-role assignment\(s\), 2 with no end date/,
    );
  });

  it('fails on a permanent active assignment, naming the person, role and an assignment made outside PIM', () => {
    const data = {
      ...clean,
      roleAssignmentSchedules: [
        ...(clean.roleAssignmentSchedules as unknown[]),
        instance(BEA.id, PRA, { startDateTime: null }),
        instance(BEA.id, USER_ADMIN),
      ],
    };
    const f = run(ADM_004, snapshotWith(data), { settings: BREAK_GLASS });
    expect(f.verdict).toBe('fail');
    expect(f.reason).toMatch(/^1 account\(s\) hold an admin role permanently/);
    expect(f.affected).toEqual([
      {
        id: BEA.id,
        displayName: 'Bea Admin (bea@contoso.com)',
        detail:
          'permanently active: Privileged Role Administrator, User Administrator; assigned outside PIM',
      },
    ]);
  });

  it('counts undeclared emergency accounts as permanent admins', () => {
    const f = run(ADM_004, snapshotWith(clean));
    expect(f.verdict).toBe('fail');
    expect(f.affected.map((a) => a.id).sort()).toEqual([BG1.id, BG2.id]);
  });

  it('is not applicable without Entra ID P2, or when Microsoft refuses PIM for want of a licence', () => {
    const noP2 = run(ADM_004, snapshotWith({ ...clean, subscribedSkus: [SKU_BUSINESS_PREMIUM] }));
    expect(noP2).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
    const refused = run(
      ADM_004,
      snapshotWith(clean, { roleAssignmentSchedules: sourceError('not_licensed') }),
    );
    expect(refused).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
    expect(refused.evidence[0]?.source).toBe('roleAssignmentSchedules');
  });

  it('is unknown when licences or a PIM list could not be read, or when both lists are empty', () => {
    expect(
      run(ADM_004, withError(snapshotWith(clean), 'subscribedSkus', 'forbidden')),
    ).toMatchObject({ verdict: 'unknown', reasonCode: 'forbidden' });
    expect(
      run(ADM_004, withError(snapshotWith(clean), 'roleEligibilitySchedules', 'throttled')),
    ).toMatchObject({ verdict: 'unknown', reasonCode: 'throttled' });
    const { roleAssignmentSchedules: _omit, ...notCollected } = clean;
    expect(run(ADM_004, snapshotWith(notCollected))).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'error',
    });
    const empty = { ...clean, roleAssignmentSchedules: [], roleEligibilitySchedules: [] };
    expect(run(ADM_004, snapshotWith(empty))).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'invalid_response',
    });
    expect(
      run(ADM_004, snapshotWith({ ...clean, roleAssignmentSchedules: [{ id: 'x' }] })),
    ).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });
});

// --- ADM-005 and ADM-006: role settings -------------------------------------------------------

function approvalRule(required: boolean, approvers: number) {
  return {
    '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyApprovalRule',
    id: 'Approval_EndUser_Assignment',
    setting: {
      isApprovalRequired: required,
      approvalMode: 'SingleStage',
      approvalStages: [
        {
          approvalStageTimeOutInDays: 1,
          primaryApprovers: Array.from({ length: approvers }, (_v, i) => ({
            '@odata.type': '#microsoft.graph.singleUser',
            userId: `approver-${i}`,
          })),
        },
      ],
    },
  };
}

function notificationRule(id: string, recipients: string[]) {
  return {
    '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyNotificationRule',
    id,
    notificationType: 'Email',
    recipientType: 'Admin',
    notificationLevel: 'All',
    isDefaultRecipientsEnabled: true,
    notificationRecipients: recipients,
  };
}

const ALERTS = ['secops@contoso.com'];
function alertRules(assigned = ALERTS, eligible = ALERTS, activated = ALERTS) {
  return [
    notificationRule('Notification_Admin_Admin_Assignment', assigned),
    notificationRule('Notification_Admin_Admin_Eligibility', eligible),
    notificationRule('Notification_Admin_EndUser_Assignment', activated),
  ];
}

function roleSetting(roleDefinitionId: string, rules: unknown[], scopeId = '/') {
  return {
    id: `Directory_tenant_${roleDefinitionId}_${scopeId.length}`,
    policyId: `policy-${roleDefinitionId}`,
    scopeId,
    scopeType: 'DirectoryRole',
    roleDefinitionId,
    policy: { id: `policy-${roleDefinitionId}`, rules },
  };
}

function settingsFor(rulesFor: (role: string) => unknown[]) {
  return PRIVILEGED_ROLE_IDS.map((role) => roleSetting(role, rulesFor(role)));
}

describe('ADM-005 approval to activate Global Administrator and Privileged Role Administrator', () => {
  const withRules = (rulesFor: (role: string) => unknown[]): SourceData => ({
    subscribedSkus: [SKU_P2],
    roleManagementPolicyAssignments: settingsFor(rulesFor),
  });

  it('passes when both roles need approval with a named approver', () => {
    const f = run(ADM_005, snapshotWith(withRules(() => [approvalRule(true, 1)])));
    expect(f.verdict).toBe('pass');
    expect(f.reason).toMatch(/Global Administrator and Privileged Role Administrator/);
  });

  it('differs by profile: CIS also wants approval for Privileged Role Administrator, CISA only for Global Administrator', () => {
    const data = withRules((role) => [approvalRule(role !== PRA, 1)]);
    const cis = run(ADM_005, snapshotWith(data), { profile: 'cis' });
    expect(cis.verdict).toBe('fail');
    expect(cis.affected).toEqual([
      {
        id: PRA,
        displayName: 'Privileged Role Administrator',
        detail: 'activates without approval',
      },
    ]);
    expect(run(ADM_005, snapshotWith(data), { profile: 'cisa' }).verdict).toBe('pass');
  });

  it('fails when approval is on but nobody can approve, and ignores settings scoped to an administrative unit', () => {
    const noApprover = run(ADM_005, snapshotWith(withRules(() => [approvalRule(true, 0)])), {
      profile: 'cisa',
    });
    expect(noApprover.verdict).toBe('fail');
    expect(noApprover.affected[0]?.detail).toMatch(/no approver/);
    const scoped = {
      subscribedSkus: [SKU_P2],
      roleManagementPolicyAssignments: [
        roleSetting(GLOBAL_ADMIN, [approvalRule(false, 0)]),
        roleSetting(GLOBAL_ADMIN, [approvalRule(true, 1)], '/administrativeUnits/au-1'),
      ],
    };
    expect(run(ADM_005, snapshotWith(scoped), { profile: 'cisa' }).verdict).toBe('fail');
  });

  it('is unknown when a role has no settings, not applicable without P2, unknown when refused', () => {
    const missing = {
      subscribedSkus: [SKU_P2],
      roleManagementPolicyAssignments: [roleSetting(GLOBAL_ADMIN, [approvalRule(true, 1)])],
    };
    expect(run(ADM_005, snapshotWith(missing))).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'invalid_response',
    });
    expect(run(ADM_005, snapshotWith(missing), { profile: 'cisa' }).verdict).toBe('pass');
    expect(
      run(ADM_005, snapshotWith({ ...missing, subscribedSkus: [SKU_BUSINESS_STANDARD] })),
    ).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
    expect(
      run(
        ADM_005,
        withError(snapshotWith(missing), 'roleManagementPolicyAssignments', 'forbidden'),
      ),
    ).toMatchObject({ verdict: 'unknown', reasonCode: 'forbidden' });
    expect(
      run(
        ADM_005,
        withError(snapshotWith(missing), 'roleManagementPolicyAssignments', 'not_licensed'),
      ),
    ).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
    const notExpanded = {
      subscribedSkus: [SKU_P2],
      roleManagementPolicyAssignments: [{ id: 'a', roleDefinitionId: GLOBAL_ADMIN, scopeId: '/' }],
    };
    expect(run(ADM_005, snapshotWith(notExpanded))).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'invalid_response',
    });
  });
});

describe('ADM-006 alerts when admin roles are given out or switched on', () => {
  const withRules = (rulesFor: (role: string) => unknown[]): SourceData => ({
    subscribedSkus: [SKU_P2],
    roleManagementPolicyAssignments: settingsFor(rulesFor),
  });

  it('passes when every privileged role alerts a named recipient', () => {
    expect(run(ADM_006, snapshotWith(withRules(() => alertRules()))).verdict).toBe('pass');
  });

  it('fails when Global Administrator activation alerts nobody', () => {
    const f = run(
      ADM_006,
      snapshotWith(
        withRules((r) => (r === GLOBAL_ADMIN ? alertRules(ALERTS, ALERTS, []) : alertRules())),
      ),
    );
    expect(f.verdict).toBe('fail');
    expect(f.affected).toEqual([
      {
        id: GLOBAL_ADMIN,
        displayName: 'Global Administrator',
        detail: 'no alert recipient when the role is switched on',
      },
    ]);
  });

  it('fails when assignments alert nobody, for any privileged role', () => {
    const f = run(
      ADM_006,
      snapshotWith(withRules((r) => (r === USER_ADMIN ? alertRules([], ALERTS) : alertRules()))),
    );
    expect(f.verdict).toBe('fail');
    expect(f.affected[0]).toMatchObject({
      id: USER_ADMIN,
      detail: expect.stringMatching(/given out as active/),
    });
  });

  it('warns when only the activation of roles other than Global Administrator alerts nobody', () => {
    const f = run(
      ADM_006,
      snapshotWith(
        withRules((r) => (r === GLOBAL_ADMIN ? alertRules() : alertRules(ALERTS, ALERTS, []))),
      ),
    );
    expect(f.verdict).toBe('warn');
    expect(f.affected).toHaveLength(7);
  });

  it('is unknown with missing settings, not applicable without P2', () => {
    const partial = {
      subscribedSkus: [SKU_P2],
      roleManagementPolicyAssignments: [roleSetting(GLOBAL_ADMIN, alertRules())],
    };
    expect(run(ADM_006, snapshotWith(partial))).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'invalid_response',
    });
    expect(
      run(ADM_006, snapshotWith({ ...partial, subscribedSkus: [SKU_BUSINESS_PREMIUM] })).verdict,
    ).toBe('not_applicable');
    expect(
      run(ADM_006, withError(snapshotWith(partial), 'subscribedSkus', 'network')),
    ).toMatchObject({ verdict: 'unknown', reasonCode: 'network' });
  });
});

// --- ADM-007 ----------------------------------------------------------------------------------

describe('ADM-007 emergency (break-glass) accounts', () => {
  const registration = (id: string, methods: string[]) => ({
    id,
    userPrincipalName: `${id}@contoso.com`,
    methodsRegistered: methods,
  });
  const ready: SourceData = {
    subscribedSkus: [SKU_BUSINESS_PREMIUM],
    users: [ALEX, BG1, BG2],
    roleAssignments: [
      assignment(BG1, GLOBAL_ADMIN),
      assignment(BG2, GLOBAL_ADMIN),
      assignment(ALEX, GLOBAL_ADMIN),
    ],
    conditionalAccessPolicies: [
      caPolicy({ users: { excludeUsers: [BG1.id, BG2.id] } }),
      adminMfaPolicy(undefined, { users: { excludeUsers: [BG1.id, BG2.id] } }),
      caPolicy({ displayName: 'Report-only test', state: 'enabledForReportingButNotEnforced' }),
      caPolicy({ displayName: 'Old policy', state: 'disabled' }),
      caPolicy({ displayName: 'Alex only', users: { includeUsers: [ALEX.id] } }),
    ],
    userRegistrationDetails: [
      registration(BG1.id, ['passKeyDeviceBound']),
      registration(BG2.id, ['fido2']),
      registration(ALEX.id, ['microsoftAuthenticatorPush']),
    ],
  };

  it('asks which accounts are the emergency accounts when none is declared', () => {
    const f = run(ADM_007, snapshotWith(ready));
    expect(f).toMatchObject({ verdict: 'manual', reasonCode: 'needs_declaration' });
    expect(f.reason).toContain('Which accounts are your emergency (break-glass) accounts?');
  });

  it('checks the exclusions and asks to confirm phishing-resistant sign-in by hand', () => {
    const f = run(ADM_007, snapshotWith(ready), { settings: BREAK_GLASS });
    expect(f).toMatchObject({ verdict: 'manual', reasonCode: 'needs_declaration' });
    expect(f.reason).toMatch(/left out of every enabled Conditional Access policy/);
    expect(f.reason).toMatch(
      /does each of them sign in only with a FIDO2 security key or passkey\?/,
    );
  });

  it('fails with only one declared account', () => {
    const f = run(ADM_007, snapshotWith(ready), { settings: { breakGlassAccounts: [BG1.id] } });
    expect(f.verdict).toBe('fail');
    expect(f.reason).toMatch(/only one/);
  });

  it('fails when an enabled policy reaches an emergency account without leaving it out', () => {
    const data = {
      ...ready,
      conditionalAccessPolicies: [
        caPolicy({ displayName: 'MFA for all', users: { excludeUsers: [BG1.id] } }),
      ],
    };
    const f = run(ADM_007, snapshotWith(data), { settings: BREAK_GLASS });
    expect(f.verdict).toBe('fail');
    expect(f.affected).toEqual([
      {
        id: BG2.id,
        displayName: 'Emergency 2 (emergency2@contoso.onmicrosoft.com)',
        detail: 'not left out of: "MFA for all"',
      },
    ]);
  });

  it('reads role-targeted policies through the role assignments', () => {
    const roleOnly = {
      ...ready,
      conditionalAccessPolicies: [
        adminMfaPolicy([EXCHANGE_ADMIN], { displayName: 'Exchange admins' }),
      ],
    };
    expect(run(ADM_007, snapshotWith(roleOnly), { settings: BREAK_GLASS }).verdict).toBe('manual');
    const gaPolicy = {
      ...ready,
      conditionalAccessPolicies: [adminMfaPolicy([GLOBAL_ADMIN], { displayName: 'GA policy' })],
    };
    expect(run(ADM_007, snapshotWith(gaPolicy), { settings: BREAK_GLASS }).verdict).toBe('fail');
    const { roleAssignments: _drop, ...noRoles } = roleOnly;
    const unsure = run(ADM_007, snapshotWith(noRoles), { settings: BREAK_GLASS });
    expect(unsure.verdict).toBe('manual');
    expect(unsure.affected).toHaveLength(2);
  });

  it('lists accounts a group-based policy may reach, since group members are not read', () => {
    const data = {
      ...ready,
      conditionalAccessPolicies: [
        caPolicy({
          displayName: 'Staff MFA',
          users: { includeUsers: [], includeGroups: ['g-staff'] },
        }),
      ],
    };
    const f = run(ADM_007, snapshotWith(data), { settings: BREAK_GLASS });
    expect(f.verdict).toBe('manual');
    expect(f.reason).toMatch(/some target groups/);
    expect(f.affected[0]?.detail).toMatch(/may be reached through a group by: "Staff MFA"/);
  });

  it('fails for a declared account that is missing, disabled or has no security key registered', () => {
    const missing = run(ADM_007, snapshotWith(ready), {
      settings: { breakGlassAccounts: [BG1.id, BG2.id, 'ghost@contoso.com'] },
    });
    expect(missing.verdict).toBe('fail');
    expect(missing.affected).toContainEqual({
      id: 'ghost@contoso.com',
      displayName: 'ghost@contoso.com',
      detail: 'not found in your directory',
    });
    const disabled = {
      ...ready,
      users: [ALEX, BG1, { ...BG2, accountEnabled: false }],
    };
    expect(run(ADM_007, snapshotWith(disabled), { settings: BREAK_GLASS }).affected).toContainEqual(
      expect.objectContaining({ id: BG2.id, detail: 'account is disabled' }),
    );
    const noKey = {
      ...ready,
      userRegistrationDetails: [
        registration(BG1.id, ['passKeyDeviceBound']),
        registration(BG2.id, ['mobilePhone']),
      ],
    };
    const f = run(ADM_007, snapshotWith(noKey), { settings: BREAK_GLASS });
    expect(f.verdict).toBe('fail');
    expect(f.affected).toContainEqual(
      expect.objectContaining({ id: BG2.id, detail: 'no security key or passkey registered' }),
    );
  });

  it('treats Conditional Access as absent when the licence does not include it', () => {
    const f = run(
      ADM_007,
      snapshotWith(
        { ...ready, subscribedSkus: [SKU_BUSINESS_STANDARD] },
        { conditionalAccessPolicies: sourceError('not_licensed') },
      ),
      { settings: BREAK_GLASS },
    );
    expect(f.verdict).toBe('manual');
    expect(f.reason).toMatch(/no Conditional Access/);
  });

  it('is unknown when users or the Conditional Access policies could not be read', () => {
    expect(
      run(ADM_007, withError(snapshotWith(ready), 'users', 'forbidden'), { settings: BREAK_GLASS }),
    ).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'forbidden',
    });
    expect(
      run(ADM_007, withError(snapshotWith(ready), 'conditionalAccessPolicies', 'forbidden'), {
        settings: BREAK_GLASS,
      }),
    ).toMatchObject({ verdict: 'unknown', reasonCode: 'forbidden' });
  });
});

// --- ADM-008 ----------------------------------------------------------------------------------

describe('ADM-008 stale admin accounts', () => {
  const activity = (
    u: { id: string; userPrincipalName: string },
    fields: Record<string, unknown>,
  ) => ({
    id: u.id,
    userPrincipalName: u.userPrincipalName,
    accountEnabled: true,
    createdDateTime: '2020-01-01T00:00:00Z',
    ...fields,
  });
  const signedIn = (iso: string) => ({
    lastSignInDateTime: iso,
    lastNonInteractiveSignInDateTime: iso,
    lastSuccessfulSignInDateTime: iso,
  });
  const base: SourceData = {
    subscribedSkus: [SKU_BUSINESS_PREMIUM],
    roleAssignments: [
      assignment(ALEX, GLOBAL_ADMIN),
      assignment(BEA, EXCHANGE_ADMIN),
      assignment(CARL, HELPDESK_ADMIN),
    ],
    userSignInActivity: [
      activity(ALEX, { signInActivity: signedIn(daysAgo(3)) }),
      activity(BEA, { signInActivity: signedIn(daysAgo(89)) }),
    ],
  };

  it('passes when every enabled admin signed in within 90 days (non-privileged roles are ignored)', () => {
    const f = run(ADM_008, snapshotWith(base));
    expect(f.verdict).toBe('pass');
  });

  it('fails for an admin whose last successful sign-in is older than 90 days', () => {
    const data = {
      ...base,
      userSignInActivity: [
        activity(ALEX, { signInActivity: signedIn(daysAgo(3)) }),
        activity(BEA, {
          signInActivity: { ...signedIn(daysAgo(2)), lastSuccessfulSignInDateTime: daysAgo(120) },
        }),
      ],
    };
    const f = run(ADM_008, snapshotWith(data));
    expect(f.verdict).toBe('fail');
    expect(f.affected).toEqual([
      {
        id: BEA.id,
        displayName: 'Bea Admin (bea@contoso.com)',
        detail: `last sign-in ${daysAgo(120).slice(0, 10)} (120 days ago); holds Exchange Administrator`,
      },
    ]);
  });

  it('uses the last attempt when no successful sign-in is on record, and treats no sign-in by age', () => {
    const data = {
      ...base,
      userSignInActivity: [
        activity(ALEX, { signInActivity: { lastSignInDateTime: daysAgo(200) } }),
        activity(BEA, { signInActivity: null, createdDateTime: daysAgo(10) }),
      ],
    };
    const f = run(ADM_008, snapshotWith(data));
    expect(f.verdict).toBe('fail');
    expect(f.affected.map((a) => a.id)).toEqual([ALEX.id]);
    expect(f.affected[0]?.detail).toMatch(/^last sign-in attempt/);
    const never = {
      ...base,
      userSignInActivity: [
        activity(ALEX, { signInActivity: signedIn(daysAgo(1)) }),
        activity(BEA, { signInActivity: null }),
      ],
    };
    expect(run(ADM_008, snapshotWith(never)).affected[0]?.detail).toMatch(/no sign-in on record/);
  });

  it('skips disabled admins and notes emergency accounts', () => {
    const data = {
      ...base,
      roleAssignments: [...(base.roleAssignments as unknown[]), assignment(BG1, GLOBAL_ADMIN)],
      userSignInActivity: [
        activity(ALEX, { signInActivity: signedIn(daysAgo(3)), accountEnabled: false }),
        activity(BEA, { signInActivity: signedIn(daysAgo(3)) }),
        activity(BG1, { signInActivity: signedIn(daysAgo(100)) }),
      ],
    };
    const f = run(ADM_008, snapshotWith(data), { settings: BREAK_GLASS });
    expect(f.verdict).toBe('fail');
    expect(f.affected.map((a) => a.id)).toEqual([BG1.id]);
    expect(f.affected[0]?.detail).toMatch(/emergency account/);
    expect(f.evidence[0]?.summary).toMatch(/1 disabled account/);
  });

  it('is not applicable without Entra ID P1, or when Microsoft refuses sign-in dates for want of a licence', () => {
    expect(
      run(ADM_008, snapshotWith({ ...base, subscribedSkus: [SKU_BUSINESS_STANDARD] })),
    ).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
    const { subscribedSkus: _s, ...noSkus } = base;
    expect(
      run(ADM_008, snapshotWith(noSkus, { userSignInActivity: sourceError('not_licensed') })),
    ).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
  });

  it('is unknown when sign-in dates or role holders could not be read, or an admin is missing', () => {
    expect(
      run(ADM_008, withError(snapshotWith(base), 'userSignInActivity', 'forbidden')),
    ).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'forbidden',
    });
    expect(
      run(ADM_008, withError(snapshotWith(base), 'roleAssignments', 'forbidden')),
    ).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'forbidden',
    });
    const missing = {
      ...base,
      userSignInActivity: [activity(ALEX, { signInActivity: signedIn(daysAgo(1)) })],
    };
    expect(run(ADM_008, snapshotWith(missing))).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'invalid_response',
    });
  });
});

// --- ADM-009 ----------------------------------------------------------------------------------

describe('ADM-009 apps holding admin roles use no client secrets', () => {
  const SP = { id: 'sp-backup', displayName: 'Backup Robot' };
  const servicePrincipal = (fields: Record<string, unknown> = {}) => ({
    id: SP.id,
    appId: 'app-backup',
    displayName: SP.displayName,
    appOwnerOrganizationId: TENANT_ID,
    passwordCredentials: [],
    keyCredentials: [],
    ...fields,
  });
  const application = (fields: Record<string, unknown> = {}) => ({
    id: 'obj-backup',
    appId: 'app-backup',
    displayName: SP.displayName,
    passwordCredentials: [],
    keyCredentials: [
      {
        keyId: 'k1',
        type: 'AsymmetricX509Cert',
        startDateTime: daysAgo(10),
        endDateTime: daysAhead(300),
      },
    ],
    ...fields,
  });
  const secret = {
    keyId: 's1',
    displayName: 'prod',
    startDateTime: daysAgo(10),
    endDateTime: daysAhead(700),
  };
  const data = (sp = servicePrincipal(), app = application()): SourceData => ({
    roleAssignments: [
      assignment(ALEX, GLOBAL_ADMIN),
      assignment(SP, USER_ADMIN, 'servicePrincipal'),
      assignment(SP, HELPDESK_ADMIN, 'servicePrincipal'),
    ],
    servicePrincipals: [sp],
    applications: [app],
  });

  it('passes when no app holds a privileged role, or the one that does uses a certificate', () => {
    const none = run(
      ADM_009,
      snapshotWith({ roleAssignments: [assignment(ALEX, GLOBAL_ADMIN)], servicePrincipals: [] }),
    );
    expect(none.verdict).toBe('pass');
    const f = run(ADM_009, snapshotWith(data()));
    expect(f.verdict).toBe('pass');
    expect(f.evidence.map((e) => e.summary).join(' ')).toMatch(/Owners of these apps are not read/);
  });

  it('fails when the app registration or the service principal has a client secret', () => {
    const onApp = run(
      ADM_009,
      snapshotWith(data(servicePrincipal(), application({ passwordCredentials: [secret] }))),
    );
    expect(onApp.verdict).toBe('fail');
    expect(onApp.affected).toEqual([
      {
        id: SP.id,
        displayName: 'Backup Robot (app id app-backup)',
        detail: '1 client secret(s); holds User Administrator',
      },
    ]);
    const onSp = run(
      ADM_009,
      snapshotWith(data(servicePrincipal({ passwordCredentials: [secret] }))),
    );
    expect(onSp.verdict).toBe('fail');
  });

  it('is unknown when a home-tenant app registration could not be read, but judges other apps by their service principal', () => {
    const snapshot = withError(snapshotWith(data()), 'applications', 'forbidden');
    expect(run(ADM_009, snapshot)).toMatchObject({ verdict: 'unknown', reasonCode: 'forbidden' });
    const thirdParty = withError(
      snapshotWith(data(servicePrincipal({ appOwnerOrganizationId: 'other-tenant' }))),
      'applications',
      'forbidden',
    );
    expect(run(ADM_009, thirdParty).verdict).toBe('pass');
    const withSecret = withError(
      snapshotWith(data(servicePrincipal({ passwordCredentials: [secret] }))),
      'applications',
      'forbidden',
    );
    expect(run(ADM_009, withSecret).verdict).toBe('fail');
  });

  it('is unknown when the app list could not be read or misses the app', () => {
    expect(
      run(ADM_009, withError(snapshotWith(data()), 'servicePrincipals', 'forbidden')),
    ).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'forbidden',
    });
    const missing = { ...data(), servicePrincipals: [] };
    expect(run(ADM_009, snapshotWith(missing))).toMatchObject({ verdict: 'unknown' });
  });
});

// --- ADM-010 ----------------------------------------------------------------------------------

describe('ADM-010 ratio of Global Administrators to other admins', () => {
  const people = (n: number, prefix: string) =>
    Array.from({ length: n }, (_v, i) =>
      user({
        id: `${prefix}-${i}`,
        displayName: `${prefix} ${i}`,
        userPrincipalName: `${prefix}${i}@contoso.com`,
      }),
    );
  const tenant = (globals: number, narrower: number): SourceData => {
    const ga = people(globals, 'ga');
    const other = people(narrower, 'other');
    return {
      users: [...ga, ...other],
      roleAssignments: [
        ...ga.map((u) => assignment(u, GLOBAL_ADMIN)),
        ...ga.map((u) => assignment(u, EXCHANGE_ADMIN)),
        ...other.map((u, i) => assignment(u, i % 2 ? USER_ADMIN : EXCHANGE_ADMIN)),
        assignment(CARL, HELPDESK_ADMIN),
      ],
    };
  };

  it('passes at a ratio of 1 or below', () => {
    expect(run(ADM_010, snapshotWith(tenant(2, 3))).verdict).toBe('pass');
    const even = run(ADM_010, snapshotWith(tenant(2, 2)));
    expect(even.verdict).toBe('pass');
    expect(even.reason).toMatch(/ratio 1,/);
  });

  it('fails above 1 or when every admin is a Global Administrator', () => {
    const over = run(ADM_010, snapshotWith(tenant(3, 1)));
    expect(over.verdict).toBe('fail');
    expect(over.reason).toMatch(/ratio 3/);
    expect(over.affected).toHaveLength(3);
    const all = run(ADM_010, snapshotWith(tenant(2, 0)));
    expect(all.verdict).toBe('fail');
    expect(all.reason).toMatch(/All 2 of your admins are Global Administrators/);
  });

  it('is unknown without role holders or when roles could not be read', () => {
    expect(run(ADM_010, snapshotWith({ roleAssignments: [] }))).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'invalid_response',
    });
    expect(
      run(ADM_010, withError(snapshotWith(tenant(2, 2)), 'roleAssignments', 'throttled')),
    ).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'throttled',
    });
  });
});
