import { describe, expect, it } from 'vitest';
import { SOURCE_ERROR_KINDS } from '../../shared/models/snapshot';
import { SOURCES } from '../../shared/models/sources';
import { SPO_002, SPO_003, SPO_004, SPO_005, SPO_CHECKS } from './spo-checks';
import { labelOf, REASON_CODE_FOR, run, snapshotWith, withError } from './test-snapshot';

/** Graph's full sharepointSettings entity, configured the safe way. */
const SAFE = {
  allowedDomainGuidsForSyncApp: ['3b4a2e9f-1c64-4d1b-8f7e-2a1d5c9b0e47'],
  idleSessionSignOut: { isEnabled: false, warnAfterInSeconds: 0, signOutAfterInSeconds: 0 },
  isLegacyAuthProtocolsEnabled: false,
  isResharingByExternalUsersEnabled: false,
  isUnmanagedSyncAppForTenantRestricted: true,
  sharingAllowedDomainList: ['bridgewaterdentallab.com'],
  sharingBlockedDomainList: [],
  sharingCapability: 'externalUserSharingOnly',
  sharingDomainRestrictionMode: 'allowList',
};

const spo = (overrides: Record<string, unknown> = {}) =>
  snapshotWith({ sharepointSettings: { ...SAFE, ...overrides } });

describe('SPO checks: the SharePoint settings could not be read', () => {
  it('exports SPO-002 to SPO-005', () => {
    expect(SPO_CHECKS.map((c) => c.id)).toEqual(['SPO-002', 'SPO-003', 'SPO-004', 'SPO-005']);
  });

  it.each(SPO_CHECKS.map((c) => [c.id, c] as const))(
    '%s passes on the safe settings',
    (_id, check) => {
      expect(run(check, spo()).verdict).toBe('pass');
    },
  );

  const cases = SPO_CHECKS.flatMap((check) =>
    SOURCE_ERROR_KINDS.map((kind) => [check.id, kind, check] as const),
  );
  it.each(cases)('%s is unknown when the settings fail with %s', (_id, kind, check) => {
    const finding = run(check, withError(spo(), 'sharepointSettings', kind));
    expect(finding.verdict).toBe('unknown');
    expect(finding.reasonCode).toBe(REASON_CODE_FOR[kind]);
    expect(finding.reason).toContain(labelOf('sharepointSettings'));
    if (kind === 'forbidden')
      expect(finding.reason).toContain(SOURCES.sharepointSettings.permission);
  });

  it.each([
    ['SPO-002', 'isResharingByExternalUsersEnabled', SPO_002],
    ['SPO-003', 'sharingDomainRestrictionMode', SPO_003],
    ['SPO-003', 'sharingCapability', SPO_003],
    ['SPO-004', 'isLegacyAuthProtocolsEnabled', SPO_004],
    ['SPO-005', 'isUnmanagedSyncAppForTenantRestricted', SPO_005],
  ] as const)('%s is unknown, never pass, when %s is missing or null', (_id, field, check) => {
    for (const value of [undefined, null]) {
      const finding = run(check, spo({ [field]: value }));
      expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
    }
  });

  it.each([
    ['SPO-002', 'isResharingByExternalUsersEnabled', SPO_002],
    ['SPO-004', 'isLegacyAuthProtocolsEnabled', SPO_004],
    ['SPO-005', 'isUnmanagedSyncAppForTenantRestricted', SPO_005],
  ] as const)('%s is unknown when %s is not a true/false value', (_id, field, check) => {
    const finding = run(check, spo({ [field]: 'yes' }));
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });

  it('SPO-003 does not pass on a domain rule mode it does not know', () => {
    expect(run(SPO_003, spo({ sharingDomainRestrictionMode: 'somethingNew' })).verdict).toBe(
      'fail',
    );
  });
});

describe('SPO-002 guests cannot reshare', () => {
  it('fails when guests can share items they do not own', () => {
    const finding = run(SPO_002, spo({ isResharingByExternalUsersEnabled: true }));
    expect(finding.verdict).toBe('fail');
    expect(finding.evidence[0]?.summary).toBe('isResharingByExternalUsersEnabled true');
  });
});

describe('SPO-003 outside sharing limited by domain', () => {
  it('passes with an allow list under both profiles, naming the domains', () => {
    for (const profile of ['cis', 'cisa'] as const) {
      const finding = run(SPO_003, spo(), { profile });
      expect(finding.verdict).toBe('pass');
      expect(finding.reason).toContain('bridgewaterdentallab.com');
    }
  });

  it('passes with a block list under CIS but fails under CISA', () => {
    const snapshot = spo({
      sharingDomainRestrictionMode: 'blockList',
      sharingAllowedDomainList: [],
      sharingBlockedDomainList: ['gmail.com'],
    });
    expect(run(SPO_003, snapshot, { profile: 'cis' }).verdict).toBe('pass');
    const cisa = run(SPO_003, snapshot, { profile: 'cisa' });
    expect(cisa.verdict).toBe('fail');
    expect(cisa.reason).toMatch(/CISA/);
  });

  it('fails with a block list that lists no domain', () => {
    const finding = run(
      SPO_003,
      spo({ sharingDomainRestrictionMode: 'blockList', sharingBlockedDomainList: [] }),
    );
    expect(finding.verdict).toBe('fail');
  });

  it('fails with no domain rules while outside sharing is on', () => {
    for (const sharingCapability of [
      'externalUserAndGuestSharing',
      'existingExternalUserSharingOnly',
    ]) {
      const finding = run(
        SPO_003,
        spo({ sharingCapability, sharingDomainRestrictionMode: 'none' }),
      );
      expect(finding.verdict).toBe('fail');
    }
  });

  it('passes when outside sharing is off, whatever the domain rules', () => {
    for (const profile of ['cis', 'cisa'] as const) {
      const finding = run(
        SPO_003,
        spo({ sharingCapability: 'disabled', sharingDomainRestrictionMode: 'none' }),
        { profile },
      );
      expect(finding.verdict).toBe('pass');
    }
  });
});

describe('SPO-004 legacy authentication', () => {
  it('fails when SharePoint accepts legacy authentication', () => {
    const finding = run(SPO_004, spo({ isLegacyAuthProtocolsEnabled: true }));
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/without MFA/);
  });
});

describe('SPO-005 OneDrive sync on company PCs only', () => {
  it('fails when sync works on any computer', () => {
    const finding = run(
      SPO_005,
      spo({ isUnmanagedSyncAppForTenantRestricted: false, allowedDomainGuidsForSyncApp: [] }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/any computer/);
  });

  it('fails when the restriction is on but no domain is listed', () => {
    const finding = run(SPO_005, spo({ allowedDomainGuidsForSyncApp: [] }));
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/no company domain/);
  });

  it('fails when domains are listed but the restriction is off', () => {
    const finding = run(SPO_005, spo({ isUnmanagedSyncAppForTenantRestricted: false }));
    expect(finding.verdict).toBe('fail');
  });
});
