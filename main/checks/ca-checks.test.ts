import { describe, expect, it } from 'vitest';
import { SOURCE_ERROR_KINDS } from '../../shared/models/snapshot';
import { SOURCES } from '../../shared/models/sources';
import { CA_001, CA_002, CA_003, CA_005 } from './ca-checks';
import type { Check } from './check';
import {
  AAD_PREMIUM_P2_PLAN,
  adminMfaPolicy,
  blockLegacyPolicy,
  caPolicy,
  labelOf,
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

const P1 = [SKU_BUSINESS_PREMIUM];
const NO_P1 = [SKU_BUSINESS_STANDARD];
const SD_OFF = { isEnabled: false };
const SD_ON = { isEnabled: true };

const dana = user({
  id: 'u-dana',
  displayName: 'Dana Scully',
  userPrincipalName: 'dana@contoso.com',
});

/** A tenant on which every CA check passes through Conditional Access (not Security Defaults). */
const PASSING: SourceData = {
  subscribedSkus: P1,
  securityDefaults: SD_OFF,
  users: [dana],
  conditionalAccessPolicies: [caPolicy(), blockLegacyPolicy()],
};

const CA_CHECKS: readonly Check[] = [CA_001, CA_002, CA_003, CA_005];

describe('CA checks: a required source that could not be read', () => {
  it.each(CA_CHECKS.map((c) => [c.id, c] as const))(
    '%s passes on the complete tenant',
    (_id, check) => {
      expect(run(check, snapshotWith(PASSING)).verdict).toBe('pass');
    },
  );

  const cases = CA_CHECKS.flatMap((check) =>
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
    expect(finding.evidence[0]?.source).toBe(source);
  });

  it.each(CA_CHECKS.map((c) => [c.id, c] as const))(
    '%s is unknown when a required source was not collected',
    (_id, check) => {
      const data: SourceData = { ...PASSING };
      for (const source of check.requires.length ? check.requires : [check.uses![0]!])
        delete data[source];
      const finding = run(check, snapshotWith(data));
      expect(finding.verdict).toBe('unknown');
      expect(finding.reasonCode).toBe('error');
    },
  );
});

