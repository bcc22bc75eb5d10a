import { describe, expect, it } from 'vitest';
import { SOURCE_ERROR_KINDS } from '../../shared/models/snapshot';
import { SOURCES } from '../../shared/models/sources';
import {
  TEN_001,
  TEN_002,
  TEN_003,
  TEN_004,
  TEN_005,
  TEN_006,
  TEN_007,
  TEN_008,
  TEN_009,
  TEN_CHECKS,
} from './tenant-settings-checks';
import {
  labelOf,
  REASON_CODE_FOR,
  run,
  SKU_BUSINESS_PREMIUM,
  SKU_BUSINESS_STANDARD,
  snapshotWith,
  withError,
  type SourceData,
} from './test-snapshot';

const INTUNE_A = 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5';
const STORAGE_APP = 'c1f33bc0-bdb4-4248-ba9b-096807ddb43e';

const SKU_WITH_INTUNE = {
  ...SKU_BUSINESS_PREMIUM,
  servicePlans: [
    ...SKU_BUSINESS_PREMIUM.servicePlans,
    { servicePlanId: INTUNE_A, servicePlanName: 'INTUNE_A', provisioningStatus: 'Success' },
  ],
};

function timeoutPolicy(
  entries: { ApplicationId?: string; WebSessionIdleTimeout?: string }[],
  isOrganizationDefault = true,
) {
  return {
    id: 'abt-1',
    displayName: 'DefaultTimeoutPolicy',
    isOrganizationDefault,
    definition: [
      JSON.stringify({ ActivityBasedTimeoutPolicy: { Version: 1, ApplicationPolicies: entries } }),
    ],
  };
}

const membership = (kind: 'all' | 'enumerated' | 'no', extra: Record<string, unknown> = {}) => ({
  '@odata.type': `#microsoft.graph.${kind}DeviceRegistrationMembership`,
  ...extra,
});

function deviceRegistration(overrides: {
  join?: ReturnType<typeof membership>;
  globalAdmins?: boolean;
  registering?: ReturnType<typeof membership>;
  laps?: boolean;
}) {
  return {
    id: 'deviceRegistrationPolicy',
    userDeviceQuota: 20,
    multiFactorAuthConfiguration: 'notRequired',
    azureADRegistration: { isAdminConfigurable: false, allowedToRegister: membership('all') },
    azureADJoin: {
      isAdminConfigurable: true,
      allowedToJoin: overrides.join ?? membership('enumerated', { users: ['it-user'], groups: [] }),
      localAdmins: {
        enableGlobalAdmins: overrides.globalAdmins ?? false,
        registeringUsers: overrides.registering ?? membership('no'),
      },
    },
    localAdminPassword: { isEnabled: overrides.laps ?? true },
  };
}

const PASSING: SourceData = {
  authorizationPolicy: {
    allowInvitesFrom: 'adminsAndGuestInviters',
    defaultUserRolePermissions: {
      allowedToCreateApps: false,
      allowedToCreateTenants: false,
      allowedToReadBitlockerKeysForOwnedDevice: false,
    },
  },
  groups: [
    {
      id: 'g-all',
      displayName: 'All Staff',
      groupTypes: ['Unified'],
      visibility: 'Private',
    },
    {
      id: 'g-sec',
      displayName: 'Clinic PCs',
      groupTypes: [],
      visibility: 'Public',
      securityEnabled: true,
    },
  ],
  servicePrincipals: [
    { id: 'sp-graph', appId: '00000003-0000-0000-c000-000000000000', accountEnabled: true },
    {
      id: 'sp-storage',
      appId: STORAGE_APP,
      displayName: 'Office 365 storage',
      accountEnabled: false,
    },
  ],
  appsAndServicesSettings: { isOfficeStoreEnabled: false, isAppAndServicesTrialEnabled: false },
  activityBasedTimeoutPolicies: [
    timeoutPolicy([{ ApplicationId: 'default', WebSessionIdleTimeout: '01:00:00' }]),
  ],
  organization: [{ id: 'tenant', onPremisesSyncEnabled: true }],
  onPremisesSynchronization: [{ id: 'tenant', features: { passwordSyncEnabled: true } }],
  deviceRegistrationPolicy: deviceRegistration({}),
  subscribedSkus: [SKU_WITH_INTUNE],
  intuneSettings: { secureByDefault: true, deviceComplianceCheckinThresholdDays: 30 },
};

