import { describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/models/profile';
import { SOURCE_ERROR_KINDS } from '../../shared/models/snapshot';
import { SOURCES } from '../../shared/models/sources';
import { ADM_001, ADM_002, ADM_003 } from './adm-checks';
import type { Check } from './check';
import {
  assignment,
  GLOBAL_ADMIN,
  labelOf,
  PRIVILEGED_ROLE_IDS,
  REASON_CODE_FOR,
  run,
  SKU_BUSINESS_PREMIUM,
  SKU_ENTRA_P1,
  snapshotWith,
  sourceError,
  user,
  withError,
  type SourceData,
} from './test-snapshot';

const USER_ADMIN = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const EXCHANGE_ADMIN = '29232cdf-9323-42fd-ade2-1d097af3e4de';
const HELPDESK_ADMIN = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

function people(count: number, prefix = 'admin') {
  return Array.from({ length: count }, (_v, i) =>
    user({
      id: `${prefix}-${i + 1}`,
      displayName: `Admin ${i + 1}`,
      userPrincipalName: `${prefix}${i + 1}@contoso.onmicrosoft.com`,
    }),
  );
}

/** A tenant with `count` users each holding Global Administrator directly. */
function withGlobalAdmins(count: number): SourceData {
  const admins = people(count);
  return { users: admins, roleAssignments: admins.map((a) => assignment(a, GLOBAL_ADMIN)) };
}

const mailbox = { service: 'exchange', capabilityStatus: 'Enabled', provisioningStatus: 'Success' };

/** Two dedicated cloud-only admins with no licence, plus a licensed, synced everyday user. */
const CLEAN_ADMIN_1 = user({
  id: 'adm-1',
  displayName: 'Admin Alex',
  userPrincipalName: 'admin-alex@contoso.onmicrosoft.com',
});
const CLEAN_ADMIN_2 = user({
  id: 'adm-2',
  displayName: 'Admin Bea',
  userPrincipalName: 'admin-bea@contoso.onmicrosoft.com',
});
const EVERYDAY = user({
  id: 'u-carl',
  displayName: 'Carl Day',
  userPrincipalName: 'carl@contoso.com',
  onPremisesSyncEnabled: true,
  onPremisesImmutableId: 'abc==',
  assignedLicenses: [{ skuId: SKU_BUSINESS_PREMIUM.skuId }],
  provisionedPlans: [mailbox],
});
const PASSING: SourceData = {
  subscribedSkus: [SKU_BUSINESS_PREMIUM, SKU_ENTRA_P1],
  users: [CLEAN_ADMIN_1, CLEAN_ADMIN_2, EVERYDAY],
  roleAssignments: [
    assignment(CLEAN_ADMIN_1, GLOBAL_ADMIN),
    assignment(CLEAN_ADMIN_2, GLOBAL_ADMIN),
    assignment(CLEAN_ADMIN_2, EXCHANGE_ADMIN),
    assignment(EVERYDAY, HELPDESK_ADMIN),
  ],
};

const ADM_CHECKS: readonly Check[] = [ADM_001, ADM_002, ADM_003];

describe('ADM checks: a required source that could not be read', () => {
  it.each(ADM_CHECKS.map((c) => [c.id, c] as const))(
    '%s passes on the clean tenant',
    (_id, check) => {
      expect(run(check, snapshotWith(PASSING)).verdict).toBe('pass');
    },
  );

  const cases = ADM_CHECKS.flatMap((check) =>
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

  it.each(ADM_CHECKS.map((c) => [c.id, c] as const))(
    '%s is unknown when the role list has an unexpected shape',
    (_id, check) => {
      const finding = run(
        check,
        snapshotWith({ ...PASSING, roleAssignments: [{ principalId: 'x' }] }),
      );
      expect(finding.verdict).toBe('unknown');
      expect(finding.reasonCode).toBe('invalid_response');
    },
  );
});

describe('ADM-001 number of Global Administrators', () => {
  const cases: [number, Profile, 'pass' | 'fail'][] = [
    [0, 'cis', 'fail'],
    [1, 'cis', 'fail'],
    [1, 'cisa', 'fail'],
    [2, 'cis', 'pass'],
    [4, 'cis', 'pass'],
    [5, 'cis', 'fail'],
    [5, 'cisa', 'pass'],
    [8, 'cisa', 'pass'],
    [9, 'cisa', 'fail'],
  ];
  it.each(cases)('%i Global Administrators under %s: %s', (count, profile, verdict) => {
    const finding = run(ADM_001, snapshotWith(withGlobalAdmins(count)), { profile });
    expect(finding.verdict).toBe(verdict);
    expect(finding.affected).toHaveLength(count);
  });

  it('says why one is too few and five too many', () => {
    expect(run(ADM_001, snapshotWith(withGlobalAdmins(1))).reason).toMatch(/at least 2/);
    expect(run(ADM_001, snapshotWith(withGlobalAdmins(5))).reason).toMatch(/no more than 4/);
    expect(run(ADM_001, snapshotWith(withGlobalAdmins(9)), { profile: 'cisa' }).reason).toMatch(
      /no more than 8/,
    );
  });

  it('counts a person holding the role twice once', () => {
    const [a, b] = people(2);
    const finding = run(
      ADM_001,
      snapshotWith({
        users: [a, b],
        roleAssignments: [assignment(a!, GLOBAL_ADMIN), assignment(a!, GLOBAL_ADMIN)],
      }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.affected).toHaveLength(1);
  });

  it('ignores other roles, scoped assignments and service principals', () => {
    const [a, b, c] = people(3);
    const finding = run(
      ADM_001,
      snapshotWith({
        users: [a, b, c],
        roleAssignments: [
          assignment(a!, GLOBAL_ADMIN),
          assignment(b!, USER_ADMIN),
          assignment(c!, GLOBAL_ADMIN, 'user', '/administrativeUnits/0000'),
          assignment({ id: 'sp-1', displayName: 'Backup app' }, GLOBAL_ADMIN, 'servicePrincipal'),
        ],
      }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.affected.map((x) => x.id)).toEqual([a!.id]);
  });

  it('names the Global Administrators with display name and UPN', () => {
    const finding = run(ADM_001, snapshotWith(withGlobalAdmins(2)));
    expect(finding.affected[0]).toEqual({
      id: 'admin-1',
      displayName: 'Admin 1 (admin1@contoso.onmicrosoft.com)',
      detail: 'Global Administrator',
    });
  });

  it('falls back to the expanded principal when the user list was not read', () => {
    const admins = people(2);
    const snapshot = snapshotWith(
      {
        roleAssignments: admins.map((a) =>
          assignment({ id: a.id, userPrincipalName: a.userPrincipalName }, GLOBAL_ADMIN),
        ),
      },
      { users: sourceError('forbidden') },
    );
    const finding = run(ADM_001, snapshot);
    expect(finding.verdict).toBe('pass');
    expect(finding.affected.map((a) => a.displayName)).toEqual([
      'admin1@contoso.onmicrosoft.com',
      'admin2@contoso.onmicrosoft.com',
    ]);
  });

  it('names a group holding the role without counting its members', () => {
    const admins = people(2);
    const finding = run(
      ADM_001,
      snapshotWith({
        users: admins,
        roleAssignments: [
          ...admins.map((a) => assignment(a, GLOBAL_ADMIN)),
          assignment({ id: 'grp-1', displayName: 'IT admins' }, GLOBAL_ADMIN, 'group'),
        ],
      }),
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toMatch(/1 group\(s\)/);
    expect(finding.affected).toContainEqual({
      id: 'grp-1',
      displayName: 'IT admins',
      detail: 'group holding Global Administrator',
    });
  });
});

describe('ADM-002 admin accounts are cloud-only', () => {
  it('fails for an admin synced from on-premises, naming the account and its roles', () => {
    const synced = user({
      id: 'adm-s',
      displayName: 'Sam Sync',
      userPrincipalName: 'sam@contoso.com',
      onPremisesSyncEnabled: true,
    });
    const finding = run(
      ADM_002,
      snapshotWith({
        users: [CLEAN_ADMIN_1, synced],
        roleAssignments: [
          assignment(CLEAN_ADMIN_1, GLOBAL_ADMIN),
          assignment(synced, USER_ADMIN),
          assignment(synced, EXCHANGE_ADMIN),
        ],
      }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/^1 of your 2 admin/);
    expect(finding.affected).toEqual([
      {
        id: 'adm-s',
        displayName: 'Sam Sync (sam@contoso.com)',
        detail: 'synced from on-premises; holds User Administrator, Exchange Administrator',
      },
    ]);
  });

  it('fails for an admin with an on-premises immutable id even if sync is now off', () => {
    const formerlySynced = user({
      id: 'adm-f',
      displayName: 'Fay',
      onPremisesSyncEnabled: false,
      onPremisesImmutableId: 'Zm9v',
    });
    const finding = run(
      ADM_002,
      snapshotWith({
        users: [formerlySynced],
        roleAssignments: [assignment(formerlySynced, GLOBAL_ADMIN)],
      }),
    );
    expect(finding.verdict).toBe('fail');
  });

  it.each(PRIVILEGED_ROLE_IDS.map((r) => [r] as const))('looks at privileged role %s', (role) => {
    const synced = user({ id: 'adm-s', displayName: 'Sam Sync', onPremisesSyncEnabled: true });
    const finding = run(
      ADM_002,
      snapshotWith({ users: [synced], roleAssignments: [assignment(synced, role)] }),
    );
    expect(finding.verdict).toBe('fail');
  });

  it('ignores synced users who hold no highly privileged role', () => {
    const finding = run(ADM_002, snapshotWith(PASSING));
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toMatch(/All 2 admin/);
  });

  it('is unknown when nobody holds an admin role (an incomplete role list)', () => {
    const finding = run(
      ADM_002,
      snapshotWith({ users: [EVERYDAY], roleAssignments: [assignment(EVERYDAY, HELPDESK_ADMIN)] }),
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.reasonCode).toBe('invalid_response');
  });
});

describe('ADM-003 dedicated admin accounts (no mailbox, no Office licence)', () => {
  it('passes for an admin with only an Entra ID P1 licence', () => {
    const admin = user({
      id: 'adm-p1',
      displayName: 'P1 Admin',
      assignedLicenses: [{ skuId: SKU_ENTRA_P1.skuId }],
    });
    const finding = run(
      ADM_003,
      snapshotWith({
        subscribedSkus: [SKU_ENTRA_P1],
        users: [admin],
        roleAssignments: [assignment(admin, GLOBAL_ADMIN)],
      }),
    );
    expect(finding.verdict).toBe('pass');
  });

  it('fails for an admin with a mailbox', () => {
    const admin = user({
      id: 'adm-m',
      displayName: 'Mia Mail',
      userPrincipalName: 'mia@contoso.com',
      provisionedPlans: [mailbox],
    });
    const finding = run(
      ADM_003,
      snapshotWith({
        users: [admin, CLEAN_ADMIN_1],
        roleAssignments: [assignment(admin, GLOBAL_ADMIN), assignment(CLEAN_ADMIN_1, GLOBAL_ADMIN)],
      }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.affected).toEqual([
      {
        id: 'adm-m',
        displayName: 'Mia Mail (mia@contoso.com)',
        detail: 'has a mailbox; holds Global Administrator',
      },
    ]);
  });

  it('fails for an admin with a productivity licence, named in words people know', () => {
    const admin = user({
      id: 'adm-l',
      displayName: 'Leo Lic',
      userPrincipalName: 'leo@contoso.com',
      assignedLicenses: [{ skuId: SKU_BUSINESS_PREMIUM.skuId }],
      provisionedPlans: [mailbox],
    });
    const finding = run(
      ADM_003,
      snapshotWith({
        subscribedSkus: [SKU_BUSINESS_PREMIUM],
        users: [admin],
        roleAssignments: [assignment(admin, USER_ADMIN)],
      }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.affected[0]?.detail).toBe(
      'has a mailbox and licensed for Microsoft 365 Business Premium; holds User Administrator',
    );
  });

  it('does not count a disabled or deleted Exchange plan as a mailbox', () => {
    const admin = user({
      id: 'adm-d',
      displayName: 'Dee',
      provisionedPlans: [
        { service: 'exchange', capabilityStatus: 'Deleted', provisioningStatus: 'Success' },
        { service: 'SharePoint', capabilityStatus: 'Enabled' },
      ],
    });
    const finding = run(
      ADM_003,
      snapshotWith({ users: [admin], roleAssignments: [assignment(admin, GLOBAL_ADMIN)] }),
    );
    expect(finding.verdict).toBe('pass');
  });

  it('ignores licensed users who hold no highly privileged role', () => {
    expect(run(ADM_003, snapshotWith(PASSING)).verdict).toBe('pass');
  });

  it('still evaluates when the licence list could not be read', () => {
    const admin = user({ id: 'adm-m', displayName: 'Mia Mail', provisionedPlans: [mailbox] });
    const snapshot = snapshotWith(
      { users: [admin], roleAssignments: [assignment(admin, GLOBAL_ADMIN)] },
      { subscribedSkus: sourceError('forbidden') },
    );
    expect(run(ADM_003, snapshot).verdict).toBe('fail');
  });

  it('is unknown when nobody holds an admin role', () => {
    const finding = run(ADM_003, snapshotWith({ users: [EVERYDAY], roleAssignments: [] }));
    expect(finding.verdict).toBe('unknown');
  });
});
