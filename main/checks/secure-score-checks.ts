import { z } from 'zod';
import type { AffectedObject, Evidence } from '../../shared/models/finding';
import type { Check, EvaluationContext } from './check';
import { mailRoutes } from './dns-checks';
import { LEARN, LINKS } from './links';
import { parseSource } from './source-data';

// --- Shapes ------------------------------------------------------------------------------------

const secureScoresSchema = z.array(
  z.looseObject({
    createdDateTime: z.string(),
    currentScore: z.number(),
    maxScore: z.number(),
    averageComparativeScores: z
      .array(
        z.looseObject({
          basis: z.string().nullish(),
          averageScore: z.number().nullish(),
        }),
      )
      .nullish()
      .transform((v) => v ?? []),
    controlScores: z
      .array(
        z.looseObject({
          controlName: z.string(),
          score: z.number().nullish(),
          scoreInPercentage: z.number().nullish(),
          controlCategory: z.string().nullish(),
        }),
      )
      .nullish()
      .transform((v) => v ?? []),
  }),
);
type SecureScore = z.infer<typeof secureScoresSchema>[number];

const controlProfilesSchema = z.array(
  z.looseObject({
    id: z.string(),
    title: z.string().nullish(),
    service: z.string().nullish(),
    maxScore: z.number().nullish(),
    deprecated: z.boolean().nullish(),
    actionUrl: z.string().nullish(),
    controlStateUpdates: z
      .array(
        z.looseObject({
          state: z.string().nullish(),
          updatedBy: z.string().nullish(),
          updatedDateTime: z.string().nullish(),
          comment: z.string().nullish(),
        }),
      )
      .nullish()
      .transform((v) => v ?? []),
  }),
);
type ControlProfile = z.infer<typeof controlProfilesSchema>[number];

// --- Shared pieces -----------------------------------------------------------------------------

const ASSESSED_BY = 'Assessed by Microsoft Secure Score, refreshed daily';

/** The newest daily snapshot first. */
function byNewest(scores: readonly SecureScore[]): SecureScore[] {
  return [...scores].sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
}

const percent = (score: SecureScore) =>
  score.maxScore > 0 ? Math.round((score.currentScore / score.maxScore) * 100) : 0;

const points = (n: number) => `${Math.round(n * 10) / 10}`;
const day = (iso: string) => iso.slice(0, 10);

const noScoreYet = (evidence: Evidence[]) =>
  ({
    verdict: 'unknown',
    reasonCode: 'not_found',
    reason:
      'Microsoft has not calculated a Secure Score for your tenant yet (it appears a day after the tenant is created), so this could not be checked.',
    affected: [],
    evidence,
  }) as const;

// --- SS-001 ------------------------------------------------------------------------------------