describe('tenant settings checks: sources that could not be read', () => {
  it('exports all nine checks in order', () => {
    expect(TEN_CHECKS.map((c) => c.id)).toEqual([
      'TEN-001',
      'TEN-002',
      'TEN-003',
      'TEN-004',
      'TEN-005',
      'TEN-006',
      'TEN-007',
      'TEN-008',
      'TEN-009',
    ]);
  });

  it.each(TEN_CHECKS.map((c) => [c.id, c] as const))(
    '%s passes on the clean tenant',
    (_id, check) => {
      expect(run(check, snapshotWith(PASSING)).verdict).toBe('pass');
    },
  );

  const cases = TEN_CHECKS.flatMap((check) =>
    check.requires.flatMap((source) =>
      SOURCE_ERROR_KINDS.map((kind) => [check.id, source, kind, check] as const),
    ),
  );
  it.each(cases)('%s is unknown when %s fails with %s', (_id, source, kind, check) => {
    const finding = run(check, withError(snapshotWith(PASSING), source, kind));
    expect(finding.verdict).toBe('unknown');
    expect(finding.reasonCode).toBe(REASON_CODE_FOR[kind]);
    expect(finding.reason).toContain(labelOf(source));
    if (kind === 'forbidden') expect(finding.reason).toContain(SOURCES[source].permission);
  });
});

describe('TEN-001 / TEN-002 default user permissions', () => {
  const policy = (perms: Record<string, unknown>) => ({
    ...PASSING,
    authorizationPolicy: { defaultUserRolePermissions: perms },
  });

  it('TEN-001 fails when staff can create tenants', () => {
    const finding = run(
      TEN_001,
      snapshotWith(
        policy({ allowedToCreateTenants: true, allowedToReadBitlockerKeysForOwnedDevice: false }),
      ),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/create a new Microsoft Entra tenant/);
  });

  it('TEN-002 fails when staff can read their BitLocker keys', () => {
    const finding = run(
      TEN_002,
      snapshotWith(
        policy({ allowedToCreateTenants: false, allowedToReadBitlockerKeysForOwnedDevice: true }),
      ),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/BitLocker/);
  });

  it.each([
    ['TEN-001', TEN_001],
    ['TEN-002', TEN_002],
  ] as const)('%s is unknown, never pass, when the setting is missing', (_id, check) => {
    for (const perms of [
      {},
      { allowedToCreateTenants: null, allowedToReadBitlockerKeysForOwnedDevice: null },
    ]) {
      const finding = run(check, snapshotWith(policy(perms)));
      expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
    }
    const none = run(check, snapshotWith({ authorizationPolicy: { allowInvitesFrom: 'none' } }));
    expect(none.verdict).toBe('unknown');
  });
});

describe('TEN-003 public Microsoft 365 groups', () => {
  const groups = [
    { id: 'g-all', displayName: 'All Staff', groupTypes: ['Unified'], visibility: 'Private' },
    {
      id: 'G-MKT',
      displayName: 'Practice Marketing',
      groupTypes: ['Unified'],
      visibility: 'Public',
    },
    { id: 'g-sec', displayName: 'Clinic PCs', groupTypes: [], visibility: 'Public' },
  ];

  it('fails for an unapproved public group and ignores security groups', () => {
    const finding = run(TEN_003, snapshotWith({ groups }));
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/^1 of your 2 Microsoft 365 group\(s\) are public/);
    expect(finding.affected).toEqual([
      {
        id: 'G-MKT',
        displayName: 'Practice Marketing',
        detail: 'public, not on your approved list',
      },
    ]);
  });

  it('passes when the public group is declared as approved (ids compared without case)', () => {
    const finding = run(TEN_003, snapshotWith({ groups }), {
      settings: { approvedPublicGroups: ['g-mkt'] },
    });
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toMatch(/all on your approved list/);
  });

  it('passes when there are no Microsoft 365 groups at all', () => {
    const finding = run(TEN_003, snapshotWith({ groups: [] }));
    expect(finding.verdict).toBe('pass');
  });

  it('is unknown for a group list with a malformed group', () => {
    const finding = run(TEN_003, snapshotWith({ groups: [...groups, { displayName: 'no id' }] }));
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });
});

