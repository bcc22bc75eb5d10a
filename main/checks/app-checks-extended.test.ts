import { describe, expect, it } from 'vitest';
import { APP_003, APP_004, APP_005, APP_006, APP_007, durationDays } from './app-checks';
import { NOW, run, snapshotWith, sourceError, withError, type SourceData } from './test-snapshot';

const TENANT_ID = 'c0ffee00-1234-4abc-8def-000000000042';
const DAY = 24 * 60 * 60 * 1000;
const daysFromNow = (n: number) => new Date(NOW.getTime() + n * DAY).toISOString();

// --- APP-003 ----------------------------------------------------------------------------------

describe('APP-003 admin consent requests', () => {
  const policy = (fields: Record<string, unknown> = {}) => ({
    isEnabled: true,
    notifyReviewers: true,
    remindersEnabled: true,
    requestDurationInDays: 30,
    version: 2,
    reviewers: [{ query: '/users/u-it', queryType: 'MicrosoftGraph', queryRoot: null }],
    ...fields,
  });
  const check = (p: unknown) => run(APP_003, snapshotWith({ adminConsentRequestPolicy: p }));

  it('passes when requests are on with reviewers, emails, reminders and a 30-day expiry', () => {
    expect(check(policy()).verdict).toBe('pass');
  });

  it('fails when requests are off, or on with nobody to review them', () => {
    const off = check(policy({ isEnabled: false, reviewers: [] }));
    expect(off.verdict).toBe('fail');
    expect(off.reason).toMatch(/turned off/);
    const noReviewer = check(policy({ reviewers: [] }));
    expect(noReviewer.verdict).toBe('fail');
    expect(noReviewer.reason).toMatch(/nobody is named/);
  });

  it('warns when notifications, reminders or the expiry fall short', () => {
    const f = check(policy({ remindersEnabled: false, requestDurationInDays: 60 }));
    expect(f.verdict).toBe('warn');
    expect(f.reason).toMatch(/no reminders, and requests do not expire within 30 days/);
    expect(check(policy({ notifyReviewers: null })).verdict).toBe('warn');
  });

  it('is unknown when the policy could not be read or has no isEnabled', () => {
    expect(
      run(
        APP_003,
        withError(
          snapshotWith({ adminConsentRequestPolicy: policy() }),
          'adminConsentRequestPolicy',
          'forbidden',
        ),
      ),
    ).toMatchObject({ verdict: 'unknown', reasonCode: 'forbidden' });
    const { isEnabled: _drop, ...noFlag } = policy();
    expect(check(noFlag)).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });
});

// --- APP-004 ----------------------------------------------------------------------------------

