import { describe, expect, it } from 'vitest';
import { SOURCE_ERROR_KINDS } from '../../shared/models/snapshot';
import type { SourceId } from '../../shared/models/sources';
import type { Check } from './check';
import {
  ADVANCED_AUDITING_PLAN,
  isLegacyClient,
  LOG_001,
  LOG_002,
  LOG_003,
  LOG_004,
  LOG_005,
  LOG_006,
  SIEM_QUESTION,
} from './log-checks';
import { APP_005 } from './app-checks';
import {
  AAD_PREMIUM_P2_PLAN,
  labelOf,
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

const OUTLOOK = 'd3590ed6-52b3-4102-aeff-aad2292ab01c';
const OWA = '00000002-0000-0ff1-ce00-000000000000';
const REMINDER = '4c4f3d34-d89d-4fec-9101-62b74a4b0c7e';
const MAILMERGE = '455d98f2-4e45-4c70-9978-42903df580fd';
const MAIL_READ_WRITE = 'e2a3a72e-5f79-4c64-b1b1-878b674786c9';

function search(
  recordCount: number,
  apps: { appId: string; records: number; users?: number; lastSeen?: string }[] = [],
  extra: Record<string, unknown> = {},
) {
  return {
    status: 'succeeded',
    queryId: 'q-1',
    filterStartDateTime: '2026-10-26T09:00:00.000Z',
    filterEndDateTime: '2026-11-02T09:00:00.000Z',
    operations: [],
    recordCount,
    morePages: false,
    sample: recordCount
      ? [
          {
            createdDateTime: '2026-11-01T08:00:00Z',
            operation: 'MailItemsAccessed',
            service: 'Exchange',
            userPrincipalName: 'ana@contoso.com',
            appId: OUTLOOK,
            clientAppId: OUTLOOK,
          },
        ]
      : [],
    apps,
    ...extra,
  };
}

const LICENSED_USERS = [
  user({
    id: 'u-ana',
    displayName: 'Ana',
    userPrincipalName: 'ana@contoso.com',
    assignedLicenses: [{ skuId: SKU_BUSINESS_PREMIUM.skuId }],
  }),
];

const skuWith = (planId: string, capabilityStatus = 'Enabled') => ({
  skuId: `sku-${planId.slice(0, 4)}`,
  skuPartNumber: 'TEST',
  capabilityStatus,
  servicePlans: [{ servicePlanId: planId, provisioningStatus: 'Success' }],
});

function expectUnknownWhenFails(check: Check, base: SourceData, source: SourceId) {
  for (const kind of SOURCE_ERROR_KINDS) {
    const finding = run(check, withError(snapshotWith(base), source, kind));
    expect(finding.verdict, kind).toBe('unknown');
    expect(finding.reasonCode, kind).toBe(REASON_CODE_FOR[kind]);
    expect(finding.reason, kind).toContain(labelOf(source));
  }
}

describe('LOG-001 audit log recording', () => {
  it('passes when the search found records', () => {
    const finding = run(LOG_001, snapshotWith({ auditLogActivity: search(42) }));
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toBe(
      'The audit log is recording: we found 42 records from the last 7 days.',
    );
    expect(finding.evidence[0]?.summary).toContain('MailItemsAccessed');
  });

  it('says "more than" when the first page was full', () => {
    const finding = run(
      LOG_001,
      snapshotWith({ auditLogActivity: search(1000, [], { morePages: true }) }),
    );
    expect(finding.reason).toContain('more than 1,000 records');
  });

  it('fails when a tenant with licensed users recorded nothing in 7 days', () => {
    const finding = run(
      LOG_001,
      snapshotWith({ auditLogActivity: search(0), users: LICENSED_USERS }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toContain('recorded nothing in the last 7 days');
  });

  it('fails on zero records when the user list could not be read', () => {
    expect(run(LOG_001, snapshotWith({ auditLogActivity: search(0) })).verdict).toBe('fail');
  });

  it('does not apply when nobody has an enabled, licensed account', () => {
    const finding = run(
      LOG_001,
      snapshotWith({
        auditLogActivity: search(0),
        users: [user({ id: 'u-1', assignedLicenses: [] })],
      }),
    );
    expect(finding).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_in_use' });
  });

  it('is unknown when the search could not be run', () => {
    expectUnknownWhenFails(LOG_001, { auditLogActivity: search(42) }, 'auditLogActivity');
  });

  it.each([
    ['failed', 'could not complete'],
    ['running', 'still searching'],
  ])('is unknown when the search ended %s', (status, words) => {
    const finding = run(LOG_001, snapshotWith({ auditLogActivity: { status, queryId: 'q' } }));
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'error' });
    expect(finding.reason).toContain(words);
  });

  it('is unknown when a succeeded search carries no record count', () => {
    const finding = run(
      LOG_001,
      snapshotWith({ auditLogActivity: { status: 'succeeded', queryId: 'q' } }),
    );
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });
});

describe('LOG-002 mailbox access records and the apps reading mail', () => {
  const SERVICE_PRINCIPALS = [
    {
      id: 'sp-reminder',
      appId: REMINDER,
      displayName: 'Patient Reminder Sync',
      appOwnerOrganizationId: 'c0ffee00-1234-4abc-8def-000000000042',
    },
    {
      id: 'sp-mailmerge',
      appId: MAILMERGE,
      displayName: 'MailMerge Pro',
      appOwnerOrganizationId: 'e0491c6e-a8c0-4c5d-a071-43f104e5bb25',
    },
    {
      id: 'sp-ms-app',
      appId: '11111111-2222-4333-8444-555555555555',
      displayName: 'Some Microsoft service',
      appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
    },
  ];
  const GRANTS = [
    {
      appRoleId: MAIL_READ_WRITE,
      principalId: 'sp-mailmerge',
      principalDisplayName: 'MailMerge Pro',
    },
  ];
  const APPS = [
    { appId: OUTLOOK, records: 120, users: 20 },
    { appId: MAILMERGE, records: 30, users: 6, lastSeen: '2026-11-01T02:00:00Z' },
    { appId: REMINDER, records: 14, users: 2 },
  ];

  it('passes when mail access is recorded, and points an app nobody approved to the app review', () => {
    const finding = run(
      LOG_002,
      snapshotWith({
        mailItemsAccessed: search(164, APPS),
        servicePrincipals: SERVICE_PRINCIPALS,
        graphAppRoleAssignments: GRANTS,
      }),
      { settings: { approvedMailApps: [REMINDER.toUpperCase()] } },
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toBe(
      'Mailbox access is recorded: 164 records in the last 7 days. They show an app you have not approved reading mail (MailMerge Pro): see "You know every app that can read all your mailboxes".',
    );
    expect(finding.reason).toContain(APP_005.title);
    expect(finding.affected).toEqual([]);
    expect(finding.evidence[1]?.summary).toBe(
      'apps reading mail: MailMerge Pro (not approved, 30); Patient Reminder Sync (approved, 14); Microsoft Office (Outlook desktop) (microsoft, 120)',
    );
  });

  it("passes when only Microsoft's apps and approved apps read mail", () => {
    const finding = run(
      LOG_002,
      snapshotWith({
        mailItemsAccessed: search(134, [
          { appId: OUTLOOK, records: 100 },
          { appId: OWA, records: 20 },
          { appId: REMINDER, records: 14 },
          { appId: '11111111-2222-4333-8444-555555555555', records: 3 },
        ]),
        servicePrincipals: SERVICE_PRINCIPALS,
      }),
      { settings: { approvedMailApps: [REMINDER] } },
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toBe('Mailbox access is recorded: 134 records in the last 7 days.');
  });

  it('names an unknown app by its id when the app list could not be read', () => {
    const finding = run(LOG_002, snapshotWith({ mailItemsAccessed: search(10, APPS) }));
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toContain(`(${MAILMERGE}, ${REMINDER})`);
  });

  it('falls back to the sample when the search kept no app summary', () => {
    const data = search(3);
    const { apps: _apps, ...withoutApps } = data;
    const finding = run(LOG_002, snapshotWith({ mailItemsAccessed: withoutApps }));
    expect(finding.verdict).toBe('pass');
  });

  it('fails when no mailbox access was recorded', () => {
    const finding = run(
      LOG_002,
      snapshotWith({ mailItemsAccessed: search(0), users: LICENSED_USERS }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toContain('whose mail an intruder read');
  });

  it('is unknown when the search could not be run', () => {
    expectUnknownWhenFails(LOG_002, { mailItemsAccessed: search(5, APPS) }, 'mailItemsAccessed');
  });

  it('carries the Storm-0558 lesson', () => {
    expect(LOG_002.stormLesson).toContain('mailbox access logging');
    expect(LOG_002.content.why).toContain('Storm-0558');
  });
});

describe('LOG-003 audit retention', () => {
  it('fails when no licence includes Audit (Premium)', () => {
    const finding = run(LOG_003, snapshotWith({ subscribedSkus: [SKU_BUSINESS_PREMIUM] }));
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toContain('180 days');
  });

  it('fails when the Audit (Premium) subscription is suspended', () => {
    const finding = run(
      LOG_003,
      snapshotWith({ subscribedSkus: [skuWith(ADVANCED_AUDITING_PLAN, 'Suspended')] }),
    );
    expect(finding.verdict).toBe('fail');
  });

  it('asks to confirm a one-year retention policy when Audit (Premium) is licensed', () => {
    const finding = run(
      LOG_003,
      snapshotWith({
        subscribedSkus: [SKU_BUSINESS_PREMIUM, skuWith(ADVANCED_AUDITING_PLAN)],
        users: [
          user({
            id: 'u-1',
            assignedPlans: [{ servicePlanId: ADVANCED_AUDITING_PLAN, capabilityStatus: 'Enabled' }],
          }),
          user({ id: 'u-2', assignedPlans: [] }),
        ],
      }),
    );
    expect(finding).toMatchObject({ verdict: 'manual', reasonCode: 'needs_declaration' });
    expect(finding.reason).toContain(
      'is there an audit retention policy in Microsoft Purview that keeps audit records of all users for at least one year?',
    );
    expect(finding.evidence.map((e) => e.summary)).toContain('1 user assigned Audit (Premium)');
  });

  it('is unknown when licences could not be read', () => {
    expectUnknownWhenFails(LOG_003, { subscribedSkus: [SKU_BUSINESS_PREMIUM] }, 'subscribedSkus');
  });
});

describe('LOG-004 logs sent to a SIEM', () => {
  it('asks the exact question when the tenant can export its logs', () => {
    const finding = run(LOG_004, snapshotWith({ subscribedSkus: [SKU_BUSINESS_PREMIUM] }));
    expect(finding).toMatchObject({ verdict: 'manual', reasonCode: 'needs_declaration' });
    expect(SIEM_QUESTION).toBe(
      'Are your Entra sign-in and audit logs sent to a SIEM or Log Analytics workspace that keeps them at least a year?',
    );
    expect(finding.reason).toContain(SIEM_QUESTION);
  });

  it('does not apply without Entra ID P1', () => {
    const finding = run(LOG_004, snapshotWith({ subscribedSkus: [SKU_BUSINESS_STANDARD] }));
    expect(finding).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
  });

  it('is unknown when licences could not be read', () => {
    expectUnknownWhenFails(LOG_004, { subscribedSkus: [SKU_BUSINESS_PREMIUM] }, 'subscribedSkus');
  });
});

describe('LOG-005 legacy-protocol sign-ins', () => {
  let n = 0;
  const signIn = (
    who: string,
    clientAppUsed: string,
    errorCode = 0,
    at = '2026-11-01T10:00:00Z',
  ) => {
    n += 1;
    return {
      id: `s-${n}`,
      createdDateTime: at,
      userId: `id-${who}`,
      userPrincipalName: `${who}@contoso.com`,
      userDisplayName: who,
      appDisplayName: 'Office 365 Exchange Online',
      clientAppUsed,
      status: { errorCode },
    };
  };
  const P1 = { subscribedSkus: [SKU_BUSINESS_PREMIUM] };

  it('fails and lists the accounts, protocols and last use; failed sign-ins do not count', () => {
    const finding = run(
      LOG_005,
      snapshotWith({
        ...P1,
        signIns: [
          signIn('scanner', 'Authenticated SMTP', 0, '2026-11-01T10:00:00Z'),
          signIn('scanner', 'Authenticated SMTP', 0, '2026-10-30T10:00:00Z'),
          signIn('ana', 'Browser'),
          signIn('bob', 'IMAP4', 50126),
          signIn('cy', 'Exchange ActiveSync'),
        ],
      }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toBe(
      '2 accounts signed in with old email protocols that cannot use MFA in the last 7 days.',
    );
    expect(finding.affected).toEqual([
      {
        id: 'id-scanner',
        displayName: 'scanner (scanner@contoso.com)',
        detail: 'Authenticated SMTP: 2 sign-ins, last 2026-11-01',
      },
      {
        id: 'id-cy',
        displayName: 'cy (cy@contoso.com)',
        detail: 'Exchange ActiveSync: 1 sign-in, last 2026-11-01',
      },
    ]);
  });

  it('passes when only modern clients signed in, and on a week with no sign-ins', () => {
    const modern = run(
      LOG_005,
      snapshotWith({
        ...P1,
        signIns: [signIn('ana', 'Browser'), signIn('ana', 'Mobile Apps and Desktop clients')],
      }),
    );
    expect(modern.verdict).toBe('pass');
    expect(run(LOG_005, snapshotWith({ ...P1, signIns: [] })).verdict).toBe('pass');
  });

  it('does not apply without Entra ID P1, or when Microsoft refuses the logs for licence', () => {
    const noP1 = run(LOG_005, snapshotWith({ subscribedSkus: [SKU_BUSINESS_STANDARD] }));
    expect(noP1).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
    const refused = run(LOG_005, snapshotWith(P1, { signIns: sourceError('not_licensed') }));
    expect(refused).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
  });

  it('is unknown when the sign-in logs could not be read for another reason', () => {
    for (const kind of SOURCE_ERROR_KINDS.filter((k) => k !== 'not_licensed')) {
      const finding = run(LOG_005, snapshotWith(P1, { signIns: sourceError(kind) }));
      expect(finding.verdict, kind).toBe('unknown');
      expect(finding.reasonCode, kind).toBe(REASON_CODE_FOR[kind]);
      expect(finding.reason, kind).toContain(labelOf('signIns'));
    }
    expect(run(LOG_005, snapshotWith(P1))).toMatchObject({
      verdict: 'unknown',
      reasonCode: 'error',
    });
  });

  it('is unknown when licences could not be read', () => {
    expectUnknownWhenFails(LOG_005, { ...P1, signIns: [] }, 'subscribedSkus');
  });

  it('knows the legacy client names', () => {
    expect(isLegacyClient('IMAP4')).toBe(true);
    expect(isLegacyClient('authenticated smtp')).toBe(true);
    expect(isLegacyClient('Browser')).toBe(false);
    expect(isLegacyClient('Mobile Apps and Desktop clients')).toBe(false);
    expect(isLegacyClient(null)).toBe(false);
  });
});

describe('LOG-006 high-risk users', () => {
  const P2 = { subscribedSkus: [SKU_BUSINESS_PREMIUM, skuWith(AAD_PREMIUM_P2_PLAN)] };
  const risky = (id: string, riskLevel: string, riskState: string) => ({
    id,
    userPrincipalName: `${id}@contoso.com`,
    userDisplayName: id,
    riskLevel,
    riskState,
    riskLastUpdatedDateTime: '2026-10-30T10:00:00Z',
  });

  it('fails and lists high-risk users still at risk', () => {
    const finding = run(
      LOG_006,
      snapshotWith({
        ...P2,
        riskyUsers: [
          risky('ana', 'high', 'atRisk'),
          risky('bob', 'high', 'remediated'),
          risky('cy', 'medium', 'atRisk'),
          risky('di', 'high', 'confirmedCompromised'),
        ],
      }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toBe(
      '2 users flagged by Microsoft as high risk have not been investigated or cleared.',
    );
    expect(finding.affected.map((a) => a.id)).toEqual(['ana', 'di']);
    expect(finding.affected[0]?.detail).toBe('atRisk since 2026-10-30');
  });

  it('passes when no high-risk user is unresolved', () => {
    const finding = run(
      LOG_006,
      snapshotWith({ ...P2, riskyUsers: [risky('bob', 'high', 'dismissed')] }),
    );
    expect(finding.verdict).toBe('pass');
  });

  it('does not apply without Entra ID P2, whatever Microsoft answered', () => {
    const finding = run(
      LOG_006,
      snapshotWith(
        { subscribedSkus: [SKU_BUSINESS_PREMIUM] },
        { riskyUsers: sourceError('not_licensed') },
      ),
    );
    expect(finding).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
    expect(finding.reason).toContain('Microsoft Entra ID P2');
    const refused = run(LOG_006, snapshotWith(P2, { riskyUsers: sourceError('not_licensed') }));
    expect(refused).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
  });

  it('is unknown when the risky users could not be read on a P2 tenant', () => {
    const finding = run(LOG_006, snapshotWith(P2, { riskyUsers: sourceError('forbidden') }));
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'forbidden' });
    expect(finding.reason).toContain(labelOf('riskyUsers'));
  });

  it('is unknown when licences could not be read', () => {
    expectUnknownWhenFails(LOG_006, { ...P2, riskyUsers: [] }, 'subscribedSkus');
  });
});
