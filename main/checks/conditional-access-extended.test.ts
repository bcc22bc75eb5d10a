import { describe, expect, it } from 'vitest';
import { caPoliciesFullSchema } from './ca-shapes';
import {
  assessConditionalAccess,
  BUILT_IN_STRENGTHS,
  caOutcome,
  describeCombination,
  mergeAssessments,
  PHISHING_RESISTANT_COMBINATIONS,
  policyReferences,
  type CaRequirement,
} from './conditional-access';
import { caPoliciesSchema } from './graph-shapes';
import {
  adminMfaPolicy,
  caPolicy,
  ctx,
  GLOBAL_ADMIN,
  PRIVILEGED_ROLE_IDS,
  SKU_BUSINESS_PREMIUM,
  snapshotWith,
} from './test-snapshot';

const context = () => ctx(snapshotWith({ subscribedSkus: [SKU_BUSINESS_PREMIUM], users: [] }));
const parse = (policies: readonly unknown[]) => caPoliciesSchema.parse(policies);
const assess = (policies: readonly unknown[], requirement: CaRequirement) =>
  assessConditionalAccess(parse(policies), requirement, context());

const MFA_ALL: CaRequirement = { scope: 'allUsers', grant: 'mfa', goal: 'requires MFA' };

describe('required conditions are not narrowing; other conditions still are', () => {
  const signInRisk: CaRequirement = {
    scope: 'allUsers',
    grant: ['mfa', 'block'],
    signInRiskLevels: ['high'],
    goal: 'acts on risky sign-ins',
  };

  it('a sign-in risk policy meets a sign-in risk requirement', () => {
    const a = assess(
      [caPolicy({ conditions: { signInRiskLevels: ['high', 'medium'] } })],
      signInRisk,
    );
    expect(a.enforcing).toHaveLength(1);
  });

  it('the same policy is narrowed for a requirement that does not ask for risk', () => {
    const a = assess([caPolicy({ conditions: { signInRiskLevels: ['high'] } })], MFA_ALL);
    expect(a.gaps[0]?.problems).toEqual(['it applies only to risky sign-ins or users']);
  });

  it('a policy without the required condition is not aimed at the requirement at all', () => {
    expect(assess([caPolicy()], signInRisk)).toEqual({ enforcing: [], reportOnly: [], gaps: [] });
  });

  it('a device code condition is narrowing for MFA but required for the device code block', () => {
    const policy = caPolicy({
      conditions: { authenticationFlows: { transferMethods: 'deviceCodeFlow' } },
      grantControls: { builtInControls: ['block'] },
    });
    const deviceCode: CaRequirement = {
      scope: 'allUsers',
      grant: 'block',
      transferMethod: 'deviceCodeFlow',
      goal: 'blocks device code',
    };
    expect(assess([policy], deviceCode).enforcing).toHaveLength(1);
    const legacy: CaRequirement = { scope: 'allUsers', grant: 'block', goal: 'blocks' };
    expect(assess([policy], legacy).gaps[0]?.problems).toEqual([
      'it applies only to some sign-in flows',
    ]);
  });

  it('a user-action requirement ignores the app list; an app requirement rejects user actions', () => {
    const policy = caPolicy({
      applications: {
        includeApplications: [],
        includeUserActions: ['urn:user:registersecurityinfo'],
      },
      grantControls: { builtInControls: ['compliantDevice'] },
    });
    const action: CaRequirement = {
      scope: 'allUsers',
      grant: 'compliantDevice',
      userAction: 'urn:user:registersecurityinfo',
      goal: 'protects registration',
    };
    expect(assess([policy], action).enforcing).toHaveLength(1);
    const device: CaRequirement = { scope: 'allUsers', grant: 'compliantDevice', goal: 'devices' };
    expect(assess([policy], device).gaps[0]?.problems).toEqual([
      'it covers user actions, not sign-ins to apps',
    ]);
  });
});

describe('grant kinds', () => {
  it('with several accepted grants, a policy meeting any one of them enforces', () => {
    const either: CaRequirement = { scope: 'allUsers', grant: ['mfa', 'block'], goal: 'x' };
    expect(
      assess([caPolicy({ grantControls: { builtInControls: ['block'] } })], either).enforcing,
    ).toHaveLength(1);
    expect(assess([caPolicy()], either).enforcing).toHaveLength(1);
  });

  it('reports the problems of the first grant kind the policy is aimed at', () => {
    const either: CaRequirement = { scope: 'allUsers', grant: ['block', 'mfa'], goal: 'x' };
    const a = assess(
      [
        caPolicy({
          grantControls: { operator: 'OR', builtInControls: ['mfa', 'approvedApplication'] },
        }),
      ],
      either,
    );
    expect(a.gaps[0]?.problems).toEqual([
      'it can be satisfied without MFA (by approvedApplication)',
    ]);
  });

  it('"any" accepts no grant at all but never a block', () => {
    const any: CaRequirement = {
      scope: 'allUsers',
      grant: 'any',
      session: { persistentBrowserNever: true },
      goal: 'x',
    };
    const sessionOnly = {
      ...caPolicy({ grantControls: null }),
      sessionControls: { persistentBrowser: { mode: 'never', isEnabled: true } },
    };
    const blocking = {
      ...caPolicy({ grantControls: { builtInControls: ['block'] } }),
      sessionControls: sessionOnly.sessionControls,
    };
    expect(assess([sessionOnly], any).enforcing).toHaveLength(1);
    expect(assess([blocking], any)).toEqual({ enforcing: [], reportOnly: [], gaps: [] });
  });

  it('the existing MFA reading is unchanged by session controls on the policy', () => {
    const withSession = {
      ...caPolicy(),
      sessionControls: { signInFrequency: { value: 1, type: 'hours', isEnabled: true } },
    };
    expect(assess([withSession], MFA_ALL).enforcing).toHaveLength(1);
  });

  it('a phishing-resistant requirement uses the strengths passed in before the built-ins', () => {
    const requirement: CaRequirement = {
      scope: 'privilegedRoles',
      grant: 'phishingResistantMfa',
      goal: 'x',
    };
    const policies = parse([
      adminMfaPolicy(PRIVILEGED_ROLE_IDS, {
        grantControls: {
          builtInControls: [],
          authenticationStrength: { id: '00000000-0000-0000-0000-000000000004' },
        },
      }),
    ]);
    expect(assessConditionalAccess(policies, requirement, context()).enforcing).toHaveLength(1);
    // A tenant answer that differs from the built-in list wins.
    const tampered = new Map([
      [
        '00000000-0000-0000-0000-000000000004',
        { displayName: 'Phishing-resistant MFA', allowedCombinations: ['fido2', 'password,sms'] },
      ],
    ]);
    const gap = assessConditionalAccess(policies, requirement, context(), tampered).gaps[0];
    expect(gap?.problems[0]).toMatch(/password \+ text message/);
  });
});