describe('APP-004 tenant-wide app credential rules', () => {
  const restriction = (
    restrictionType: string,
    maxLifetime: string | null,
    fields: Record<string, unknown> = {},
  ) => ({
    restrictionType,
    state: 'enabled',
    maxLifetime,
    restrictForAppsCreatedAfterDateTime: '2020-01-01T00:00:00Z',
    ...fields,
  });
  const strict = () => ({
    passwordCredentials: [
      restriction('passwordAddition', null),
      restriction('passwordLifetime', 'P90D'),
    ],
    keyCredentials: [restriction('asymmetricKeyLifetime', 'P365D')],
  });
  const policy = (fields: Record<string, unknown> = {}) => ({
    id: '00000000-0000-0000-0000-000000000000',
    displayName: 'Default app management tenant policy',
    isEnabled: true,
    applicationRestrictions: strict(),
    servicePrincipalRestrictions: strict(),
    ...fields,
  });
  const check = (p: unknown) => run(APP_004, snapshotWith({ defaultAppManagementPolicy: p }));

  it('reads ISO 8601 durations in days', () => {
    expect(durationDays('P180D')).toBe(180);
    expect(durationDays('P1Y')).toBe(365);
    expect(durationDays('P4DT12H')).toBe(4.5);
    expect(durationDays('P2W')).toBe(14);
    expect(durationDays('PT36H')).toBe(1.5);
    for (const bad of [null, undefined, '', 'P', 'PT', '180', 'P1X'])
      expect(durationDays(bad)).toBeUndefined();
  });

  it('passes when new secrets are blocked and certificates last at most a year, for apps and service principals', () => {
    expect(check(policy()).verdict).toBe('pass');
  });

  it('fails when the policy is off, which is how every tenant starts', () => {
    const f = check(
      policy({
        isEnabled: false,
        applicationRestrictions: { passwordCredentials: [], keyCredentials: [] },
        servicePrincipalRestrictions: { passwordCredentials: [], keyCredentials: [] },
      }),
    );
    expect(f.verdict).toBe('fail');
    expect(f.reason).toMatch(/switched off/);
  });

  it('fails when one side has no limits or certificates may last longer than a year', () => {
    const noSp = check(policy({ servicePrincipalRestrictions: null }));
    expect(noSp.verdict).toBe('fail');
    expect(noSp.reason).toMatch(/enterprise apps can add client secrets with no time limit/);
    const longCerts = check(
      policy({
        applicationRestrictions: {
          ...strict(),
          keyCredentials: [restriction('asymmetricKeyLifetime', 'P730D')],
        },
      }),
    );
    expect(longCerts.verdict).toBe('fail');
    expect(longCerts.reason).toMatch(/certificates valid for up to 730 days/);
  });

  it('warns when secrets are only capped at 180 days instead of blocked', () => {
    const capped = {
      passwordCredentials: [restriction('passwordLifetime', 'P180D')],
      keyCredentials: [restriction('asymmetricKeyLifetime', 'P365D')],
    };
    const f = check(
      policy({ applicationRestrictions: capped, servicePrincipalRestrictions: capped }),
    );
    expect(f.verdict).toBe('warn');
    const tooLong = {
      ...capped,
      passwordCredentials: [restriction('passwordLifetime', 'P181D')],
    };
    expect(check(policy({ applicationRestrictions: tooLong })).verdict).toBe('fail');
  });

  it('ignores restrictions that are disabled or not yet in force', () => {
    const disabled = {
      ...strict(),
      passwordCredentials: [restriction('passwordAddition', null, { state: 'disabled' })],
    };
    expect(check(policy({ applicationRestrictions: disabled })).verdict).toBe('fail');
    const future = {
      ...strict(),
      keyCredentials: [
        restriction('asymmetricKeyLifetime', 'P365D', {
          restrictForAppsCreatedAfterDateTime: daysFromNow(30),
        }),
      ],
    };
    expect(check(policy({ servicePrincipalRestrictions: future })).verdict).toBe('fail');
    const noState = {
      ...strict(),
      keyCredentials: [{ restrictionType: 'asymmetricKeyLifetime', maxLifetime: 'P365D' }],
    };
    expect(check(policy({ applicationRestrictions: noState })).verdict).toBe('pass');
  });

  it('is unknown when the policy could not be read', () => {
    expect(
      run(
        APP_004,
        withError(
          snapshotWith({ defaultAppManagementPolicy: policy() }),
          'defaultAppManagementPolicy',
          'not_found',
        ),
      ),
    ).toMatchObject({ verdict: 'unknown', reasonCode: 'not_found' });
  });
});

// --- APP-005 ----------------------------------------------------------------------------------

