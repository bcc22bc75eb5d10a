import { z } from 'zod';
import type { AffectedObject, Evidence } from '../../shared/models/finding';
import type { SourceId } from '../../shared/models/sources';
import type { Check, EvaluationContext, Outcome } from './check';
import { hasEntraP1, hasEntraP2, hasServicePlan, userLabel } from './directory';
import { skusSchema, usersSchema } from './graph-shapes';
import { LEARN, LINKS } from './links';
import { APP_005 } from './app-checks';
import { auditQuerySchema, mailReaders, type AuditQuery } from './mail-readers';
import { parseOptionalSource, parseSource, unknownFromSource } from './source-data';

// --- Shapes ------------------------------------------------------------------------------------

const signInsSchema = z.array(
  z.looseObject({
    id: z.string().nullish(),
    createdDateTime: z.string().nullish(),
    userId: z.string().nullish(),
    userPrincipalName: z.string().nullish(),
    userDisplayName: z.string().nullish(),
    appDisplayName: z.string().nullish(),
    clientAppUsed: z.string().nullish(),
    status: z.looseObject({ errorCode: z.number().nullish() }).nullish(),
  }),
);

const usersWithPlansSchema = z.array(
  z.looseObject({
    id: z.string(),
    // Read plan by plan (planSchema): users carry tens of plans each, too many to copy at once.
    assignedPlans: z
      .array(z.unknown())
      .nullish()
      .transform((v) => v ?? []),
  }),
);

const planSchema = z.looseObject({
  servicePlanId: z.string().nullish(),
  capabilityStatus: z.string().nullish(),
});

const riskyUsersSchema = z.array(
  z.looseObject({
    id: z.string(),
    userPrincipalName: z.string().nullish(),
    userDisplayName: z.string().nullish(),
    riskLevel: z.string().nullish(),
    riskState: z.string().nullish(),
    riskLastUpdatedDateTime: z.string().nullish(),
  }),
);

// --- Shared pieces -----------------------------------------------------------------------------

const AUDIT_STANDARD = 'Microsoft Purview Audit (Standard), included in Microsoft 365 plans';
const AUDIT_PREMIUM =
  'Microsoft Purview Audit (Premium): Microsoft 365 E5, E5 Compliance or the E5 eDiscovery and Audit add-on';
const P1 = 'Microsoft Entra ID P1 (included in Microsoft 365 Business Premium)';
const P2 = 'Microsoft Entra ID P2';

/** M365_ADVANCED_AUDITING: Audit (Premium), which allows audit retention beyond 180 days. */
export const ADVANCED_AUDITING_PLAN = '2f442157-a11c-46b9-ae5b-6e39ff4e5849';

const STORM_LOGS =
  'Storm-0558 read mail at about 25 organisations in 2023 with forged sign-in tokens. It was caught only because one customer had mailbox access logging turned on and noticed an app it did not expect reading mail.';

const STORM_WHY =
  'In 2023 attackers (Storm-0558) read government and company mail for weeks; they were caught only because one customer had mailbox access logging on.';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A search that did not finish gives no facts: `unknown` with the reason. `undefined` when the
 * search succeeded.
 */
function searchNotFinished(source: SourceId, search: AuditQuery): Outcome | undefined {
  if (search.status === 'succeeded') return undefined;
  const evidence: Evidence[] = [{ source, summary: `audit log search status: ${search.status}` }];
  const reason =
    search.status === 'failed' || search.status === 'cancelled'
      ? `Microsoft could not complete the audit log search (it ended as "${search.status}"), so this could not be checked; run the scan again.`
      : 'Microsoft was still searching the audit log when we stopped waiting, so this could not be checked; run the scan again later.';
  return { verdict: 'unknown', reasonCode: 'error', reason, affected: [], evidence };
}

/** Records of a succeeded search; an unexpected shape is unreadable data, never a pass. */
function recordCount(ctx: EvaluationContext, source: SourceId, search: AuditQuery): number {
  if (typeof search.recordCount !== 'number') {
    // Same handling as any unreadable source: the catalog turns this into `unknown`.
    parseSource(ctx, source, z.looseObject({ recordCount: z.number() }));
  }
  return search.recordCount ?? 0;
}

/** Not applicable when the user list shows nobody who could generate records. */
function nobodyUsesTheTenant(ctx: EvaluationContext): boolean {
  const users = parseOptionalSource(ctx, 'users', usersSchema);
  if (!users) return false;
  return !users.some(
    (u) =>
      u.accountEnabled !== false &&
      (u.userType ?? 'Member') === 'Member' &&
      u.assignedLicenses.length > 0,
  );
}