export const SS_001: Check = {
  id: 'SS-001',
  title: 'Your Microsoft Secure Score is recorded as a baseline',
  family: 'SS',
  severity: 'info',
  requires: ['secureScores'],
  licences: [],
  permissions: ['SecurityEvents.Read.All'],
  mappings: { cisM365: [], cisControls: ['4.1'], nistCsf: ['ID.IM-01'], scuba: [] },
  content: {
    why: "Microsoft's Secure Score rates your Microsoft 365 settings every day. Recording it with each scan lets you show progress over time to the owner or an insurer. It is for information and does not change this app's score.",
    steps: [
      {
        text: 'Open Microsoft Defender portal › Exposure management › Secure Score to see the score and its history.',
        link: LINKS.secureScore,
      },
      {
        text: 'Open the "Recommended actions" tab and work through the actions marked high impact, starting with those this scan also reports.',
      },
    ],
    verify: 'Run this scan again next month; the change in score is shown here.',
    userImpact: 'None: this only reads the score.',
    effortMinutes: 5,
    learnMore: [LEARN.secureScore],
  },
  evaluate(ctx) {
    const scores = byNewest(parseSource(ctx, 'secureScores', secureScoresSchema));
    const latest = scores[0];
    if (!latest) {
      return noScoreYet([{ source: 'secureScores', summary: 'no daily Secure Score returned' }]);
    }
    const latestDay = Date.parse(latest.createdDateTime);
    // The oldest snapshot at most 30 days back, when at least a week of history exists.
    const baseline = scores
      .filter((s) => {
        const age = latestDay - Date.parse(s.createdDateTime);
        return age >= 7 * 86_400_000 && age <= 31 * 86_400_000;
      })
      .at(-1);
    const peers =
      latest.averageComparativeScores.find((a) => a.basis === 'TotalSeats') ??
      latest.averageComparativeScores.find((a) => a.basis === 'AllTenants');
    const change = baseline ? latest.currentScore - baseline.currentScore : undefined;
    const trend =
      change === undefined
        ? ''
        : change === 0
          ? `, unchanged since ${day(baseline!.createdDateTime)}`
          : `, ${change > 0 ? 'up' : 'down'} ${points(Math.abs(change))} points since ${day(baseline!.createdDateTime)}`;
    const comparison =
      typeof peers?.averageScore === 'number'
        ? `; ${peers.basis === 'TotalSeats' ? 'organisations of your size' : 'all organisations'} average ${points(peers.averageScore)}`
        : '';
    return {
      verdict: 'pass',
      reason: `Your Microsoft Secure Score is ${points(latest.currentScore)} of ${points(latest.maxScore)} points (${percent(latest)}%) on ${day(latest.createdDateTime)}${trend}${comparison}.`,
      affected: [],
      evidence: [
        {
          source: 'secureScores',
          summary: `${scores.length} daily scores read, newest ${latest.createdDateTime}`,
        },
      ],
    };
  },
};

// --- SS-002 ------------------------------------------------------------------------------------

/**
 * Secure Score controls that stand in for settings Microsoft Graph cannot read (Exchange Online,
 * Purview, Defender for Office 365), with the CIS recommendation each approximates. Controls that a
 * Graph check already reads directly (passwords, consent, SharePoint) are left out on purpose.
 */
export const PROXY_CONTROLS: Readonly<Record<string, { label: string; cis: string }>> = {
  mip_search_auditlog: { label: 'Audit log search is on', cis: 'v5:3.1.1' },
  exo_mailboxaudit: { label: 'Mailbox auditing is on for everyone', cis: 'v5:6.1.1' },
  exo_storageproviderrestricted: {
    label: 'Outlook on the web blocks outside file storage',
    cis: 'v5:6.5.3',
  },
  exo_individualsharing: {
    label: 'Calendars are not shared with outside people',
    cis: 'v5:1.3.3',
  },
  exo_outlookaddins: { label: 'Staff cannot install Outlook add-ins', cis: 'v5:6.3.1' },
  exo_mailtipsenabled: { label: 'MailTips warn people before they send', cis: 'v5:6.5.2' },
  customerlockboxenabled: { label: 'Customer Lockbox is on', cis: 'v5:1.3.6' },
  mdo_autoforwardingmode: {
    label: 'Automatic forwarding to outside addresses is blocked',
    cis: 'v5:6.2.1',
  },
  mdo_blockmailforward: {
    label: 'Mail forwarding rules to outside addresses are blocked',
    cis: 'v5:6.2.1',
  },
  mdo_safelinksforemail: { label: 'Safe Links checks links in email', cis: 'v5:2.1.1' },
  mdo_safelinksforofficeapps: {
    label: 'Safe Links checks links in Office apps',
    cis: 'v5:2.1.1',
  },
  mdo_safeattachmentpolicy: {
    label: 'Safe Attachments opens attachments safely first',
    cis: 'v5:2.1.4',
  },
  mdo_safedocuments: { label: 'Safe Documents checks opened files', cis: 'v5:2.1.5' },
  mdo_commonattachmentsfilter: {
    label: 'Dangerous attachment types are blocked',
    cis: 'v5:2.1.2',
  },
  mdo_zapspam: { label: 'Spam is removed after delivery (ZAP)', cis: 'v5:2.1.2' },
  mdo_zapphish: { label: 'Phishing is removed after delivery (ZAP)', cis: 'v5:2.1.2' },
  mdo_zapmalware: { label: 'Malware is removed after delivery (ZAP)', cis: 'v5:2.1.2' },
  mdo_antiphishingpolicies: { label: 'Anti-phishing policies protect everyone', cis: 'v5:2.1.7' },
  mdo_phishthresholdlevel: { label: 'Anti-phishing is set strictly enough', cis: 'v5:2.1.7' },
  mdo_highconfidencephishaction: {
    label: 'Obvious phishing is quarantined',
    cis: 'v5:2.1.7',
  },
};