describe('APP-005 apps that can read every mailbox', () => {
  const GRAPH_SP = 'sp-graph';
  const EXO_SP = 'sp-exo';
  const MAIL_READ = '810c84a8-4a9e-49e6-bf7d-12d183f40d01';
  const MAIL_READ_WRITE = 'e2a3a72e-5f79-4c64-b1b1-878b674786c9';
  const MAIL_READ_BASIC = '693c5e45-0940-467d-9b8a-1022fb9d42ef';
  const FULL_ACCESS = 'dc890d15-9560-4a4c-9b7f-a736ec74ec40';
  const FILES_READ_WRITE = '75359482-378d-4052-8f01-80520e7db3cd';

  const sp = (
    id: string,
    appId: string,
    displayName: string,
    fields: Record<string, unknown> = {},
  ) => ({
    id,
    appId,
    displayName,
    appOwnerOrganizationId: 'publisher-tenant',
    verifiedPublisher: { displayName: null },
    passwordCredentials: [],
    keyCredentials: [],
    ...fields,
  });
  let grantCounter = 0;
  const grant = (
    principalId: string,
    appRoleId: string,
    resourceId = GRAPH_SP,
    principalType = 'ServicePrincipal',
  ) => {
    grantCounter += 1;
    return {
      id: `grant-${grantCounter}`,
      appRoleId,
      principalId,
      principalDisplayName: `principal ${principalId}`,
      principalType,
      resourceId,
    };
  };
  const servicePrincipals = [
    sp(GRAPH_SP, '00000003-0000-0000-c000-000000000000', 'Microsoft Graph'),
    sp(EXO_SP, '00000002-0000-0ff1-ce00-000000000000', 'Office 365 Exchange Online'),
    sp('sp-backup', 'app-backup', 'Backup Cloud', {
      verifiedPublisher: { displayName: 'Backup Inc' },
    }),
    sp('sp-reminder', 'app-reminder', 'Patient Reminder Sync', {
      appOwnerOrganizationId: TENANT_ID,
    }),
    sp('sp-mailmerge', 'app-mailmerge', 'MailMerge Pro'),
    sp('sp-files', 'app-files', 'Scan to OneDrive'),
  ];
  const data = (graph: unknown[], exchange: unknown[] = []): SourceData => ({
    servicePrincipals,
    graphAppRoleAssignments: graph,
    exchangeAppRoleAssignments: exchange,
  });
  const holders = data(
    [
      grant('sp-reminder', MAIL_READ),
      grant('sp-mailmerge', MAIL_READ_WRITE),
      grant('sp-files', FILES_READ_WRITE),
    ],
    [grant('sp-backup', FULL_ACCESS, EXO_SP)],
  );

  it('passes when no app can read every mailbox', () => {
    const f = run(APP_005, snapshotWith(data([grant('sp-files', FILES_READ_WRITE)])));
    expect(f.verdict).toBe('pass');
    expect(f.affected).toEqual([]);
  });

  it('passes and still lists every holder when all are approved', () => {
    const f = run(APP_005, snapshotWith(holders), {
      settings: { approvedMailApps: ['APP-REMINDER', 'app-mailmerge', 'app-backup'] },
    });
    expect(f.verdict).toBe('pass');
    expect(f.affected.map((a) => a.id).sort()).toEqual([
      'app-backup',
      'app-mailmerge',
      'app-reminder',
    ]);
  });

  it('fails for holders not on the approved list, naming app, app id and permission', () => {
    const f = run(APP_005, snapshotWith(holders), {
      settings: { approvedMailApps: ['app-reminder'] },
    });
    expect(f.verdict).toBe('fail');
    expect(f.reason).toBe(
      '2 of the 3 app(s) that can read every mailbox are not on your approved list.',
    );
    expect(f.affected).toContainEqual({
      id: 'app-mailmerge',
      displayName: 'MailMerge Pro',
      detail:
        'app id app-mailmerge; Mail.ReadWrite; publisher not verified; not on your approved list',
    });
    expect(f.affected).toContainEqual({
      id: 'app-backup',
      displayName: 'Backup Cloud',
      detail:
        'app id app-backup; full_access_as_app (Exchange); verified publisher Backup Inc; not on your approved list',
    });
    expect(f.affected).toContainEqual(
      expect.objectContaining({
        id: 'app-reminder',
        detail: expect.stringMatching(/registered in your tenant; approved$/),
      }),
    );
  });

  it('fails with a plain request to review and declare when no mail app is declared', () => {
    const f = run(
      APP_005,
      snapshotWith(data([grant('sp-reminder', MAIL_READ_BASIC), grant('sp-reminder', MAIL_READ)])),
    );
    expect(f.verdict).toBe('fail');
    expect(f.reason).toMatch(
      /review each one and declare the ones you expect as approved mail apps/,
    );
    expect(f.affected).toHaveLength(1);
    expect(f.affected[0]?.detail).toMatch(/Mail.ReadBasic.All, Mail.Read/);
  });

  it('lists a holder missing from the app list as unapproved, and ignores grants to users', () => {
    const f = run(
      APP_005,
      snapshotWith(
        data([grant('sp-gone', MAIL_READ), grant('u-person', MAIL_READ, GRAPH_SP, 'User')]),
      ),
      { settings: { approvedMailApps: ['app-reminder'] } },
    );
    expect(f.verdict).toBe('fail');
    expect(f.affected).toEqual([
      {
        id: 'sp-gone',
        displayName: 'principal sp-gone',
        detail: 'app id unknown; Mail.Read; publisher not verified; not on your approved list',
      },
    ]);
  });

  describe('with the mailbox access records of the last 7 days', () => {
    const OUTLOOK = 'd3590ed6-52b3-4102-aeff-aad2292ab01c';
    const records = (apps: { appId: string; records: number; users?: number }[]) => ({
      status: 'succeeded',
      queryId: 'q-1',
      recordCount: apps.reduce((n, a) => n + a.records, 0),
      morePages: false,
      sample: [],
      apps,
    });

    it('adds what an unapproved holder read, and fails for a reader that holds no permission', () => {
      const f = run(
        APP_005,
        snapshotWith({
          ...holders,
          mailItemsAccessed: records([
            { appId: OUTLOOK, records: 200, users: 20 },
            { appId: 'app-mailmerge', records: 21, users: 3 },
            { appId: 'app-files', records: 4, users: 1 },
          ]),
        }),
        { settings: { approvedMailApps: ['app-reminder', 'app-mailmerge', 'app-backup'] } },
      );
      expect(f.verdict).toBe('fail');
      expect(f.reason).toBe(
        'An app you have not approved read mail in the last 7 days (Scan to OneDrive).',
      );
      expect(f.affected).toContainEqual({
        id: 'app-mailmerge',
        displayName: 'MailMerge Pro',
        detail:
          'app id app-mailmerge; Mail.ReadWrite; publisher not verified; approved; read mail in the last 7 days (21 mail access records, 3 mailboxes)',
      });
      expect(f.affected).toContainEqual({
        id: 'app-files',
        displayName: 'Scan to OneDrive',
        detail:
          'app id app-files; read mail in the last 7 days (4 mail access records, 1 mailbox); not on your approved list',
      });
      expect(f.affected.map((a) => a.id)).not.toContain(OUTLOOK);
      expect(f.evidence[3]?.summary).toBe(
        "3 app(s) seen reading mail in the last 7 days, 1 not approved and not Microsoft's own",
      );
    });

    it('passes when no app holds mail permissions and only Microsoft and approved apps read mail', () => {
      const f = run(
        APP_005,
        snapshotWith({
          ...data([]),
          mailItemsAccessed: records([
            { appId: OUTLOOK, records: 50 },
            { appId: 'app-reminder', records: 2 },
          ]),
        }),
        { settings: { approvedMailApps: ['app-reminder'] } },
      );
      expect(f).toMatchObject({ verdict: 'pass', affected: [] });
      expect(f.reason).toMatch(/only Microsoft's own apps and apps you approved read mail/);
    });

    it('reviews permissions alone, and says so, when the records could not be read', () => {
      const f = run(
        APP_005,
        withError(
          snapshotWith({ ...data([]), mailItemsAccessed: records([]) }),
          'mailItemsAccessed',
          'forbidden',
        ),
      );
      expect(f.verdict).toBe('pass');
      expect(f.reason).toBe('No app has permission to read mail in every mailbox by itself.');
      expect(f.evidence[3]?.summary).toMatch(
        /could not be read, so only permissions were reviewed/,
      );
      const running = run(
        APP_005,
        snapshotWith({ ...data([]), mailItemsAccessed: { status: 'running', queryId: 'q' } }),
      );
      expect(running.reason).toBe('No app has permission to read mail in every mailbox by itself.');
    });
  });

  it('treats a tenant without Exchange Online (404) as having no Exchange grants', () => {
    const snapshot = snapshotWith(
      { servicePrincipals, graphAppRoleAssignments: [] },
      { exchangeAppRoleAssignments: sourceError('not_found') },
    );
    const f = run(APP_005, snapshot);
    expect(f.verdict).toBe('pass');
    expect(f.evidence[1]?.summary).toMatch(/Exchange Online is not set up/);
  });

  it('is unknown when any permission list or the app list could not be read', () => {
    expect(
      run(APP_005, withError(snapshotWith(holders), 'exchangeAppRoleAssignments', 'forbidden')),
    ).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'forbidden',
    });
    expect(
      run(APP_005, withError(snapshotWith(holders), 'graphAppRoleAssignments', 'forbidden')),
    ).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'forbidden',
    });
    expect(
      run(APP_005, withError(snapshotWith(holders), 'servicePrincipals', 'throttled')),
    ).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'throttled',
    });
    const { exchangeAppRoleAssignments: _drop, ...noExchange } = holders;
    expect(run(APP_005, snapshotWith(noExchange))).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'error',
    });
  });
});