const NOBODY: Outcome = {
  verdict: 'not_applicable',
  reasonCode: 'not_in_use',
  reason:
    'Nobody in your tenant has an enabled, licensed account, so there is no activity to record yet.',
  affected: [],
  evidence: [],
};

function countWord(count: number, more: boolean | null | undefined): string {
  return `${more ? 'more than ' : ''}${count.toLocaleString('en-US')}`;
}

// --- LOG-001 -----------------------------------------------------------------------------------

export const LOG_001: Check = {
  id: 'LOG-001',
  title: 'The audit log is recording activity',
  family: 'LOG',
  severity: 'critical',
  requires: ['auditLogActivity'],
  uses: ['users'],
  licences: [AUDIT_STANDARD],
  permissions: ['AuditLogsQuery.Read.All', 'User.Read.All'],
  mappings: {
    cisM365: ['v5:3.1.1'],
    cisControls: ['8.2'],
    nistCsf: ['PR.PS-04'],
    scuba: ['MS.SECURITYSUITE.5.1v1'],
  },
  stormLesson: STORM_LOGS,
  content: {
    why: `The audit log records who signed in, changed settings, opened files and read mail. ${STORM_WHY} Without it, after a break-in nobody can tell what was taken.`,
    steps: [
      {
        text: 'Open the Microsoft Purview portal › Solutions › Audit. If a banner offers "Start recording user and admin activity", select it.',
        link: LINKS.purviewAudit,
      },
      {
        text: 'Wait up to a day, then search the last 24 hours in the same page to confirm records appear.',
      },
    ],
    verify: 'Run this scan again; the audit log shows records from the last 7 days.',
    userImpact: 'None: recording happens in the background.',
    effortMinutes: 10,
    learnMore: [LEARN.auditOnOff, LEARN.storm0558],
  },
  evaluate(ctx) {
    const search = parseSource(ctx, 'auditLogActivity', auditQuerySchema);
    const notFinished = searchNotFinished('auditLogActivity', search);
    if (notFinished) return notFinished;
    const count = recordCount(ctx, 'auditLogActivity', search);
    const operations = [
      ...new Set(search.sample.map((s) => s.operation).filter((o): o is string => !!o)),
    ];
    const evidence: Evidence[] = [
      {
        source: 'auditLogActivity',
        summary: `${countWord(count, search.morePages)} audit records in the last 7 days${
          operations.length ? ` (for example ${operations.slice(0, 3).join(', ')})` : ''
        }`,
      },
    ];
    if (count > 0) {
      return {
        verdict: 'pass',
        reason: `The audit log is recording: we found ${countWord(count, search.morePages)} records from the last 7 days.`,
        affected: [],
        evidence,
      };
    }
    if (nobodyUsesTheTenant(ctx)) return { ...NOBODY, evidence };
    return {
      verdict: 'fail',
      reason:
        'The audit log recorded nothing in the last 7 days, so after a break-in there would be no record of what happened.',
      affected: [],
      evidence,
    };
  },
};

// --- LOG-002 -----------------------------------------------------------------------------------