describe('TEN-004 third-party storage in Microsoft 365 on the web', () => {
  it('fails when the storage app is enabled', () => {
    const finding = run(
      TEN_004,
      snapshotWith({ servicePrincipals: [{ id: 'sp', appId: STORAGE_APP, accountEnabled: true }] }),
    );
    expect(finding.verdict).toBe('fail');
  });

  it('fails when the storage app does not exist (the default)', () => {
    const finding = run(
      TEN_004,
      snapshotWith({
        servicePrincipals: [{ id: 'sp-graph', appId: 'other', accountEnabled: true }],
      }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/never been turned off/);
  });

  it('fails, never passes, when the storage app does not say whether it is enabled', () => {
    const finding = run(
      TEN_004,
      snapshotWith({ servicePrincipals: [{ id: 'sp', appId: STORAGE_APP }] }),
    );
    expect(finding.verdict).toBe('fail');
  });
});

describe('TEN-005 user-owned apps and trials', () => {
  it.each([
    [true, false, /install add-ins from the Office Store on their own/],
    [false, true, /start trials of apps and services on their own/],
    [true, true, /Office Store and start trials/],
  ])('fails when store=%s trials=%s', (store, trials, reason) => {
    const finding = run(
      TEN_005,
      snapshotWith({
        appsAndServicesSettings: {
          isOfficeStoreEnabled: store,
          isAppAndServicesTrialEnabled: trials,
        },
      }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(reason);
  });

  it('is unknown when a setting is missing', () => {
    const finding = run(
      TEN_005,
      snapshotWith({ appsAndServicesSettings: { isOfficeStoreEnabled: false } }),
    );
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });
});

describe('TEN-006 idle session timeout', () => {
  const withPolicies = (policies: unknown[], extra: SourceData = {}) =>
    snapshotWith({ activityBasedTimeoutPolicies: policies, ...extra });

  it.each([
    ['01:00:00', 'pass', '1 hour'],
    ['03:00:00', 'pass', '3 hours'],
    ['00:15:00', 'pass', '15 minutes'],
    ['03:00:01', 'fail', '3 hours'],
    ['08:00:00', 'fail', '8 hours'],
    ['1.00:00:00', 'fail', '1 day'],
  ])('tenant-wide timeout %s → %s', (timeout, verdict, words) => {
    const finding = run(
      TEN_006,
      withPolicies([timeoutPolicy([{ ApplicationId: 'default', WebSessionIdleTimeout: timeout }])]),
    );
    expect(finding.verdict).toBe(verdict);
    expect(finding.reason).toContain(words);
  });

  it('fails when no timeout policy exists', () => {
    const finding = run(TEN_006, withPolicies([]));
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/never signed out/);
  });

  it('fails when the only timeout covers specific apps', () => {
    const finding = run(
      TEN_006,
      withPolicies([
        timeoutPolicy([
          {
            ApplicationId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
            WebSessionIdleTimeout: '00:15:00',
          },
        ]),
        timeoutPolicy([{ ApplicationId: 'default', WebSessionIdleTimeout: '01:00:00' }], false),
      ]),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/specific apps/);
  });

  it('warns when only SharePoint signs idle sessions out', () => {
    const finding = run(
      TEN_006,
      withPolicies([], {
        sharepointSettings: {
          sharingCapability: 'disabled',
          idleSessionSignOut: {
            isEnabled: true,
            warnAfterInSeconds: 3000,
            signOutAfterInSeconds: 3600,
          },
        },
      }),
    );
    expect(finding.verdict).toBe('warn');
    expect(finding.reason).toContain('1 hour');
  });

  it('fails when SharePoint signs out only after more than 3 hours', () => {
    const finding = run(
      TEN_006,
      withPolicies([], {
        sharepointSettings: {
          idleSessionSignOut: {
            isEnabled: true,
            warnAfterInSeconds: 0,
            signOutAfterInSeconds: 28800,
          },
        },
      }),
    );
    expect(finding.verdict).toBe('fail');
  });

  it('fails (not pass) when the SharePoint settings could not be read', () => {
    const finding = run(
      TEN_006,
      snapshotWith(
        { activityBasedTimeoutPolicies: [] },
        { sharepointSettings: { kind: 'forbidden', status: 403, message: 'denied' } },
      ),
    );
    expect(finding.verdict).toBe('fail');
  });

  it.each([
    [
      'definition that is not JSON',
      { id: 'p', isOrganizationDefault: true, definition: ['{oops'] },
    ],
    [
      'definition without application policies',
      {
        id: 'p',
        isOrganizationDefault: true,
        definition: ['{"ActivityBasedTimeoutPolicy":{"Version":1}}'],
      },
    ],
    [
      'timeout that is not a duration',
      timeoutPolicy([{ ApplicationId: 'default', WebSessionIdleTimeout: 'three hours' }]),
    ],
  ])('is unknown (invalid response) for a %s', (_label, policy) => {
    const finding = run(TEN_006, withPolicies([policy]));
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
    expect(finding.reason).toContain(labelOf('activityBasedTimeoutPolicies'));
  });
});

describe('TEN-007 password hash sync', () => {
  it.each([null, false, undefined])('is not applicable when directory sync is %s', (value) => {
    const finding = run(
      TEN_007,
      snapshotWith({ ...PASSING, organization: [{ id: 'tenant', onPremisesSyncEnabled: value }] }),
    );
    expect(finding).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_in_use' });
  });

  it('fails when a synced tenant has password hash sync off', () => {
    const finding = run(
      TEN_007,
      snapshotWith({
        ...PASSING,
        onPremisesSynchronization: [{ id: 'tenant', features: { passwordSyncEnabled: false } }],
      }),
    );
    expect(finding.verdict).toBe('fail');
  });

  it('is unknown when a synced tenant’s sync settings cannot be read', () => {
    const finding = run(
      TEN_007,
      withError(snapshotWith(PASSING), 'onPremisesSynchronization', 'forbidden'),
    );
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'forbidden' });
    expect(finding.reason).toContain(SOURCES.onPremisesSynchronization.permission);
  });

  it('is unknown when a synced tenant’s sync settings were not collected', () => {
    const { onPremisesSynchronization: _omit, ...rest } = PASSING;
    expect(run(TEN_007, snapshotWith(rest)).verdict).toBe('unknown');
  });

  it('is not applicable for a cloud-only tenant even when sync settings cannot be read', () => {
    const finding = run(
      TEN_007,
      withError(
        snapshotWith({ ...PASSING, organization: [{ id: 'tenant', onPremisesSyncEnabled: null }] }),
        'onPremisesSynchronization',
        'forbidden',
      ),
    );
    expect(finding.verdict).toBe('not_applicable');
  });

  it.each([
    ['an empty list', []],
    ['no password sync flag', [{ id: 'tenant', features: {} }]],
  ])('is unknown when a synced tenant returns %s', (_label, data) => {
    const finding = run(TEN_007, snapshotWith({ ...PASSING, onPremisesSynchronization: data }));
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'not_found' });
  });

  it('is unknown when no organisation is returned', () => {
    const finding = run(TEN_007, snapshotWith({ ...PASSING, organization: [] }));
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });
});

