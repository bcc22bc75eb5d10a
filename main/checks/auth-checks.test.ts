import { describe, expect, it } from 'vitest';
import { SOURCE_ERROR_KINDS } from '../../shared/models/snapshot';
import { SOURCES } from '../../shared/models/sources';
import { AUTH_001, AUTH_002, AUTH_003, AUTH_004, AUTH_005, AUTH_CHECKS } from './auth-checks';
import {
  REASON_CODE_FOR,
  run,
  SKU_BUSINESS_PREMIUM,
  SKU_BUSINESS_STANDARD,
  snapshotWith,
  user,
  withError,
  type SourceData,
} from './test-snapshot';

// --- The sign-in methods policy -------------------------------------------------------------

const NO_GROUP = '00000000-0000-0000-0000-000000000000';
const STAFF_GROUP = '5f2c1a9e-0000-4000-8000-0000000000aa';
const allUsers = [{ targetType: 'group', id: 'all_users' }];

function feature(state: string, include = 'all_users', exclude = NO_GROUP) {
  return {
    state,
    includeTarget: { targetType: 'group', id: include },
    excludeTarget: { targetType: 'group', id: exclude },
  };
}

interface PolicyInput {
  readonly appName?: ReturnType<typeof feature> | null;
  readonly location?: ReturnType<typeof feature> | null;
  readonly authenticator?: string;
  readonly sms?: string;
  readonly voice?: string;
  readonly email?: string;
  readonly migration?: string | null;
  readonly omit?: readonly string[];
}

/** A v1.0 authenticationMethodsPolicy. Defaults to a tenant that passes AUTH-001 to AUTH-003. */
function methodsPolicy(input: PolicyInput = {}) {
  const configs = [
    {
      '@odata.type': '#microsoft.graph.microsoftAuthenticatorAuthenticationMethodConfiguration',
      id: 'MicrosoftAuthenticator',
      state: input.authenticator ?? 'enabled',
      includeTargets: allUsers,
      excludeTargets: [],
      featureSettings: {
        displayAppInformationRequiredState:
          input.appName === undefined ? feature('enabled') : input.appName,
        displayLocationInformationRequiredState:
          input.location === undefined ? feature('enabled') : input.location,
      },
    },
    { id: 'Fido2', state: 'enabled', includeTargets: allUsers, excludeTargets: [] },
    { id: 'Sms', state: input.sms ?? 'disabled', includeTargets: [], excludeTargets: [] },
    { id: 'Voice', state: input.voice ?? 'disabled', includeTargets: [], excludeTargets: [] },
    { id: 'Email', state: input.email ?? 'disabled', includeTargets: [], excludeTargets: [] },
  ].filter((c) => !(input.omit ?? []).includes(c.id));
  return {
    id: 'authenticationMethodsPolicy',
    policyMigrationState: input.migration === undefined ? 'migrationComplete' : input.migration,
    authenticationMethodConfigurations: configs,
  };
}

function betaPolicy(prefs: Record<string, unknown> | null) {
  return {
    ...methodsPolicy(),
    ...(prefs === null ? {} : { systemCredentialPreferences: prefs }),
  };
}

const runWith = (check: typeof AUTH_001, data: SourceData) => run(check, snapshotWith(data));

// --- AUTH-001 -------------------------------------------------------------------------------

