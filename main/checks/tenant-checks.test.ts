import { describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/models/profile';
import { SOURCE_ERROR_KINDS } from '../../shared/models/snapshot';
import { SOURCES } from '../../shared/models/sources';
import type { Verdict } from '../../shared/models/verdict';
import type { Check } from './check';
import { GST_001, GST_002, PWD_001, SPO_001 } from './tenant-checks';
import {
  labelOf,
  REASON_CODE_FOR,
  run,
  snapshotWith,
  withError,
  type SourceData,
} from './test-snapshot';

const NEVER = 2147483647;
const GUEST_RESTRICTED = '2af84b1e-32c8-42b7-82bc-daa82404023b';
const GUEST_LIMITED = '10dae51f-b6af-4016-8d66-8c2a99b929b3';
const GUEST_MEMBER = 'a0b1b346-4d3e-4e8b-98f8-753987be4970';

function domain(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    authenticationType: 'Managed',
    isVerified: true,
    isRoot: true,
    isInitial: false,
    passwordValidityPeriodInDays: NEVER,
    ...extra,
  };
}

const PASSING: SourceData = {
  domains: [
    domain('contoso.onmicrosoft.com', { isInitial: true }),
    domain('contoso.com', { passwordValidityPeriodInDays: null }),
  ],
  authorizationPolicy: {
    guestUserRoleId: GUEST_RESTRICTED,
    allowInvitesFrom: 'adminsAndGuestInviters',
  },
  sharepointSettings: { sharingCapability: 'existingExternalUserSharingOnly' },
};

const TENANT_CHECKS: readonly Check[] = [PWD_001, GST_001, GST_002, SPO_001];

describe('tenant checks: a required source that could not be read', () => {
  it.each(TENANT_CHECKS.map((c) => [c.id, c] as const))(
    '%s passes on the clean tenant',
    (_id, check) => {
      expect(run(check, snapshotWith(PASSING)).verdict).toBe('pass');
    },
  );

  const cases = TENANT_CHECKS.flatMap((check) =>
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

  it('says which permission reads the SharePoint sharing settings', () => {
    const snapshot = snapshotWith(
      {},
      {
        sharepointSettings: {
          kind: 'forbidden',
          status: 403,
          message: 'Access denied. You do not have permission to perform this action.',
        },
      },
    );
    const finding = run(SPO_001, snapshot);
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'forbidden' });
    expect(finding.reason).toContain('SharePointTenantSettings.Read.All');
    expect(finding.reason).toContain('your SharePoint and OneDrive sharing settings');
  });

  it.each([
    ['PWD-001', PWD_001, { ...PASSING, domains: { value: [] } }],
    ['GST-001', GST_001, { ...PASSING, authorizationPolicy: [] }],
    ['SPO-001', SPO_001, { ...PASSING, sharepointSettings: { sharingCapability: 3 } }],
  ] as const)('%s is unknown when its data has an unexpected shape', (_id, check, data) => {
    const finding = run(check, snapshotWith(data));
    expect(finding.verdict).toBe('unknown');
    expect(finding.reasonCode).toBe('invalid_response');
  });
});