// --- APP-006 ----------------------------------------------------------------------------------

describe('APP-006 app registration credentials', () => {
  const cert = (startDays: number, endDays: number) => ({
    keyId: `cert-${startDays}-${endDays}`,
    displayName: 'CN=app',
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
    startDateTime: daysFromNow(startDays),
    endDateTime: daysFromNow(endDays),
  });
  const secret = (startDays: number, endDays: number) => ({
    keyId: 'secret',
    displayName: 'prod',
    startDateTime: daysFromNow(startDays),
    endDateTime: daysFromNow(endDays),
  });
  const app = (id: string, fields: Record<string, unknown>) => ({
    id,
    appId: `app-${id}`,
    displayName: `App ${id}`,
    passwordCredentials: [],
    keyCredentials: [],
    ...fields,
  });
  const check = (apps: unknown[]) => run(APP_006, snapshotWith({ applications: apps }));

  it('passes with no app registrations, or only certificates valid for a year or less', () => {
    expect(check([]).verdict).toBe('pass');
    const f = check([app('a', { keyCredentials: [cert(-100, 265)] }), app('b', {})]);
    expect(f.verdict).toBe('pass');
  });

  it('fails for any client secret, even a short one, and for certificates valid more than a year', () => {
    const shortSecret = check([app('a', { passwordCredentials: [secret(-10, 80)] })]);
    expect(shortSecret.verdict).toBe('fail');
    expect(shortSecret.affected[0]).toEqual({
      id: 'a',
      displayName: 'App a (app id app-a)',
      detail: `client secret "prod" (valid 90 days, until ${daysFromNow(80).slice(0, 10)})`,
    });
    const longCert = check([app('a', { keyCredentials: [cert(-100, 630)] })]);
    expect(longCert.verdict).toBe('fail');
    expect(longCert.affected[0]?.detail).toMatch(/^certificate valid 730 days/);
    const symmetric = check([
      app('a', { keyCredentials: [{ ...cert(-1, 10), type: 'Symmetric' }] }),
    ]);
    expect(symmetric.verdict).toBe('fail');
  });

  it('marks expired secrets and warns about expired certificates alone', () => {
    const expiredSecret = check([app('a', { passwordCredentials: [secret(-800, -70)] })]);
    expect(expiredSecret.verdict).toBe('fail');
    expect(expiredSecret.affected[0]?.detail).toMatch(/, expired\)$/);
    const expiredCert = check([app('a', { keyCredentials: [cert(-400, -40)] })]);
    expect(expiredCert.verdict).toBe('warn');
    expect(expiredCert.affected[0]?.detail).toMatch(/expired certificate/);
  });

  it('is unknown when app registrations could not be read', () => {
    expect(
      run(APP_006, withError(snapshotWith({ applications: [] }), 'applications', 'forbidden')),
    ).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'forbidden',
    });
    expect(check([{ displayName: 'no id' }])).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'invalid_response',
    });
  });
});

// --- APP-007 ----------------------------------------------------------------------------------

describe('APP-007 MSOnline PowerShell blocked', () => {
  const check = (policy: unknown) => run(APP_007, snapshotWith({ authorizationPolicy: policy }));

  it('passes when blocked and fails when not', () => {
    expect(check({ id: 'authorizationPolicy', blockMsolPowerShell: true }).verdict).toBe('pass');
    expect(check({ id: 'authorizationPolicy', blockMsolPowerShell: false }).verdict).toBe('fail');
  });

  it('is unknown when the setting is missing or the policy could not be read', () => {
    expect(check({ id: 'authorizationPolicy' })).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'invalid_response',
    });
    expect(
      run(
        APP_007,
        withError(snapshotWith({ authorizationPolicy: {} }), 'authorizationPolicy', 'forbidden'),
      ),
    ).toMatchObject({ verdict: 'unknown', reasonCode: 'forbidden' });
  });
});