describe('AUTH-001 Authenticator shows app name and location', () => {
  const verdictFor = (input: PolicyInput) =>
    runWith(AUTH_001, { authenticationMethodsPolicy: methodsPolicy(input) });

  it('passes when both are enabled for all users', () => {
    const f = verdictFor({});
    expect(f.verdict).toBe('pass');
    expect(f.evidence[0]?.source).toBe('authenticationMethodsPolicy');
  });

  it("fails when the location is left to Microsoft's default (the Contoso Dental case)", () => {
    const f = verdictFor({ location: feature('default') });
    expect(f.verdict).toBe('fail');
    expect(f.reason).toMatch(/may not show the sign-in location/);
    expect(f.reason).toMatch(/left to Microsoft's default/);
    expect(f.reason).not.toMatch(/app name/);
  });

  it('fails and names both when both are off', () => {
    const f = verdictFor({ appName: feature('disabled'), location: feature('disabled') });
    expect(f.verdict).toBe('fail');
    expect(f.reason).toMatch(/the app name and the sign-in location/);
  });

  it('fails when shown only to a group', () => {
    const f = verdictFor({ appName: feature('enabled', STAFF_GROUP) });
    expect(f.verdict).toBe('fail');
    expect(f.reason).toMatch(/only to some people/);
  });

  it('fails and names an excluded group', () => {
    const f = verdictFor({ location: feature('enabled', 'all_users', STAFF_GROUP) });
    expect(f.verdict).toBe('fail');
    expect(f.affected).toEqual([
      {
        id: STAFF_GROUP,
        displayName: `Group ${STAFF_GROUP}`,
        detail: 'does not see the sign-in location',
      },
    ]);
  });

  it('fails when the feature settings are missing', () => {
    expect(verdictFor({ appName: null, location: null }).verdict).toBe('fail');
  });

  it('is not applicable when the Authenticator app is turned off', () => {
    expect(verdictFor({ authenticator: 'disabled' })).toMatchObject({
      verdict: 'not_applicable',
      reasonCode: 'not_in_use',
    });
  });

  it('is unknown when the Authenticator configuration is missing from the answer', () => {
    expect(verdictFor({ omit: ['MicrosoftAuthenticator'] })).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'invalid_response',
    });
  });
});

// --- AUTH-002 -------------------------------------------------------------------------------

describe('AUTH-002 SMS, voice and email codes off', () => {
  const verdictFor = (input: PolicyInput) =>
    runWith(AUTH_002, { authenticationMethodsPolicy: methodsPolicy(input) });

  it('passes when all three are disabled and the migration is complete', () => {
    expect(verdictFor({}).verdict).toBe('pass');
  });

  it('fails and lists SMS and email when they are on (the Contoso Dental case)', () => {
    const f = verdictFor({ sms: 'enabled', email: 'enabled', migration: 'migrationInProgress' });
    expect(f.verdict).toBe('fail');
    expect(f.reason).toBe(
      '2 weak sign-in methods are still turned on: text message (SMS) and email one-time passcode.',
    );
    expect(f.affected.map((a) => a.id)).toEqual(['Sms', 'Email']);
  });

  it('fails for voice alone', () => {
    const f = verdictFor({ voice: 'enabled' });
    expect(f.verdict).toBe('fail');
    expect(f.reason).toMatch(/^A weak sign-in method is still turned on: phone call\./);
  });

  it('warns when all three are off but the old MFA settings may still apply', () => {
    expect(verdictFor({ migration: 'migrationInProgress' }).verdict).toBe('warn');
  });

  it('is unknown, not a pass, when a method is missing from the answer', () => {
    expect(verdictFor({ omit: ['Voice'] })).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'invalid_response',
    });
  });

  it('still fails when one method is missing and another is on', () => {
    expect(verdictFor({ omit: ['Voice'], sms: 'enabled' }).verdict).toBe('fail');
  });
});

// --- AUTH-003 -------------------------------------------------------------------------------

describe('AUTH-003 migration complete', () => {
  const verdictFor = (migration: string | null) =>
    runWith(AUTH_003, { authenticationMethodsPolicy: methodsPolicy({ migration }) });

  it('passes when complete', () => expect(verdictFor('migrationComplete').verdict).toBe('pass'));
  it('fails while in progress', () => {
    const f = verdictFor('migrationInProgress');
    expect(f.verdict).toBe('fail');
    expect(f.reason).toMatch(/started but not finished/);
  });
  it('fails before migration', () => {
    expect(verdictFor('preMigration').reason).toMatch(/has not started/);
  });
  it('is unknown when Microsoft does not say', () => {
    expect(verdictFor(null)).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });
});

// --- AUTH-004 -------------------------------------------------------------------------------