describe('session requirements', () => {
  const admins: CaRequirement = {
    scope: 'privilegedRoles',
    grant: 'any',
    session: { maxSignInFrequencyHours: 4, persistentBrowserNever: true },
    goal: 'x',
  };
  const withSession = (sessionControls: unknown) => ({ ...adminMfaPolicy(), sessionControls });

  it('converts days to hours and accepts "every time"', () => {
    const days = withSession({
      signInFrequency: { value: 1, type: 'days', frequencyInterval: 'timeBased', isEnabled: true },
      persistentBrowser: { mode: 'never', isEnabled: true },
    });
    expect(assess([days], admins).gaps[0]?.problems).toEqual([
      'it asks for a new sign-in only every 1 day, more than 4 hours',
    ]);
    const everyTime = withSession({
      signInFrequency: { frequencyInterval: 'everyTime', isEnabled: true },
      persistentBrowser: { mode: 'never', isEnabled: true },
    });
    expect(assess([everyTime], admins).enforcing).toHaveLength(1);
  });

  it('a sign-in frequency with no readable interval is a gap, never a pass', () => {
    const noValue = withSession({
      signInFrequency: { value: null, type: null, frequencyInterval: 'timeBased', isEnabled: true },
      persistentBrowser: { mode: 'never', isEnabled: true },
    });
    expect(assess([noValue], admins).gaps[0]?.problems).toEqual([
      'its sign-in frequency has no interval we can read',
    ]);
  });

  it('the full policy schema keeps session controls and the strength details', () => {
    const [policy] = caPoliciesFullSchema.parse([
      withSession({ secureSignInSession: { isEnabled: true } }),
    ]);
    expect(policy?.sessionControls?.secureSignInSession?.isEnabled).toBe(true);
  });
});

describe('mergeAssessments', () => {
  it('combines two readings, dropping gaps for policies that satisfy the other', () => {
    const a = assess([caPolicy({ id: 'p1', users: { excludeUsers: ['u-x'] } })], MFA_ALL);
    const b = { enforcing: parse([caPolicy({ id: 'p1' })]), reportOnly: [], gaps: [] };
    const merged = mergeAssessments(a, b);
    expect(merged.enforcing.map((p) => p.id)).toEqual(['p1']);
    expect(merged.gaps).toEqual([]);
    expect(caOutcome(merged, MFA_ALL, 'x').verdict).toBe('pass');
  });

  it('keeps one gap per policy', () => {
    const a = assess([caPolicy({ id: 'p2', users: { excludeUsers: ['u-x'] } })], MFA_ALL);
    expect(mergeAssessments(a, a).gaps).toHaveLength(1);
  });
});

describe('policyReferences', () => {
  it('lists users, groups and roles but not special values', () => {
    const [policy] = parse([
      caPolicy({
        users: {
          includeUsers: ['All'],
          excludeUsers: ['GuestsOrExternalUsers', 'u-1', 'None'],
          includeGroups: ['g-1'],
          excludeRoles: [GLOBAL_ADMIN],
        },
      }),
    ]);
    expect(policyReferences(policy!)).toEqual([
      { kind: 'user', id: 'u-1', list: 'exclude' },
      { kind: 'group', id: 'g-1', list: 'include' },
      { kind: 'role', id: GLOBAL_ADMIN, list: 'exclude' },
    ]);
  });
});

describe('authentication strengths', () => {
  it('the built-in phishing-resistant strength accepts only phishing-resistant methods', () => {
    const builtIn = BUILT_IN_STRENGTHS.get('00000000-0000-0000-0000-000000000004');
    expect(builtIn?.allowedCombinations.every((c) => PHISHING_RESISTANT_COMBINATIONS.has(c))).toBe(
      true,
    );
    const mfa = BUILT_IN_STRENGTHS.get('00000000-0000-0000-0000-000000000002');
    expect(mfa?.allowedCombinations.every((c) => PHISHING_RESISTANT_COMBINATIONS.has(c))).toBe(
      false,
    );
  });

  it('describes method combinations in plain words', () => {
    expect(describeCombination('password,sms')).toBe('password + text message');
    expect(describeCombination('fido2')).toBe('passkey or security key');
    expect(describeCombination('somethingNew')).toBe('somethingNew');
  });
});
