import { describe, expect, it } from 'vitest';
import { SOURCE_ERROR_KINDS } from '../../shared/models/snapshot';
import { SOURCES } from '../../shared/models/sources';
import type { Verdict } from '../../shared/models/verdict';
import { APP_001, APP_002 } from './app-checks';
import type { Check } from './check';
import {
  labelOf,
  REASON_CODE_FOR,
  run,
  snapshotWith,
  withError,
  type SourceData,
} from './test-snapshot';

function policy(defaultUserRolePermissions: Record<string, unknown> | null) {
  return {
    authorizationPolicy: { allowInvitesFrom: 'adminsAndGuestInviters', defaultUserRolePermissions },
  };
}

const PASSING: SourceData = policy({
  allowedToCreateApps: false,
  permissionGrantPoliciesAssigned: [
    'ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-team',
  ],
});

const APP_CHECKS: readonly Check[] = [APP_001, APP_002];

describe('APP checks: a required source that could not be read', () => {
  it.each(APP_CHECKS.map((c) => [c.id, c] as const))(
    '%s passes on the clean tenant',
    (_id, check) => {
      expect(run(check, snapshotWith(PASSING)).verdict).toBe('pass');
    },
  );

  const cases = APP_CHECKS.flatMap((check) =>
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

  it.each(APP_CHECKS.map((c) => [c.id, c] as const))(
    '%s is unknown when the policy has an unexpected shape',
    (_id, check) => {
      const data = policy({
        allowedToCreateApps: 'no',
        permissionGrantPoliciesAssigned: 'ManagePermissionGrantsForSelf.x',
      });
      const finding = run(check, snapshotWith(data));
      expect(finding.verdict).toBe('unknown');
      expect(finding.reasonCode).toBe('invalid_response');
    },
  );
});

describe('APP-001 app registration', () => {
  it('passes when users cannot register apps', () => {
    expect(run(APP_001, snapshotWith(policy({ allowedToCreateApps: false }))).verdict).toBe('pass');
  });

  it('fails when every user can register apps', () => {
    const finding = run(APP_001, snapshotWith(policy({ allowedToCreateApps: true })));
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/Every user can register/);
  });

  it.each([
    ['the setting is missing', policy({})],
    ['the setting is null', policy({ allowedToCreateApps: null })],
    ['the permissions block is missing', policy(null)],
  ])('is unknown, never pass, when %s', (_label, data) => {
    const finding = run(APP_001, snapshotWith(data));
    expect(finding.verdict).toBe('unknown');
    expect(finding.reasonCode).toBe('invalid_response');
  });
});

describe('APP-002 user consent to apps', () => {
  const cases: [string, string[], Verdict, RegExp?][] = [
    ['no consent policy', [], 'pass'],
    [
      'only the Teams owned-resource policy',
      ['ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-team'],
      'pass',
    ],
    [
      'the legacy self-consent policy',
      ['ManagePermissionGrantsForSelf.microsoft-user-default-legacy'],
      'fail',
      /any app/,
    ],
    [
      'the low-risk self-consent policy',
      ['ManagePermissionGrantsForSelf.microsoft-user-default-low'],
      'fail',
      /verified publishers/,
    ],
    [
      'the recommended self-consent policy',
      ['ManagePermissionGrantsForSelf.microsoft-user-default-recommended'],
      'fail',
      /recommended rules/,
    ],
    [
      'a custom self-consent policy',
      ['ManagePermissionGrantsForSelf.contoso-custom'],
      'fail',
      /users can approve apps themselves/,
    ],
    [
      'self-consent next to an owned-resource policy',
      [
        'ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-chat',
        'ManagePermissionGrantsForSelf.microsoft-user-default-low',
      ],
      'fail',
    ],
  ];
  it.each(cases)('%s: %s', (_label, assigned, verdict, reason) => {
    const finding = run(
      APP_002,
      snapshotWith(
        policy({ allowedToCreateApps: false, permissionGrantPoliciesAssigned: assigned }),
      ),
    );
    expect(finding.verdict).toBe(verdict);
    if (reason) expect(finding.reason).toMatch(reason);
    expect(finding.evidence[0]?.summary).toBe(`consent policies: ${assigned.join(', ') || 'none'}`);
  });
});