describe('AUTH-004 system-preferred MFA', () => {
  const verdictFor = (prefs: Record<string, unknown> | null) =>
    runWith(AUTH_004, { authenticationMethodsPolicyBeta: betaPolicy(prefs) });

  it('passes when enabled for all users', () => {
    expect(
      verdictFor({ state: 'enabled', includeTargets: allUsers, excludeTargets: [] }).verdict,
    ).toBe('pass');
  });

  it("warns when left to Microsoft's default (the Contoso Dental case)", () => {
    const f = verdictFor({ state: 'default', includeTargets: allUsers, excludeTargets: [] });
    expect(f.verdict).toBe('warn');
    expect(f.reason).toMatch(/Microsoft's default/);
  });

  it('fails when disabled', () => {
    expect(verdictFor({ state: 'disabled', includeTargets: allUsers }).verdict).toBe('fail');
  });

  it('warns and names an excluded group', () => {
    const f = verdictFor({
      state: 'enabled',
      includeTargets: allUsers,
      excludeTargets: [{ targetType: 'group', id: STAFF_GROUP }],
    });
    expect(f.verdict).toBe('warn');
    expect(f.affected.map((a) => a.id)).toEqual([STAFF_GROUP]);
  });

  it('warns when on only for a group', () => {
    const f = verdictFor({
      state: 'enabled',
      includeTargets: [{ targetType: 'group', id: STAFF_GROUP }],
    });
    expect(f.verdict).toBe('warn');
    expect(f.reason).toMatch(/only for some groups/);
  });

  it('is unknown when the beta answer has no system-preferred setting', () => {
    expect(verdictFor(null)).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });

  it('reads the beta source, not the v1.0 one', () => {
    const f = runWith(AUTH_004, {
      authenticationMethodsPolicy: betaPolicy({ state: 'enabled', includeTargets: allUsers }),
    });
    expect(f.verdict).toBe('unknown');
  });
});

// --- AUTH-005 -------------------------------------------------------------------------------

const owner = user({
  id: 'u-owner',
  displayName: 'Megan Bowen',
  userPrincipalName: 'megan@contoso.com',
});
const kevin = user({
  id: 'u-kevin',
  displayName: "Kevin O'Brien",
  userPrincipalName: 'kevin@contoso.com',
});
const contractor = user({
  id: 'u-jon',
  displayName: 'Jon Ramsey',
  userPrincipalName: 'jon@contoso.com',
});
const reception = user({
  id: 'u-reception',
  displayName: 'Reception',
  userPrincipalName: 'reception@contoso.com',
  accountEnabled: false,
});
const guest = user({
  id: 'u-guest',
  displayName: 'Sam Ortiz',
  userPrincipalName: 'sam_lab.com#EXT#@contoso.onmicrosoft.com',
  userType: 'Guest',
});

function registration(u: { id: string; userPrincipalName: string }, capable: boolean, extra = {}) {
  return {
    id: u.id,
    userPrincipalName: u.userPrincipalName,
    userType: 'member',
    isAdmin: false,
    isMfaCapable: capable,
    isMfaRegistered: capable,
    methodsRegistered: capable ? ['microsoftAuthenticatorPush'] : [],
    ...extra,
  };
}

const ALL_CAPABLE = [
  registration(owner, true, { isAdmin: true }),
  registration(kevin, true),
  registration(contractor, true, { isAdmin: true }),
];

describe('AUTH-005 every enabled member can use MFA', () => {
  const verdictFor = (registrations: unknown, extra: SourceData = {}) =>
    runWith(AUTH_005, {
      subscribedSkus: [SKU_BUSINESS_PREMIUM],
      users: [owner, kevin, contractor, reception, guest],
      userRegistrationDetails: registrations,
      ...extra,
    });

  it('passes when every enabled member is MFA-capable (disabled accounts and guests ignored)', () => {
    const f = verdictFor(ALL_CAPABLE);
    expect(f.verdict).toBe('pass');
    expect(f.reason).toBe('All 3 active staff accounts have an MFA method set up.');
  });

  it('fails, lists admins first and names what they registered', () => {
    const f = verdictFor([
      registration(owner, true, { isAdmin: true }),
      registration(kevin, false, { methodsRegistered: ['email'] }),
      registration(contractor, false, { isAdmin: true }),
      registration(reception, false),
      registration(guest, false, { userType: 'guest' }),
    ]);
    expect(f.verdict).toBe('fail');
    expect(f.reason).toBe(
      '2 of your 3 active staff accounts cannot use MFA yet, including an admin (Jon Ramsey).',
    );
    expect(f.affected).toEqual([
      {
        id: contractor.id,
        displayName: 'Jon Ramsey (jon@contoso.com)',
        detail: 'admin; no MFA method registered',
      },
      {
        id: kevin.id,
        displayName: "Kevin O'Brien (kevin@contoso.com)",
        detail: 'only registered: email',
      },
    ]);
  });

  it('warns when an enabled member has no registration record', () => {
    const f = verdictFor(ALL_CAPABLE.filter((r) => r.id !== kevin.id));
    expect(f.verdict).toBe('warn');
    expect(f.affected.map((a) => a.id)).toEqual([kevin.id]);
  });

  it('a record without isMfaCapable is not taken as capable', () => {
    const f = verdictFor([...ALL_CAPABLE.slice(0, 2), { id: contractor.id, isAdmin: true }]);
    expect(f.verdict).toBe('warn');
  });

  it('is not applicable without Entra ID P1', () => {
    const f = verdictFor(ALL_CAPABLE, { subscribedSkus: [SKU_BUSINESS_STANDARD] });
    expect(f).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
  });

  it('is not applicable when Microsoft refuses the report for lack of licence', () => {
    const snapshot = withError(
      snapshotWith({ users: [owner], subscribedSkus: [SKU_BUSINESS_PREMIUM] }),
      'userRegistrationDetails',
      'not_licensed',
    );
    expect(run(AUTH_005, snapshot)).toMatchObject({
      verdict: 'not_applicable',
      reasonCode: 'not_licensed',
    });
  });

  it.each(SOURCE_ERROR_KINDS.filter((k) => k !== 'not_licensed'))(
    'is unknown when the report fails with %s',
    (kind) => {
      const snapshot = withError(
        snapshotWith({ users: [owner], subscribedSkus: [SKU_BUSINESS_PREMIUM] }),
        'userRegistrationDetails',
        kind,
      );
      const f = run(AUTH_005, snapshot);
      expect(f).toMatchObject({ verdict: 'unknown', reasonCode: REASON_CODE_FOR[kind] });
      expect(f.reason).toContain(SOURCES.userRegistrationDetails.label);
    },
  );

  it('is unknown when the user list has no enabled members', () => {
    const f = runWith(AUTH_005, {
      subscribedSkus: [SKU_BUSINESS_PREMIUM],
      users: [reception],
      userRegistrationDetails: [],
    });
    expect(f).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });

  it('is unknown when the report has an unexpected shape', () => {
    expect(verdictFor({ value: [] })).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'invalid_response',
    });
  });
});