export const LOG_002: Check = {
  id: 'LOG-002',
  title: 'Mailbox access is recorded, so you could tell whose mail was read',
  family: 'LOG',
  severity: 'critical',
  requires: ['mailItemsAccessed'],
  uses: ['servicePrincipals', 'users'],
  licences: [AUDIT_STANDARD],
  permissions: ['AuditLogsQuery-Exchange.Read.All', 'Application.Read.All', 'User.Read.All'],
  mappings: {
    cisM365: ['v5:6.1.1', 'v5:6.1.2'],
    cisControls: ['8.5', '3.14'],
    nistCsf: ['DE.CM-09', 'PR.PS-04'],
    scuba: ['MS.EXO.13.1v1'],
  },
  stormLesson: STORM_LOGS,
  content: {
    why: `Mailbox access records ("MailItemsAccessed") show which person or app opened which mail. ${STORM_WHY} Without these records, nobody can tell whose mail an intruder read, or which customers to warn.`,
    steps: [
      {
        text: 'Make sure mailbox auditing is on: in Exchange Online PowerShell run "Get-OrganizationConfig | Format-List AuditDisabled"; if it says True, run "Set-OrganizationConfig -AuditDisabled $false".',
        link: LINKS.exchangeAdmin,
      },
      {
        text: 'Check that no mailbox skips auditing: run "Get-MailboxAuditBypassAssociation -ResultSize Unlimited | Where-Object AuditBypassEnabled" and, for each one listed, "Set-MailboxAuditBypassAssociation -Identity <name> -AuditBypassEnabled $false".',
      },
      {
        text: 'A day later, open the Microsoft Purview portal › Solutions › Audit and search the last 7 days for the activity "Accessed mailbox items" to confirm records appear.',
        link: LINKS.purviewAudit,
      },
    ],
    verify: 'Run this scan again; mailbox access records from the last 7 days appear.',
    userImpact: 'None: recording happens in the background.',
    effortMinutes: 15,
    learnMore: [LEARN.mailItemsAccessed, LEARN.mailboxAuditing, LEARN.storm0558],
  },
  evaluate(ctx) {
    const search = parseSource(ctx, 'mailItemsAccessed', auditQuerySchema);
    const notFinished = searchNotFinished('mailItemsAccessed', search);
    if (notFinished) return notFinished;
    const count = recordCount(ctx, 'mailItemsAccessed', search);
    if (count === 0) {
      const evidence: Evidence[] = [
        { source: 'mailItemsAccessed', summary: 'no MailItemsAccessed records in the last 7 days' },
      ];
      if (nobodyUsesTheTenant(ctx)) return { ...NOBODY, evidence };
      return {
        verdict: 'fail',
        reason:
          'No mailbox access was recorded in the last 7 days, so you could not tell whose mail an intruder read.',
        affected: [],
        evidence,
      };
    }
    const readers = mailReaders(ctx, search);
    const unexpected = readers.filter((a) => a.kind === 'unexpected');
    const evidence: Evidence[] = [
      {
        source: 'mailItemsAccessed',
        summary: `${countWord(count, search.morePages)} MailItemsAccessed records in the last 7 days`,
      },
      {
        source: 'mailItemsAccessed',
        summary: `apps reading mail: ${readers
          .map(
            (a) => `${a.name} (${a.kind === 'unexpected' ? 'not approved' : a.kind}, ${a.records})`,
          )
          .join('; ')}`,
      },
    ];
    const noticed = unexpected.length
      ? ` They show ${
          unexpected.length === 1 ? 'an app' : `${unexpected.length} apps`
        } you have not approved reading mail (${unexpected
          .map((a) => a.name)
          .join(', ')}): see "${APP_005.title}".`
      : '';
    return {
      verdict: 'pass',
      reason: `Mailbox access is recorded: ${countWord(count, search.morePages)} records in the last 7 days.${noticed}`,
      affected: [],
      evidence,
    };
  },
};

// --- LOG-003 -----------------------------------------------------------------------------------