function proxyFor(controlName: string): { label?: string } | undefined {
  const key = controlName.toLowerCase();
  if (key in PROXY_CONTROLS) return PROXY_CONTROLS[key];
  // Other Defender for Office 365 controls are mapped too; their title comes from the profile.
  return key.startsWith('mdo_') ? {} : undefined;
}

type ControlResult =
  | { readonly state: 'pass' | 'fail'; readonly name: string; readonly detail: string }
  | { readonly state: 'not_applicable'; readonly name: string; readonly detail: string }
  | { readonly state: 'unknown'; readonly name: string; readonly detail: string };

function latestState(profile: ControlProfile) {
  return [...profile.controlStateUpdates]
    .sort((a, b) => (b.updatedDateTime ?? '').localeCompare(a.updatedDateTime ?? ''))
    .at(0);
}

/** Mail reaches every email domain through another filtering service, per public DNS. */
function mailFilteredElsewhere(ctx: EvaluationContext): boolean {
  const routes = mailRoutes(ctx);
  return !!routes?.length && routes.every((r) => r.route === 'third_party');
}

function assessControl(
  control: SecureScore['controlScores'][number],
  profile: ControlProfile | undefined,
  thirdPartyMail: boolean,
): ControlResult {
  const proxy = proxyFor(control.controlName) ?? {};
  const name = proxy.label ?? profile?.title ?? control.controlName;
  if (profile?.deprecated) {
    return { state: 'not_applicable', name, detail: 'Microsoft has retired this control' };
  }
  const marked = profile ? latestState(profile) : undefined;
  const state = marked?.state?.toLowerCase();
  if (state === 'thirdparty' || state === 'ignored') {
    const who = marked?.updatedBy ? ` by ${marked.updatedBy}` : '';
    const when = marked?.updatedDateTime ? ` on ${day(marked.updatedDateTime)}` : '';
    return {
      state: 'not_applicable',
      name,
      detail:
        state === 'thirdparty'
          ? `marked as handled by another product${who}${when}`
          : `marked as an accepted risk${who}${when}`,
    };
  }
  if (thirdPartyMail && control.controlName.toLowerCase().startsWith('mdo_')) {
    return {
      state: 'not_applicable',
      name,
      detail: 'your mail is filtered by another service before Microsoft 365',
    };
  }
  const score = control.score ?? undefined;
  const max = profile?.maxScore ?? undefined;
  if (score !== undefined && max !== undefined && max > 0) {
    return score >= max
      ? { state: 'pass', name, detail: `${points(score)} of ${points(max)} points` }
      : { state: 'fail', name, detail: `${points(score)} of ${points(max)} points` };
  }
  if (typeof control.scoreInPercentage === 'number') {
    return control.scoreInPercentage >= 100
      ? { state: 'pass', name, detail: '100% of its points' }
      : { state: 'fail', name, detail: `${points(control.scoreInPercentage)}% of its points` };
  }
  return { state: 'unknown', name, detail: 'Microsoft did not say how many points it is worth' };
}