// --- Every AUTH check on unreadable data ----------------------------------------------------

const PASSING: SourceData = {
  subscribedSkus: [SKU_BUSINESS_PREMIUM],
  users: [owner, kevin, contractor],
  userRegistrationDetails: ALL_CAPABLE,
  authenticationMethodsPolicy: methodsPolicy(),
  authenticationMethodsPolicyBeta: betaPolicy({
    state: 'enabled',
    includeTargets: allUsers,
    excludeTargets: [],
  }),
};

describe('AUTH checks: required sources that could not be read', () => {
  it('AUTH_CHECKS holds AUTH-001 to AUTH-005 in order', () => {
    expect(AUTH_CHECKS.map((c) => c.id)).toEqual([
      'AUTH-001',
      'AUTH-002',
      'AUTH-003',
      'AUTH-004',
      'AUTH-005',
    ]);
  });

  it.each(AUTH_CHECKS.map((c) => [c.id, c] as const))(
    '%s passes on the complete tenant',
    (_id, check) => {
      expect(run(check, snapshotWith(PASSING)).verdict).toBe('pass');
    },
  );

  const cases = AUTH_CHECKS.flatMap((check) =>
    check.requires.flatMap((source) =>
      SOURCE_ERROR_KINDS.map((kind) => [check.id, source, kind, check] as const),
    ),
  );
  it.each(cases)('%s is unknown when %s fails with %s', (_id, source, kind, check) => {
    const f = run(check, withError(snapshotWith(PASSING), source, kind));
    expect(f.verdict).toBe('unknown');
    expect(f.reasonCode).toBe(REASON_CODE_FOR[kind]);
    expect(f.reason).toContain(SOURCES[source].label);
  });

  it.each(AUTH_CHECKS.map((c) => [c.id, c] as const))(
    '%s is unknown when its policy answer is not an object',
    (_id, check) => {
      const broken: SourceData = {
        ...PASSING,
        authenticationMethodsPolicy: [],
        authenticationMethodsPolicyBeta: 'garbage',
        users: { value: [] },
      };
      expect(run(check, snapshotWith(broken))).toMatchObject({
        verdict: 'unknown',
        reasonCode: 'invalid_response',
      });
    },
  );
});