describe('CA-001 baseline MFA (Security Defaults or Conditional Access)', () => {
  it('passes when Security Defaults is on, whatever the licence', () => {
    const finding = run(CA_001, snapshotWith({ securityDefaults: SD_ON, subscribedSkus: NO_P1 }));
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toMatch(/Security Defaults is on/);
  });

  it('passes when Security Defaults is off but an enabled CA policy requires MFA for everyone', () => {
    const finding = run(
      CA_001,
      snapshotWith({
        securityDefaults: SD_OFF,
        subscribedSkus: P1,
        conditionalAccessPolicies: [caPolicy()],
      }),
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.evidence.map((e) => e.source)).toEqual([
      'securityDefaults',
      'conditionalAccessPolicies',
    ]);
  });

  it('still evaluates Conditional Access when the licences could not be read', () => {
    const snapshot = snapshotWith(
      { securityDefaults: SD_OFF, conditionalAccessPolicies: [caPolicy()] },
      { subscribedSkus: sourceError('forbidden') },
    );
    expect(run(CA_001, snapshot).verdict).toBe('pass');
  });

  it('fails when Security Defaults is off and the tenant has no Conditional Access licence', () => {
    const finding = run(
      CA_001,
      snapshotWith({
        securityDefaults: SD_OFF,
        subscribedSkus: NO_P1,
        conditionalAccessPolicies: [],
      }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/do not include Conditional Access/);
  });

  it('fails without P1 even if leftover CA policies exist (they are not enforced without the licence)', () => {
    const finding = run(
      CA_001,
      snapshotWith({
        securityDefaults: SD_OFF,
        subscribedSkus: NO_P1,
        conditionalAccessPolicies: [caPolicy()],
      }),
    );
    expect(finding.verdict).toBe('fail');
  });

  it('fails when Security Defaults is off, P1 is present and no policy requires MFA', () => {
    const finding = run(
      CA_001,
      snapshotWith({ securityDefaults: SD_OFF, subscribedSkus: P1, conditionalAccessPolicies: [] }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(
      /^Security Defaults is off, and Conditional Access does not make up for it\./,
    );
  });

  it('fails on a report-only policy and names undeclared exclusions of an enabled one', () => {
    const reportOnly = run(
      CA_001,
      snapshotWith({
        securityDefaults: SD_OFF,
        subscribedSkus: P1,
        conditionalAccessPolicies: [caPolicy({ state: 'enabledForReportingButNotEnforced' })],
      }),
    );
    expect(reportOnly.verdict).toBe('fail');
    expect(reportOnly.reason).toMatch(/report-only/);

    const excluded = run(
      CA_001,
      snapshotWith({
        securityDefaults: SD_OFF,
        subscribedSkus: P1,
        users: [dana],
        conditionalAccessPolicies: [caPolicy({ users: { excludeUsers: [dana.id] } })],
      }),
    );
    expect(excluded.verdict).toBe('fail');
    expect(excluded.affected.map((a) => a.displayName)).toEqual(['Dana Scully (dana@contoso.com)']);
  });

  it('is unknown (never pass) when Security Defaults is off and the CA policies could not be read', () => {
    const finding = run(
      CA_001,
      snapshotWith(
        { securityDefaults: SD_OFF, subscribedSkus: P1 },
        { conditionalAccessPolicies: sourceError('forbidden') },
      ),
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.reasonCode).toBe('forbidden');
    expect(finding.reason).toContain('Policy.Read.All');
  });

  it('is unknown when Security Defaults is off and the CA policies have an unexpected shape', () => {
    const finding = run(
      CA_001,
      snapshotWith({
        securityDefaults: SD_OFF,
        subscribedSkus: P1,
        conditionalAccessPolicies: { value: 'nope' },
      }),
    );
    expect(finding.verdict).toBe('unknown');
  });

  it('is unknown when the Security Defaults setting has an unexpected shape', () => {
    const finding = run(
      CA_001,
      snapshotWith({
        securityDefaults: { isEnabled: 'yes' },
        subscribedSkus: P1,
        conditionalAccessPolicies: [caPolicy()],
      }),
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.reasonCode).toBe('invalid_response');
    expect(finding.reason).toContain(labelOf('securityDefaults'));
  });
});

describe('CA-002 MFA for every user', () => {
  it('passes with an enabled all-users, all-apps MFA policy', () => {
    const finding = run(
      CA_002,
      snapshotWith({
        subscribedSkus: P1,
        conditionalAccessPolicies: [caPolicy({ displayName: 'MFA all' })],
      }),
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toContain('"MFA all"');
    expect(finding.affected).toEqual([]);
  });

  it('fails when no policy requires MFA and Security Defaults is off', () => {
    const finding = run(
      CA_002,
      snapshotWith({ subscribedSkus: P1, securityDefaults: SD_OFF, conditionalAccessPolicies: [] }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/^No enabled Conditional Access policy/);
  });

  it('fails when Security Defaults could not be read (no softening to warn)', () => {
    const finding = run(
      CA_002,
      snapshotWith(
        { subscribedSkus: P1, conditionalAccessPolicies: [] },
        { securityDefaults: sourceError('forbidden') },
      ),
    );
    expect(finding.verdict).toBe('fail');
  });

  it('warns instead of failing when Security Defaults is on with P1', () => {
    const finding = run(
      CA_002,
      snapshotWith({ subscribedSkus: P1, securityDefaults: SD_ON, conditionalAccessPolicies: [] }),
    );
    expect(finding.verdict).toBe('warn');
    expect(finding.reason).toMatch(/Security Defaults is on/);
  });

  it('is not applicable without Entra ID P1', () => {
    const finding = run(
      CA_002,
      snapshotWith({
        subscribedSkus: NO_P1,
        securityDefaults: SD_OFF,
        conditionalAccessPolicies: [],
      }),
    );
    expect(finding.verdict).toBe('not_applicable');
    expect(finding.reasonCode).toBe('not_licensed');
  });

  it('is not applicable even when a good policy exists but the licence is gone', () => {
    const finding = run(
      CA_002,
      snapshotWith({ subscribedSkus: NO_P1, conditionalAccessPolicies: [caPolicy()] }),
    );
    expect(finding.verdict).toBe('not_applicable');
  });

  it('treats P1 from a suspended subscription, or a disabled P1 plan, as no P1', () => {
    const suspended = { ...SKU_BUSINESS_PREMIUM, capabilityStatus: 'Suspended' };
    const disabledPlan = {
      ...SKU_BUSINESS_PREMIUM,
      servicePlans: SKU_BUSINESS_PREMIUM.servicePlans.map((p) => ({
        ...p,
        provisioningStatus: 'Disabled',
      })),
    };
    for (const sku of [suspended, disabledPlan]) {
      expect(
        run(CA_002, snapshotWith({ subscribedSkus: [sku], conditionalAccessPolicies: [] })).verdict,
      ).toBe('not_applicable');
    }
  });

  it('counts Entra ID P2 as P1', () => {
    const p2 = {
      skuId: 'p2-sku',
      skuPartNumber: 'AAD_PREMIUM_P2',
      servicePlans: [{ servicePlanId: AAD_PREMIUM_P2_PLAN, provisioningStatus: 'Success' }],
    };
    expect(
      run(CA_002, snapshotWith({ subscribedSkus: [p2], conditionalAccessPolicies: [] })).verdict,
    ).toBe('fail');
  });

  it('evaluates the policies when the licences could not be read', () => {
    const snapshot = snapshotWith(
      { conditionalAccessPolicies: [caPolicy()] },
      { subscribedSkus: sourceError('throttled') },
    );
    expect(run(CA_002, snapshot).verdict).toBe('pass');
  });
});

describe('CA-003 MFA for the admin roles', () => {
  it('passes with a policy covering all eight highly privileged roles', () => {
    expect(
      run(
        CA_003,
        snapshotWith({ subscribedSkus: P1, conditionalAccessPolicies: [adminMfaPolicy()] }),
      ).verdict,
    ).toBe('pass');
  });

  it('passes with an all-users MFA policy', () => {
    expect(
      run(CA_003, snapshotWith({ subscribedSkus: P1, conditionalAccessPolicies: [caPolicy()] }))
        .verdict,
    ).toBe('pass');
  });

  it('fails when the admin policy leaves out roles, naming them', () => {
    const roles = PRIVILEGED_ROLE_IDS.filter((_r, i) => i !== 2 && i !== 5);
    const finding = run(
      CA_003,
      snapshotWith({ subscribedSkus: P1, conditionalAccessPolicies: [adminMfaPolicy(roles)] }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toContain('User Administrator');
    expect(finding.reason).toContain('Hybrid Identity Administrator');
    expect(finding.reason).not.toContain('Global Administrator');
  });

  it('fails when no policy targets admins', () => {
    const finding = run(
      CA_003,
      snapshotWith({
        subscribedSkus: P1,
        securityDefaults: SD_OFF,
        conditionalAccessPolicies: [blockLegacyPolicy()],
      }),
    );
    expect(finding.verdict).toBe('fail');
  });

  it('warns when Security Defaults is on with P1 and no policy', () => {
    expect(
      run(
        CA_003,
        snapshotWith({
          subscribedSkus: P1,
          securityDefaults: SD_ON,
          conditionalAccessPolicies: [],
        }),
      ).verdict,
    ).toBe('warn');
  });

  it('is not applicable without Entra ID P1', () => {
    const finding = run(
      CA_003,
      snapshotWith({ subscribedSkus: NO_P1, conditionalAccessPolicies: [] }),
    );
    expect(finding.verdict).toBe('not_applicable');
    expect(finding.reasonCode).toBe('not_licensed');
  });
});

describe('CA-005 legacy authentication blocked', () => {
  it('passes with an enabled all-users block policy on Exchange ActiveSync and other clients', () => {
    expect(
      run(
        CA_005,
        snapshotWith({ subscribedSkus: P1, conditionalAccessPolicies: [blockLegacyPolicy()] }),
      ).verdict,
    ).toBe('pass');
  });

  it('passes when Security Defaults is on, with or without P1', () => {
    for (const skus of [P1, NO_P1]) {
      const finding = run(
        CA_005,
        snapshotWith({
          subscribedSkus: skus,
          securityDefaults: SD_ON,
          conditionalAccessPolicies: [],
        }),
      );
      expect(finding.verdict).toBe('pass');
      expect(finding.evidence[0]?.source).toBe('securityDefaults');
    }
  });

  it('fails when the block policy leaves out Exchange ActiveSync', () => {
    const policy = blockLegacyPolicy({ conditions: { clientAppTypes: ['other'] } });
    const finding = run(
      CA_005,
      snapshotWith({ subscribedSkus: P1, conditionalAccessPolicies: [policy] }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toContain('exchangeActiveSync');
  });

  it('fails when the legacy policy asks for MFA instead of blocking', () => {
    const policy = blockLegacyPolicy({ grantControls: { builtInControls: ['mfa'] } });
    const finding = run(
      CA_005,
      snapshotWith({
        subscribedSkus: P1,
        securityDefaults: SD_OFF,
        conditionalAccessPolicies: [policy],
      }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/^No enabled Conditional Access policy blocks legacy/);
  });

  it('is not applicable without P1 when Security Defaults is off', () => {
    const finding = run(
      CA_005,
      snapshotWith({
        subscribedSkus: NO_P1,
        securityDefaults: SD_OFF,
        conditionalAccessPolicies: [],
      }),
    );
    expect(finding.verdict).toBe('not_applicable');
    expect(finding.reasonCode).toBe('not_licensed');
  });

  it('does not pass on a Security Defaults setting it could not read', () => {
    const finding = run(
      CA_005,
      snapshotWith(
        { subscribedSkus: P1, conditionalAccessPolicies: [] },
        { securityDefaults: sourceError('forbidden') },
      ),
    );
    expect(finding.verdict).toBe('fail');
  });
});