export const LOG_003: Check = {
  id: 'LOG-003',
  title: 'Audit records are kept for at least a year',
  family: 'LOG',
  severity: 'high',
  requires: ['subscribedSkus'],
  uses: ['users'],
  licences: [AUDIT_PREMIUM],
  permissions: ['Organization.Read.All', 'User.Read.All'],
  mappings: {
    cisM365: [],
    cisControls: ['8.10'],
    nistCsf: ['PR.PS-04'],
    scuba: ['MS.SECURITYSUITE.5.2v1'],
  },
  stormLesson:
    'CISA and the FBI advised keeping logs for at least a year after Storm-0558: break-ins are often found months later, and the records of what happened must still exist.',
  content: {
    why: 'Break-ins are often discovered months later. Standard audit keeps records for only 180 days, so by the time you investigate, the record of who read what may already be deleted. CISA advises keeping a year.',
    steps: [
      {
        text: 'Choose how to keep a year: Audit (Premium) through Microsoft 365 E5 or the "E5 eDiscovery and Audit" add-on, or send the audit log to a SIEM or Log Analytics workspace that keeps a year (ask your IT provider).',
        link: LINKS.licences,
      },
      {
        text: 'With Audit (Premium): open the Microsoft Purview portal › Solutions › Audit › Audit retention policies, create a policy for all activities and users with a duration of "1 year", and save.',
        link: LINKS.purviewAudit,
      },
    ],
    verify:
      'In Purview › Audit › Audit retention policies, a policy with a one-year (or longer) duration covers all users.',
    userImpact: 'None for staff; it may add a licence cost.',
    effortMinutes: 30,
    learnMore: [LEARN.auditRetention, LEARN.storm0558],
  },
  evaluate(ctx) {
    parseSource(ctx, 'subscribedSkus', skusSchema);
    const premium = hasServicePlan(ctx, new Set([ADVANCED_AUDITING_PLAN])) === true;
    const holders = parseOptionalSource(ctx, 'users', usersWithPlansSchema)?.filter((u) =>
      u.assignedPlans.some((raw) => {
        const p = planSchema.safeParse(raw);
        return (
          p.success &&
          p.data.servicePlanId?.toLowerCase() === ADVANCED_AUDITING_PLAN &&
          (p.data.capabilityStatus ?? 'Enabled') === 'Enabled'
        );
      }),
    );
    const evidence: Evidence[] = [
      {
        source: 'subscribedSkus',
        summary: premium
          ? 'an active licence includes Audit (Premium) (M365_ADVANCED_AUDITING)'
          : 'no active licence includes Audit (Premium) (M365_ADVANCED_AUDITING)',
      },
      ...(holders
        ? [
            {
              source: 'users' as const,
              summary: `${plural(holders.length, 'user')} assigned Audit (Premium)`,
            },
          ]
        : []),
    ];
    if (!premium) {
      return {
        verdict: 'fail',
        reason:
          'Your licences keep audit records for 180 days only (Audit Standard), so a break-in found later than that could not be investigated.',
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'manual',
      reasonCode: 'needs_declaration',
      reason:
        'Your licences allow one-year audit retention, but Microsoft Graph cannot show the retention policy, so please answer: is there an audit retention policy in Microsoft Purview that keeps audit records of all users for at least one year?',
      affected: [],
      evidence,
    };
  },
};

// --- LOG-004 -----------------------------------------------------------------------------------

export const SIEM_QUESTION =
  'Are your Entra sign-in and audit logs sent to a SIEM or Log Analytics workspace that keeps them at least a year?';

export const LOG_004: Check = {
  id: 'LOG-004',
  title: 'Sign-in and audit logs are sent to a SIEM and kept a year',
  family: 'LOG',
  severity: 'high',
  requires: ['subscribedSkus'],
  licences: [`${P1}, and an Azure subscription for Log Analytics`],
  permissions: ['Organization.Read.All'],
  mappings: {
    cisM365: [],
    cisControls: ['8.9', '8.12'],
    nistCsf: ['DE.CM-09', 'DE.AE-03'],
    scuba: ['MS.AAD.4.1v1'],
  },
  stormLesson:
    'After Storm-0558, CISA and the FBI advised sending logs to a central system (a SIEM) where they are kept, watched and searched together.',
  content: {
    why: 'Microsoft keeps sign-in logs for only 30 days. Sending them to a security monitoring system (a SIEM) or a Log Analytics workspace keeps them for a year, where your IT provider can watch for and investigate attacks.',
    steps: [
      {
        text: 'Open Entra admin center › Identity › Monitoring & health › Diagnostic settings and select "Add diagnostic setting".',
        link: LINKS.entraDiagnosticSettings,
      },
      {
        text: 'Tick AuditLogs, SignInLogs, NonInteractiveUserSignInLogs and ServicePrincipalSignInLogs, choose "Send to Log Analytics workspace" (or your SIEM\'s event hub) and save.',
      },
      {
        text: 'In the Log Analytics workspace (Azure portal › Log Analytics workspaces › your workspace › Usage and estimated costs › Data retention), set retention to 365 days.',
        link: LINKS.logAnalytics,
      },
    ],
    verify:
      'The diagnostic setting lists the four log categories, and the workspace retention shows 365 days.',
    userImpact: 'None for staff; Log Analytics storage has a small monthly cost.',
    effortMinutes: 45,
    learnMore: [LEARN.entraDiagnostics, LEARN.storm0558],
  },
  evaluate(ctx) {
    parseSource(ctx, 'subscribedSkus', skusSchema);
    const p1 = hasEntraP1(ctx);
    const evidence: Evidence[] = [
      {
        source: 'subscribedSkus',
        summary: p1 ? 'Entra ID P1 or P2 is licensed' : 'no Entra ID P1 or P2 service plan',
      },
    ];
    if (p1 === false) {
      return {
        verdict: 'not_applicable',
        reasonCode: 'not_licensed',
        reason:
          'Your licences do not include Microsoft Entra ID P1, which Microsoft requires before sign-in logs can be sent to a SIEM, so they are kept for 7 days only.',
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'manual',
      reasonCode: 'needs_declaration',
      reason: `Microsoft Graph cannot show where your logs are sent, so please answer: ${SIEM_QUESTION}`,
      affected: [],
      evidence,
    };
  },
};

// --- LOG-005 -----------------------------------------------------------------------------------

/** `clientAppUsed` values of protocols that send the password itself and cannot do MFA. */
const LEGACY_CLIENTS = new Set(
  [
    'Exchange ActiveSync',
    'IMAP4',
    'IMAP',
    'POP3',
    'POP',
    'Authenticated SMTP',
    'SMTP',
    'Other clients',
    'MAPI Over HTTP',
    'Exchange Web Services',
    'Outlook Anywhere (RPC over HTTP)',
    'Offline Address Book',
    'AutoDiscover',
    'Reporting Web Services',
    'Exchange Online PowerShell',
  ].map((c) => c.toLowerCase()),
);

export function isLegacyClient(clientAppUsed: string | null | undefined): boolean {
  return !!clientAppUsed && LEGACY_CLIENTS.has(clientAppUsed.trim().toLowerCase());
}

function licenceRefused(source: SourceId, licence: string, what: string): Outcome {
  return {
    verdict: 'not_applicable',
    reasonCode: 'not_licensed',
    reason: `Your licences do not include ${licence}, so Microsoft does not provide ${what}.`,
    affected: [],
    evidence: [{ source, summary: 'Microsoft refused the read: licence required' }],
  };
}

export const LOG_005: Check = {
  id: 'LOG-005',
  title: 'Nobody signs in with old email protocols',
  family: 'LOG',
  severity: 'medium',
  requires: ['subscribedSkus'],
  uses: ['signIns'],
  licences: [P1],
  permissions: ['Organization.Read.All', 'AuditLog.Read.All'],
  mappings: { cisM365: [], cisControls: ['8.11'], nistCsf: ['DE.CM-03'], scuba: [] },
  content: {
    why: 'Old protocols such as IMAP, POP and SMTP sign-in send the password itself and cannot ask for MFA, so a stolen password is enough to get in. These sign-ins show which accounts and devices still depend on them before you block them.',
    steps: [
      {
        text: 'Open Entra admin center › Identity › Monitoring & health › Sign-in logs, add the filter "Client app" and tick the legacy authentication clients.',
        link: LINKS.signInLogs,
      },
      {
        text: 'For each account listed, move the device or app to a modern sign-in (current Outlook, the mail app of the phone, or for copiers "scan to email" through Microsoft 365 SMTP relay).',
      },
      {
        text: 'Then block legacy authentication for everyone in Entra admin center › Conditional Access › Policies (see the check on legacy sign-in).',
        link: LINKS.caPolicies,
      },
    ],
    verify: 'Run this scan again after a week; no successful legacy sign-in is listed.',
    userImpact:
      'Devices that still use these protocols (old phones, printers, scanners) must be set up again.',
    effortMinutes: 60,
    learnMore: [LEARN.caBlockLegacy, LEARN.signInLogs],
  },
  evaluate(ctx) {
    parseSource(ctx, 'subscribedSkus', skusSchema);
    const what = 'the sign-in logs this check reads';
    if (hasEntraP1(ctx) === false) {
      return {
        ...licenceRefused('subscribedSkus', P1, what),
        evidence: [{ source: 'subscribedSkus', summary: 'no Entra ID P1 or P2 service plan' }],
      };
    }
    const read = ctx.snapshot.sources.signIns;
    if (!read?.ok) {
      if (read?.error.kind === 'not_licensed') {
        return licenceRefused('signIns', P1, what);
      }
      return unknownFromSource('signIns', read);
    }
    const signIns = parseSource(ctx, 'signIns', signInsSchema);
    const legacy = signIns.filter(
      (s) => (s.status?.errorCode ?? -1) === 0 && isLegacyClient(s.clientAppUsed),
    );
    const evidence: Evidence[] = [
      {
        source: 'signIns',
        summary: `${plural(signIns.length, 'sign-in')} in the last 7 days, ${legacy.length} successful with a legacy protocol`,
      },
    ];
    if (!legacy.length) {
      return {
        verdict: 'pass',
        reason: `No successful sign-in used an old email protocol in the last 7 days (${plural(signIns.length, 'sign-in')} checked).`,
        affected: [],
        evidence,
      };
    }
    const byUser = new Map<
      string,
      { label: string; protocols: Set<string>; count: number; last: string }
    >();
    for (const s of legacy) {
      const key = (s.userId ?? s.userPrincipalName ?? 'unknown').toLowerCase();
      const entry = byUser.get(key) ?? {
        label: userLabel({
          id: s.userId ?? s.userPrincipalName ?? 'unknown',
          displayName: s.userDisplayName ?? null,
          userPrincipalName: s.userPrincipalName ?? null,
        }),
        protocols: new Set<string>(),
        count: 0,
        last: '',
      };
      entry.protocols.add(s.clientAppUsed!);
      entry.count += 1;
      if ((s.createdDateTime ?? '') > entry.last) entry.last = s.createdDateTime ?? '';
      byUser.set(key, entry);
    }
    const affected: AffectedObject[] = [...byUser].map(([id, u]) => ({
      id,
      displayName: u.label,
      detail: `${[...u.protocols].join(', ')}: ${plural(u.count, 'sign-in')}${
        u.last ? `, last ${u.last.slice(0, 10)}` : ''
      }`,
    }));
    return {
      verdict: 'fail',
      reason: `${plural(byUser.size, 'account')} signed in with old email protocols that cannot use MFA in the last 7 days.`,
      affected,
      evidence,
    };
  },
};

// --- LOG-006 -----------------------------------------------------------------------------------

export const LOG_006: Check = {
  id: 'LOG-006',
  title: 'No high-risk user is left unresolved',
  family: 'LOG',
  severity: 'medium',
  requires: ['subscribedSkus'],
  uses: ['riskyUsers'],
  licences: [P2],
  permissions: ['Organization.Read.All', 'IdentityRiskyUser.Read.All'],
  mappings: { cisM365: [], cisControls: ['8.11'], nistCsf: ['DE.AE-02'], scuba: ['MS.AAD.2.2v1'] },
  content: {
    why: "Microsoft flags an account as high risk when it sees signs of takeover, such as a leaked password or a sign-in from an attacker's network. A flag nobody looks at means an intruder may still be inside that mailbox.",
    steps: [
      {
        text: 'Open Entra admin center › Protection › Identity Protection › Risky users and filter "Risk level" to High and "Risk state" to At risk.',
        link: LINKS.riskyUsers,
      },
      {
        text: 'For each person, check their recent sign-ins with them; then reset their password and select "Confirm user compromised" or "Dismiss user risk".',
      },
    ],
    verify: 'Run this scan again; no high-risk user is at risk.',
    userImpact: 'The people listed set a new password and may need to sign in again everywhere.',
    effortMinutes: 20,
    learnMore: [LEARN.riskyUsers],
  },
  evaluate(ctx) {
    parseSource(ctx, 'subscribedSkus', skusSchema);
    const what = 'risky-user detection (Identity Protection)';
    if (hasEntraP2(ctx) === false) {
      return {
        ...licenceRefused('subscribedSkus', P2, what),
        evidence: [{ source: 'subscribedSkus', summary: 'no Entra ID P2 service plan' }],
      };
    }
    const read = ctx.snapshot.sources.riskyUsers;
    if (!read?.ok) {
      if (read?.error.kind === 'not_licensed') return licenceRefused('riskyUsers', P2, what);
      return unknownFromSource('riskyUsers', read);
    }
    const risky = parseSource(ctx, 'riskyUsers', riskyUsersSchema);
    const high = risky.filter(
      (u) =>
        (u.riskLevel ?? '').toLowerCase() === 'high' &&
        ['atrisk', 'confirmedcompromised'].includes((u.riskState ?? '').toLowerCase()),
    );
    const evidence: Evidence[] = [
      {
        source: 'riskyUsers',
        summary: `${plural(risky.length, 'user')} flagged, ${high.length} high risk and unresolved`,
      },
    ];
    if (!high.length) {
      return {
        verdict: 'pass',
        reason: 'No user is flagged as high risk and left unresolved.',
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'fail',
      reason: `${plural(high.length, 'user')} flagged by Microsoft as high risk ${
        high.length === 1 ? 'has' : 'have'
      } not been investigated or cleared.`,
      affected: high.map((u) => ({
        id: u.id,
        displayName: userLabel({
          id: u.id,
          displayName: u.userDisplayName ?? null,
          userPrincipalName: u.userPrincipalName ?? null,
        }),
        detail: `${u.riskState}${
          u.riskLastUpdatedDateTime ? ` since ${u.riskLastUpdatedDateTime.slice(0, 10)}` : ''
        }`,
      })),
      evidence,
    };
  },
};

/** Logging and investigation (LOG). */
export const LOG_CHECKS: readonly Check[] = [LOG_001, LOG_002, LOG_003, LOG_004, LOG_005, LOG_006];
