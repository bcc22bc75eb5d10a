import { describe, expect, it } from 'vitest';
import { SOURCE_ERROR_KINDS } from '../../shared/models/snapshot';
import { PROXY_CONTROLS, SS_001, SS_002 } from './secure-score-checks';
import {
  labelOf,
  REASON_CODE_FOR,
  run,
  snapshotWith,
  withError,
  type SourceData,
} from './test-snapshot';

const control = (controlName: string, score: number, extra: Record<string, unknown> = {}) => ({
  controlCategory: 'Apps',
  controlName,
  description: controlName,
  score,
  ...extra,
});

function dailyScore(date: string, currentScore: number, controlScores: unknown[] = []) {
  return {
    id: `tenant_${date}`,
    createdDateTime: `${date}T02:11:36Z`,
    currentScore,
    maxScore: 80,
    averageComparativeScores: [
      { basis: 'AllTenants', averageScore: 41.27 },
      { basis: 'TotalSeats', averageScore: 36.84 },
    ],
    controlScores,
  };
}

const profile = (id: string, maxScore: number, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Profile title of ${id}`,
  service: 'EXO',
  maxScore,
  deprecated: false,
  controlStateUpdates: [],
  ...extra,
});

const PROFILES = [
  profile('mip_search_auditlog', 3),
  profile('exo_mailboxaudit', 2),
  profile('mdo_safelinksforemail', 9),
  profile('mdo_safeattachmentpolicy', 8),
  profile('mdo_zapspam', 3),
  profile('PWAgePolicyNew', 8),
];

function tenant(controls: unknown[], profiles: unknown[] = PROFILES): SourceData {
  return {
    secureScores: [dailyScore('2026-11-01', 40, controls)],
    secureScoreControlProfiles: profiles,
  };
}

describe('SS-001 Secure Score baseline', () => {
  it('reports the score, the change over 30 days and the peer average', () => {
    const scores = [
      dailyScore('2026-10-03', 30),
      dailyScore('2026-11-01', 38.5),
      dailyScore('2026-10-20', 35),
      dailyScore('2026-09-01', 10),
    ];
    const finding = run(SS_001, snapshotWith({ secureScores: scores }));
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toBe(
      'Your Microsoft Secure Score is 38.5 of 80 points (48%) on 2026-11-01, up 8.5 points since 2026-10-03; organisations of your size average 36.8.',
    );
  });

  it('reports a drop, and no trend with less than a week of history', () => {
    const down = run(
      SS_001,
      snapshotWith({ secureScores: [dailyScore('2026-11-01', 30), dailyScore('2026-10-20', 35)] }),
    );
    expect(down.reason).toContain('down 5 points since 2026-10-20');
    const fresh = run(
      SS_001,
      snapshotWith({ secureScores: [dailyScore('2026-11-01', 30), dailyScore('2026-10-30', 20)] }),
    );
    expect(fresh.reason).toBe(
      'Your Microsoft Secure Score is 30 of 80 points (38%) on 2026-11-01; organisations of your size average 36.8.',
    );
  });

  it('is unknown when Microsoft has no score yet', () => {
    const finding = run(SS_001, snapshotWith({ secureScores: [] }));
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'not_found' });
  });

  it('is unknown when the score could not be read', () => {
    for (const kind of SOURCE_ERROR_KINDS) {
      const finding = run(
        SS_001,
        withError(
          snapshotWith({ secureScores: [dailyScore('2026-11-01', 30)] }),
          'secureScores',
          kind,
        ),
      );
      expect(finding.verdict).toBe('unknown');
      expect(finding.reasonCode).toBe(REASON_CODE_FOR[kind]);
    }
  });

  it('is informational: it carries no weight in the score', () => {
    expect(SS_001.severity).toBe('info');
  });
});

describe('SS-002 Secure Score proxy', () => {
  it('fails and lists the mapped controls below their maximum, saying who assessed them', () => {
    const finding = run(
      SS_002,
      snapshotWith(
        tenant([
          control('mip_search_auditlog', 3),
          control('exo_mailboxaudit', 2),
          control('mdo_safelinksforemail', 0),
          control('mdo_zapspam', 1.5),
          control('PWAgePolicyNew', 0),
        ]),
      ),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toBe(
      'Assessed by Microsoft Secure Score, refreshed daily: 2 of 4 email and audit settings it checks are not fully in place.',
    );
    expect(finding.affected).toEqual([
      {
        id: 'mdo_safelinksforemail',
        displayName: 'Safe Links checks links in email',
        detail: '0 of 9 points',
      },
      {
        id: 'mdo_zapspam',
        displayName: 'Spam is removed after delivery (ZAP)',
        detail: '1.5 of 3 points',
      },
    ]);
  });

  it('passes when every mapped control is at its maximum; unmapped controls do not count', () => {
    const finding = run(
      SS_002,
      snapshotWith(
        tenant([
          control('mip_search_auditlog', 3),
          control('exo_mailboxaudit', 2),
          control('PWAgePolicyNew', 0),
        ]),
      ),
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toBe(
      'Assessed by Microsoft Secure Score, refreshed daily: all 2 email and audit settings it checks are fully in place.',
    );
  });

  it('maps other Defender for Office 365 controls by their prefix', () => {
    const finding = run(
      SS_002,
      snapshotWith(
        tenant(
          [control('mdo_newcontrol', 0)],
          [profile('mdo_newcontrol', 4, { title: 'A new Defender control' })],
        ),
      ),
    );
    expect(finding.affected[0]).toMatchObject({ displayName: 'A new Defender control' });
  });

  it('leaves out deprecated controls and those marked third party or risk accepted', () => {
    const finding = run(
      SS_002,
      snapshotWith(
        tenant(
          [
            control('mip_search_auditlog', 3),
            control('exo_mailboxaudit', 0),
            control('mdo_safelinksforemail', 0),
            control('mdo_safeattachmentpolicy', 0),
          ],
          [
            profile('mip_search_auditlog', 3),
            profile('exo_mailboxaudit', 2, { deprecated: true }),
            profile('mdo_safelinksforemail', 9, {
              controlStateUpdates: [
                { state: 'Default', updatedDateTime: '2026-01-01T00:00:00Z' },
                {
                  state: 'ThirdParty',
                  updatedBy: 'it-support@contoso.com',
                  updatedDateTime: '2026-06-01T00:00:00Z',
                },
              ],
            }),
            profile('mdo_safeattachmentpolicy', 8, {
              controlStateUpdates: [{ state: 'Ignored', updatedDateTime: '2026-06-01T00:00:00Z' }],
            }),
          ],
        ),
      ),
    );
    expect(finding.verdict).toBe('pass');
    const summaries = finding.evidence.map((e) => e.summary);
    expect(summaries).toContain(
      'mdo_safelinksforemail: marked as handled by another product by it-support@contoso.com on 2026-06-01',
    );
    expect(summaries).toContain(
      'mdo_safeattachmentpolicy: marked as an accepted risk on 2026-06-01',
    );
    expect(summaries).toContain('exo_mailboxaudit: Microsoft has retired this control');
  });

  it('does not judge Defender for Office 365 controls when every domain routes mail elsewhere', () => {
    const mailDns = {
      domains: [
        {
          domain: 'contoso.com',
          spf: { status: 'found', records: ['v=spf1 -all'] },
          dmarc: { status: 'missing', reason: 'nxdomain' },
          mx: { status: 'found', records: [{ exchange: 'mx1.mailfilter.example', priority: 10 }] },
          dkim: [],
        },
      ],
    };
    const data = tenant([control('mip_search_auditlog', 3), control('mdo_safelinksforemail', 0)]);
    expect(run(SS_002, snapshotWith(data)).verdict).toBe('fail');
    expect(run(SS_002, snapshotWith({ ...data, mailDns })).verdict).toBe('pass');
  });

  it('does not apply when no mapped control is present', () => {
    const finding = run(SS_002, snapshotWith(tenant([control('PWAgePolicyNew', 8)])));
    expect(finding).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_in_use' });
    expect(finding.reason).toContain('Assessed by Microsoft Secure Score, refreshed daily');
  });

  it('uses the percentage when a control has no profile, and is unknown with neither', () => {
    const viaPercent = run(
      SS_002,
      snapshotWith(tenant([control('exo_outlookaddins', 0, { scoreInPercentage: 0 })], [])),
    );
    expect(viaPercent.verdict).toBe('fail');
    const neither = run(SS_002, snapshotWith(tenant([control('exo_outlookaddins', 1)], [])));
    expect(neither).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });

  it('is unknown when either Secure Score source could not be read', () => {
    const base = tenant([control('mip_search_auditlog', 3)]);
    for (const source of ['secureScores', 'secureScoreControlProfiles'] as const) {
      for (const kind of SOURCE_ERROR_KINDS) {
        const finding = run(SS_002, withError(snapshotWith(base), source, kind));
        expect(finding.verdict).toBe('unknown');
        expect(finding.reasonCode).toBe(REASON_CODE_FOR[kind]);
        expect(finding.reason).toContain(labelOf(source));
      }
    }
  });

  it('says in its content that Secure Score did the assessment', () => {
    expect(SS_002.content.why).toContain('Assessed by Microsoft Secure Score, refreshed daily');
    expect(SS_002.content.verify).toContain('Assessed by Microsoft Secure Score, refreshed daily');
    expect(SS_002.mappings.cisM365).toContain('v5:3.1.1');
    expect(Object.keys(PROXY_CONTROLS)).toContain('exo_mailboxaudit');
  });
});