describe('TEN-008 device join and local administrators', () => {
  it('fails on the Microsoft defaults with all four gaps listed', () => {
    const finding = run(
      TEN_008,
      snapshotWith({
        deviceRegistrationPolicy: deviceRegistration({
          join: membership('all'),
          globalAdmins: true,
          registering: membership('all'),
          laps: false,
        }),
      }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/^All 4 device join settings are left open/);
    expect(finding.affected.map((a) => a.id)).toEqual([
      'azureADJoin.allowedToJoin',
      'azureADJoin.localAdmins.enableGlobalAdmins',
      'azureADJoin.localAdmins.registeringUsers',
      'localAdminPassword.isEnabled',
    ]);
  });

  it.each([
    ['only LAPS off', { laps: false }, 'localAdminPassword.isEnabled'],
    ['everyone may join', { join: membership('all') }, 'azureADJoin.allowedToJoin'],
    [
      'Global Administrators local admins',
      { globalAdmins: true },
      'azureADJoin.localAdmins.enableGlobalAdmins',
    ],
  ] as const)('fails when %s', (_label, overrides, gap) => {
    const finding = run(
      TEN_008,
      snapshotWith({ deviceRegistrationPolicy: deviceRegistration(overrides) }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.affected.map((a) => a.id)).toEqual([gap]);
    expect(finding.reason).toMatch(/^1 of 4 device join settings are left open/);
  });

  it('accepts joining and local admin rights limited to selected people, or nobody', () => {
    const finding = run(
      TEN_008,
      snapshotWith({
        deviceRegistrationPolicy: deviceRegistration({
          join: membership('no'),
          registering: membership('enumerated', { users: ['it-user'] }),
        }),
      }),
    );
    expect(finding.verdict).toBe('pass');
  });

  it('is unknown when the LAPS setting is missing', () => {
    const { localAdminPassword: _omit, ...policy } = deviceRegistration({});
    const finding = run(TEN_008, snapshotWith({ deviceRegistrationPolicy: policy }));
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });
});

describe('TEN-009 Intune devices without a compliance policy', () => {
  it('fails when devices without a policy count as compliant', () => {
    const finding = run(
      TEN_009,
      snapshotWith({ ...PASSING, intuneSettings: { secureByDefault: false } }),
    );
    expect(finding.verdict).toBe('fail');
  });

  it.each([
    ['Business Standard (no Intune)', [SKU_BUSINESS_STANDARD]],
    ['no licences at all', []],
    [
      'an Intune plan that is disabled',
      [
        {
          ...SKU_WITH_INTUNE,
          servicePlans: [
            {
              servicePlanId: INTUNE_A,
              servicePlanName: 'INTUNE_A',
              provisioningStatus: 'Disabled',
            },
          ],
        },
      ],
    ],
    ['a suspended subscription', [{ ...SKU_WITH_INTUNE, capabilityStatus: 'Suspended' }]],
  ])('is not applicable with %s', (_label, skus) => {
    const finding = run(
      TEN_009,
      snapshotWith({
        ...PASSING,
        subscribedSkus: skus,
        intuneSettings: { secureByDefault: false },
      }),
    );
    expect(finding).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
  });

  it('is not applicable when Microsoft answers that Intune is not licensed', () => {
    const finding = run(
      TEN_009,
      withError(snapshotWith(PASSING), 'intuneSettings', 'not_licensed'),
    );
    expect(finding).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
  });

  it.each(['forbidden', 'throttled', 'network', 'not_found', 'invalid_response'] as const)(
    'is unknown when the Intune settings fail with %s',
    (kind) => {
      const finding = run(TEN_009, withError(snapshotWith(PASSING), 'intuneSettings', kind));
      expect(finding.verdict).toBe('unknown');
      expect(finding.reasonCode).toBe(REASON_CODE_FOR[kind]);
      expect(finding.reason).toContain(labelOf('intuneSettings'));
    },
  );

  it('is unknown when the Intune settings were not collected or have no secureByDefault', () => {
    const { intuneSettings: _omit, ...rest } = PASSING;
    expect(run(TEN_009, snapshotWith(rest)).verdict).toBe('unknown');
    const finding = run(
      TEN_009,
      snapshotWith({ ...PASSING, intuneSettings: { secureByDefault: null } }),
    );
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });
});