describe('PWD-001 passwords do not expire', () => {
  it('passes when validity is unset or the "never" value', () => {
    const finding = run(PWD_001, snapshotWith(PASSING));
    expect(finding.verdict).toBe('pass');
    expect(finding.evidence[0]?.summary).toBe('2 verified managed domain(s)');
  });

  it('fails for a managed domain whose passwords expire, naming it', () => {
    const finding = run(
      PWD_001,
      snapshotWith({
        domains: [
          domain('contoso.onmicrosoft.com'),
          domain('contoso.com', { passwordValidityPeriodInDays: 90 }),
        ],
      }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/1 of your 2 domain/);
    expect(finding.affected).toEqual([
      { id: 'contoso.com', displayName: 'contoso.com', detail: 'passwords expire every 90 days' },
    ]);
  });

  it('treats a missing authentication type as managed', () => {
    const finding = run(
      PWD_001,
      snapshotWith({ domains: [{ id: 'contoso.com', passwordValidityPeriodInDays: 180 }] }),
    );
    expect(finding.verdict).toBe('fail');
  });

  it('ignores federated and unverified domains', () => {
    const finding = run(
      PWD_001,
      snapshotWith({
        domains: [
          domain('contoso.onmicrosoft.com'),
          domain('fabrikam.com', {
            authenticationType: 'Federated',
            passwordValidityPeriodInDays: 90,
          }),
          domain('pending.example', { isVerified: false, passwordValidityPeriodInDays: 30 }),
        ],
      }),
    );
    expect(finding.verdict).toBe('pass');
  });

  it('is not applicable when every domain is federated', () => {
    const finding = run(
      PWD_001,
      snapshotWith({
        domains: [
          domain('contoso.com', {
            authenticationType: 'Federated',
            passwordValidityPeriodInDays: 90,
          }),
        ],
      }),
    );
    expect(finding.verdict).toBe('not_applicable');
    expect(finding.reasonCode).toBe('not_in_use');
  });
});

describe('GST-001 guest directory access', () => {
  const cases: [string, string | undefined, Profile, Verdict][] = [
    ['restricted', GUEST_RESTRICTED, 'cis', 'pass'],
    ['restricted', GUEST_RESTRICTED, 'cisa', 'pass'],
    ['limited', GUEST_LIMITED, 'cis', 'fail'],
    ['limited', GUEST_LIMITED, 'cisa', 'pass'],
    ['same as members', GUEST_MEMBER, 'cis', 'fail'],
    ['same as members', GUEST_MEMBER, 'cisa', 'fail'],
    ['an unknown role', '00000000-0000-0000-0000-000000000000', 'cisa', 'fail'],
    ['not set', undefined, 'cisa', 'fail'],
  ];
  it.each(cases)('guest role %s under %s: %s', (_label, roleId, profile, verdict) => {
    const finding = run(
      GST_001,
      snapshotWith({ authorizationPolicy: { guestUserRoleId: roleId } }),
      { profile },
    );
    expect(finding.verdict).toBe(verdict);
  });

  it('explains the setting in plain words', () => {
    expect(
      run(GST_001, snapshotWith({ authorizationPolicy: { guestUserRoleId: GUEST_MEMBER } })).reason,
    ).toMatch(/as much of your directory as your own staff/);
    expect(
      run(GST_001, snapshotWith({ authorizationPolicy: { guestUserRoleId: 'x' } })).reason,
    ).toMatch(/do not recognise/);
  });
});

describe('GST-002 guest invitations', () => {
  it.each([
    ['none', 'pass'],
    ['adminsAndGuestInviters', 'pass'],
    ['adminsGuestInvitersAndAllMembers', 'fail'],
    ['everyone', 'fail'],
    ['somethingNew', 'fail'],
    [null, 'fail'],
  ] as const)('allowInvitesFrom %s: %s', (value, verdict) => {
    for (const profile of ['cis', 'cisa'] as const) {
      const finding = run(
        GST_002,
        snapshotWith({ authorizationPolicy: { allowInvitesFrom: value } }),
        { profile },
      );
      expect(finding.verdict).toBe(verdict);
    }
  });

  it('explains an open setting in plain words', () => {
    const finding = run(
      GST_002,
      snapshotWith({ authorizationPolicy: { allowInvitesFrom: 'everyone' } }),
    );
    expect(finding.reason).toMatch(/including existing guests/);
  });
});

describe('SPO-001 SharePoint and OneDrive sharing', () => {
  const cases: [string, Profile, Verdict][] = [
    ['disabled', 'cis', 'pass'],
    ['disabled', 'cisa', 'pass'],
    ['existingExternalUserSharingOnly', 'cis', 'pass'],
    ['existingExternalUserSharingOnly', 'cisa', 'pass'],
    ['externalUserSharingOnly', 'cis', 'pass'],
    ['externalUserSharingOnly', 'cisa', 'fail'],
    ['externalUserAndGuestSharing', 'cis', 'fail'],
    ['externalUserAndGuestSharing', 'cisa', 'fail'],
    ['unknownFutureValue', 'cis', 'fail'],
  ];
  it.each(cases)('sharingCapability %s under %s: %s', (value, profile, verdict) => {
    const finding = run(
      SPO_001,
      snapshotWith({ sharepointSettings: { sharingCapability: value } }),
      { profile },
    );
    expect(finding.verdict).toBe(verdict);
    expect(finding.evidence).toEqual([
      { source: 'sharepointSettings', summary: `sharingCapability ${value}` },
    ]);
  });

  it('explains "Anyone" links in plain words', () => {
    const finding = run(
      SPO_001,
      snapshotWith({ sharepointSettings: { sharingCapability: 'externalUserAndGuestSharing' } }),
    );
    expect(finding.reason).toMatch(/without signing in/);
  });
});
