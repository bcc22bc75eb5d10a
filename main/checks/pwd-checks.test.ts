import { describe, expect, it } from 'vitest';
import { PWD_002, PWD_003 } from './pwd-checks';
import {
  run,
  SKU_BUSINESS_PREMIUM,
  SKU_BUSINESS_STANDARD,
  snapshotWith,
  withError,
  type SourceData,
} from './test-snapshot';

const TEMPLATE = '5cf42378-d67d-4f36-ba46-e8b86229381d';

/** A "Password Rule Settings" object; Graph returns every value as a string. */
function passwordRules(values: Record<string, string>) {
  const defaults: Record<string, string> = {
    BannedPasswordCheckOnPremisesMode: 'Audit',
    EnableBannedPasswordCheckOnPremises: 'True',
    EnableBannedPasswordCheck: 'True',
    LockoutDurationInSeconds: '60',
    LockoutThreshold: '10',
    BannedPasswordList: '',
  };
  return {
    id: 'setting-password-rules',
    displayName: 'Password Rule Settings',
    templateId: TEMPLATE,
    values: Object.entries({ ...defaults, ...values }).map(([name, value]) => ({ name, value })),
  };
}

const otherSetting = {
  id: 'setting-groups',
  displayName: 'Group.Unified',
  templateId: '62375ab9-6b52-47ed-826b-58e47e0e304b',
  values: [{ name: 'LockoutThreshold', value: '999' }],
};

describe('PWD-002 smart lockout', () => {
  const check = (settings: unknown[]) => run(PWD_002, snapshotWith({ groupSettings: settings }));

  it("passes on Microsoft's defaults when no settings object exists", () => {
    const f = check([otherSetting]);
    expect(f.verdict).toBe('pass');
    expect(f.reason).toMatch(/Microsoft's defaults apply: accounts lock for 60 seconds after 10/);
  });

  it('passes with a stricter threshold and a longer lockout', () => {
    const f = check([passwordRules({ LockoutThreshold: '5', LockoutDurationInSeconds: '120' })]);
    expect(f.verdict).toBe('pass');
    expect(f.reason).toBe('Accounts lock for 120 seconds after 5 wrong passwords.');
  });

  it('fails above 10 attempts or below 60 seconds', () => {
    const loose = check([passwordRules({ LockoutThreshold: '50' })]);
    expect(loose.verdict).toBe('fail');
    expect(loose.reason).toMatch(/only after 50 wrong passwords/);
    const short = check([passwordRules({ LockoutDurationInSeconds: '30' })]);
    expect(short.verdict).toBe('fail');
    expect(short.reason).toMatch(/lasts only 30 seconds/);
  });

  it('is unknown for unreadable values or when the settings could not be read', () => {
    expect(check([passwordRules({ LockoutThreshold: 'ten' })])).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'invalid_response',
    });
    expect(
      run(PWD_002, withError(snapshotWith({ groupSettings: [] }), 'groupSettings', 'forbidden')),
    ).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'forbidden',
    });
    expect(check([{ id: 'x', displayName: 'Password Rule Settings' }])).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'invalid_response',
    });
  });
});

describe('PWD-003 custom banned-password list', () => {
  const CLOUD_ONLY = [{ id: 'org', onPremisesSyncEnabled: null }];
  const HYBRID = [{ id: 'org', onPremisesSyncEnabled: true }];
  const data = (settings: unknown[], organization: unknown = CLOUD_ONLY): SourceData => ({
    groupSettings: settings,
    organization,
    subscribedSkus: [SKU_BUSINESS_PREMIUM],
  });
  const check = (settings: unknown[], organization?: unknown) =>
    run(PWD_003, snapshotWith(data(settings, organization)));
  const LIST = 'contoso\tcontosodental\tbellevue\tsmile';

  it('passes with an enforced, non-empty list on a cloud-only directory', () => {
    const f = check([passwordRules({ BannedPasswordList: LIST })]);
    expect(f.verdict).toBe('pass');
    expect(f.reason).toMatch(/4 banned word\(s\) is enforced \(your directory is cloud-only/);
  });

  it('fails when no settings object exists, the list is empty, or it is not enforced', () => {
    expect(check([otherSetting]).reason).toMatch(/no custom list of banned passwords is set up/);
    const empty = check([passwordRules({})]);
    expect(empty.verdict).toBe('fail');
    expect(empty.reason).toMatch(/switched on but empty/);
    const off = check([
      passwordRules({ BannedPasswordList: LIST, EnableBannedPasswordCheck: 'False' }),
    ]);
    expect(off.verdict).toBe('fail');
    expect(off.reason).toMatch(/not enforced/);
  });

  it('on a synced (hybrid) directory, also needs on-premises protection in Enforce mode', () => {
    const audit = check([passwordRules({ BannedPasswordList: LIST })], HYBRID);
    expect(audit.verdict).toBe('fail');
    expect(audit.reason).toMatch(/only audits/);
    const off = check(
      [passwordRules({ BannedPasswordList: LIST, EnableBannedPasswordCheckOnPremises: 'False' })],
      HYBRID,
    );
    expect(off.reason).toMatch(/not switched on for your office server/);
    const enforced = check(
      [passwordRules({ BannedPasswordList: LIST, BannedPasswordCheckOnPremisesMode: 'Enforce' })],
      HYBRID,
    );
    expect(enforced.verdict).toBe('pass');
    expect(enforced.reason).toMatch(/in the cloud and on your office server/);
  });

  it('is not applicable without Entra ID P1', () => {
    const f = run(
      PWD_003,
      snapshotWith({ ...data([passwordRules({})]), subscribedSkus: [SKU_BUSINESS_STANDARD] }),
    );
    expect(f).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
  });

  it('is unknown when the settings or the organisation could not be read', () => {
    const snapshot = snapshotWith(data([passwordRules({ BannedPasswordList: LIST })]));
    expect(run(PWD_003, withError(snapshot, 'groupSettings', 'forbidden'))).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'forbidden',
    });
    expect(run(PWD_003, withError(snapshot, 'organization', 'network'))).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'network',
    });
    expect(check([passwordRules({ BannedPasswordList: LIST })], [])).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'invalid_response',
    });
  });
});