export const SS_002: Check = {
  id: 'SS-002',
  title: 'Email and audit settings Microsoft Secure Score checks for you',
  family: 'SS',
  severity: 'medium',
  requires: ['secureScores', 'secureScoreControlProfiles'],
  uses: ['mailDns'],
  licences: ['Depends on the setting: Defender for Office 365 settings need Plan 1 or higher'],
  permissions: ['SecurityEvents.Read.All'],
  mappings: {
    cisM365: [...new Set(Object.values(PROXY_CONTROLS).map((c) => c.cis))].sort(),
    cisControls: ['8.2', '9.7'],
    nistCsf: ['PR.PS-01', 'PR.PS-04'],
    scuba: [],
  },
  stormLesson:
    'Storm-0558 was found through mailbox audit records. Secure Score confirms that audit log search and mailbox auditing are on, two settings Microsoft Graph cannot read directly.',
  content: {
    why: `${ASSESSED_BY}. Mailbox auditing, forwarding to outside addresses and attachment scanning decide whether a break-in is noticed and whether mail leaks out. They cannot be read directly, so this check reports what Secure Score found.`,
    steps: [
      {
        text: 'Open Microsoft Defender portal › Exposure management › Secure Score › Recommended actions.',
        link: LINKS.secureScore,
      },
      {
        text: 'Search for each setting listed here, open it and follow "Implementation"; most take a few clicks in the Defender portal or the Exchange admin center.',
      },
      {
        text: 'If another product already covers a setting, set its status to "Risk accepted" or "Resolved through third party" there, so it is no longer counted against you.',
      },
    ],
    verify: `${ASSESSED_BY}: a day after the change, run this scan again; the setting shows as fully in place.`,
    userImpact:
      'Depends on the setting: for example, blocking automatic forwarding stops staff forwarding all their mail to a private address.',
    effortMinutes: 60,
    learnMore: [LEARN.secureScore, LEARN.storm0558],
  },
  evaluate(ctx) {
    const scores = byNewest(parseSource(ctx, 'secureScores', secureScoresSchema));
    const profiles = parseSource(ctx, 'secureScoreControlProfiles', controlProfilesSchema);
    const latest = scores[0];
    if (!latest) {
      return noScoreYet([{ source: 'secureScores', summary: 'no daily Secure Score returned' }]);
    }
    const profileById = new Map(profiles.map((p) => [p.id.toLowerCase(), p]));
    const thirdPartyMail = mailFilteredElsewhere(ctx);
    const results = latest.controlScores
      .filter((c) => proxyFor(c.controlName))
      .map((c) => ({
        id: c.controlName,
        ...assessControl(c, profileById.get(c.controlName.toLowerCase()), thirdPartyMail),
      }));
    const of = (state: ControlResult['state']) => results.filter((r) => r.state === state);
    const failing = of('fail');
    const passing = of('pass');
    const unknown = of('unknown');
    const skipped = of('not_applicable');
    const evidence: Evidence[] = [
      {
        source: 'secureScores',
        summary: `Secure Score of ${day(latest.createdDateTime)}: ${results.length} mapped controls (${passing.length} met, ${failing.length} not met, ${skipped.length} not applicable, ${unknown.length} without points)`,
      },
      ...skipped.map((r) => ({
        source: 'secureScoreControlProfiles' as const,
        summary: `${r.id}: ${r.detail}`,
      })),
    ];
    const affected = (list: typeof results): AffectedObject[] =>
      list.map((r) => ({ id: r.id, displayName: r.name, detail: r.detail }));
    const assessed = failing.length + passing.length;
    if (failing.length) {
      return {
        verdict: 'fail',
        reason: `${ASSESSED_BY}: ${failing.length} of ${assessed} email and audit settings it checks ${
          failing.length === 1 ? 'is' : 'are'
        } not fully in place.`,
        affected: affected(failing),
        evidence,
      };
    }
    if (unknown.length) {
      return {
        verdict: 'unknown',
        reasonCode: 'invalid_response',
        reason: `${ASSESSED_BY}, but Microsoft did not say how many points ${unknown.length} of the settings are worth, so this could not be checked.`,
        affected: [],
        evidence,
      };
    }
    if (!passing.length) {
      return {
        verdict: 'not_applicable',
        reasonCode: 'not_in_use',
        reason: `${ASSESSED_BY}: none of the email and audit settings it checks applies to your tenant or licences.`,
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: `${ASSESSED_BY}: all ${passing.length} email and audit settings it checks are fully in place.`,
      affected: [],
      evidence,
    };
  },
};

/** Microsoft Secure Score (SS). */
export const SS_CHECKS: readonly Check[] = [SS_001, SS_002];
