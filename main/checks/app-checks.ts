import type { AffectedObject } from '../../shared/models/finding';
import {
  adminConsentRequestPolicySchema,
  applicationsSchema,
  appRoleAssignmentsSchema,
  defaultAppManagementPolicySchema,
  msolPolicySchema,
  servicePrincipalsSchema,
  type AppRoleAssignment,
  type Credential,
  type CredentialRestriction,
  type CredentialRestrictions,
} from './app-shapes';
import type { Check, EvaluationContext, Outcome } from './check';
import { authorizationPolicySchema } from './graph-shapes';
import { LEARN, LINKS } from './links';
import { readingSummary, recordedMailReaders } from './mail-readers';
import { parseSource, unknownFromSource } from './source-data';

const USER_CONSENT_PREFIX = 'ManagePermissionGrantsForSelf.';

const CONSENT_WORDS: Record<string, string> = {
  'microsoft-user-default-legacy': 'users can let any app read their data, including their mail',
  'microsoft-user-default-low':
    'users can let apps from verified publishers read some of their data',
  'microsoft-user-default-recommended':
    "users can consent to apps under Microsoft's current recommended rules",
};

export const APP_001: Check = {
  id: 'APP-001',
  title: 'Only admins can register new apps',
  family: 'APP',
  severity: 'medium',
  requires: ['authorizationPolicy'],
  licences: [],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.1.2.2'],
    cisControls: ['2.5'],
    nistCsf: ['PR.AA-05'],
    scuba: ['MS.AAD.5.1v1'],
  },
  content: {
    why: 'An app registered in your tenant can be given access to data and can be used to keep a foothold after a break-in. If any staff member can create one, nobody reviews what these apps are for.',
    steps: [
      { text: 'Open Entra admin center › Users › User settings.', link: LINKS.userSettings },
      { text: 'Set "Users can register applications" to No and select Save.' },
      {
        text: 'Give the "Application Developer" role to anyone who genuinely builds apps.',
        link: LINKS.roles,
      },
    ],
    verify: 'Run this scan again; app registration shows as limited to admins.',
    userImpact:
      'Staff ask an admin to register an app; almost nobody in a small business does this.',
    effortMinutes: 5,
    learnMore: [LEARN.appRegistration],
  },
  evaluate(ctx) {
    const policy = parseSource(ctx, 'authorizationPolicy', authorizationPolicySchema);
    const allowed = policy.defaultUserRolePermissions?.allowedToCreateApps;
    const evidence = [
      { source: 'authorizationPolicy' as const, summary: `allowedToCreateApps ${String(allowed)}` },
    ];
    if (allowed === false) {
      return { verdict: 'pass', reason: 'Only admins can register apps.', affected: [], evidence };
    }
    if (allowed === true) {
      return {
        verdict: 'fail',
        reason: 'Every user can register new apps in your tenant.',
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'unknown',
      reasonCode: 'invalid_response',
      reason:
        'Microsoft did not say whether users can register apps, so this could not be checked.',
      affected: [],
      evidence,
    };
  },
};

export const APP_002: Check = {
  id: 'APP-002',
  title: 'Users cannot give apps access to company data',
  family: 'APP',
  severity: 'high',
  requires: ['authorizationPolicy'],
  licences: [],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.1.5.1'],
    cisControls: ['2.5'],
    nistCsf: ['PR.AA-05'],
    scuba: ['MS.AAD.5.2v1'],
  },
  stormLesson:
    'Storm-0558 was detected because mail was read by an app nobody expected. If staff can approve apps themselves, you cannot know which apps normally read your mail.',
  content: {
    why: 'A common attack sends a link that asks "Allow this app to read your mail?". One click by a staff member gives the attacker lasting access to that mailbox, with no password needed and MFA bypassed. Only admins should approve apps.',
    steps: [
      {
        text: 'Open Entra admin center › Enterprise apps › Consent and permissions › User consent settings.',
        link: LINKS.userConsent,
      },
      { text: 'Choose "Do not allow user consent" and select Save.' },
      {
        text: 'Turn on the admin consent workflow on the "Admin consent settings" tab, so staff can request an app and an admin approves it.',
      },
    ],
    verify: 'Run this scan again; user consent shows as not allowed.',
    userImpact:
      'When someone tries a new app, they send a request that an admin approves instead of clicking "Accept" themselves.',
    effortMinutes: 10,
    learnMore: [LEARN.userConsent, LEARN.storm0558],
  },
  evaluate(ctx) {
    const policy = parseSource(ctx, 'authorizationPolicy', authorizationPolicySchema);
    const raw = (
      ctx.snapshot.sources.authorizationPolicy as {
        data?: { defaultUserRolePermissions?: { permissionGrantPoliciesAssigned?: unknown } };
      }
    ).data?.defaultUserRolePermissions?.permissionGrantPoliciesAssigned;
    if (!Array.isArray(raw)) {
      return {
        verdict: 'unknown',
        reasonCode: 'invalid_response',
        reason:
          'Microsoft did not say which app consent rules apply to your users, so this could not be checked.',
        affected: [],
        evidence: [
          { source: 'authorizationPolicy', summary: 'permissionGrantPoliciesAssigned missing' },
        ],
      };
    }
    const assigned = policy.defaultUserRolePermissions?.permissionGrantPoliciesAssigned ?? [];
    const selfConsent = assigned.filter((p) => p.startsWith(USER_CONSENT_PREFIX));
    const evidence = [
      {
        source: 'authorizationPolicy' as const,
        summary: `consent policies: ${assigned.join(', ') || 'none'}`,
      },
    ];
    if (!selfConsent.length) {
      return {
        verdict: 'pass',
        reason: 'Users cannot approve apps themselves; only admins can.',
        affected: [],
        evidence,
      };
    }
    const name = selfConsent[0]!.slice(USER_CONSENT_PREFIX.length);
    const words = CONSENT_WORDS[name] ?? 'users can approve apps themselves';
    return {
      verdict: 'fail',
      reason: `Users can approve apps on their own: ${words}.`,
      affected: [],
      evidence,
    };
  },
};

export const APP_003: Check = {
  id: 'APP-003',
  title: 'Staff can ask an admin to approve an app',
  family: 'APP',
  severity: 'medium',
  requires: ['adminConsentRequestPolicy'],
  licences: [],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.1.5.2'],
    cisControls: ['6.1'],
    nistCsf: ['PR.AA-05'],
    scuba: ['MS.AAD.5.3v1'],
  },
  content: {
    why: 'When staff cannot approve apps themselves, they need a way to ask. Without an approval request, people get stuck or look for workarounds, and admins never see which apps staff want to connect to company data.',
    steps: [
      {
        text: 'Open Entra admin center › Enterprise apps › Consent and permissions › Admin consent settings.',
        link: LINKS.adminConsentSettings,
      },
      {
        text: 'Set "Users can request admin consent to apps they are unable to consent to" to Yes.',
      },
      {
        text: 'Under "Who can review admin consent requests", add the people or group who approve apps (for example your IT provider).',
      },
      {
        text: 'Turn on email notifications and expiry reminders, set requests to expire after 30 days or fewer, and select Save.',
      },
    ],
    verify:
      'As an ordinary user, open an app that needs consent: you are offered "Request approval" instead of an error.',
    userImpact:
      'Staff who need a new app send a request with a reason; a named reviewer gets an email to approve or deny it.',
    effortMinutes: 10,
    learnMore: [LEARN.adminConsentWorkflow, LEARN.userConsent],
  },
  evaluate(ctx) {
    const policy = parseSource(ctx, 'adminConsentRequestPolicy', adminConsentRequestPolicySchema);
    const reviewers = policy.reviewers.length;
    const evidence = [
      {
        source: 'adminConsentRequestPolicy' as const,
        summary: `isEnabled ${String(policy.isEnabled)}, ${reviewers} reviewer rule(s), notifications ${String(policy.notifyReviewers ?? false)}, reminders ${String(policy.remindersEnabled ?? false)}, requests expire after ${policy.requestDurationInDays ?? 0} day(s)`,
      },
    ];
    if (!policy.isEnabled) {
      return {
        verdict: 'fail',
        reason:
          'Staff cannot ask an admin to approve an app, because admin consent requests are turned off.',
        affected: [],
        evidence,
      };
    }
    if (reviewers === 0) {
      return {
        verdict: 'fail',
        reason: 'Admin consent requests are turned on, but nobody is named to review them.',
        affected: [],
        evidence,
      };
    }
    const gaps: string[] = [];
    if (policy.notifyReviewers !== true) gaps.push('reviewers get no email about new requests');
    if (policy.remindersEnabled !== true) gaps.push('reviewers get no reminders');
    const days = policy.requestDurationInDays ?? 0;
    if (days < 1 || days > 30) gaps.push('requests do not expire within 30 days');
    if (gaps.length) {
      return {
        verdict: 'warn',
        reason: `Staff can ask for app approval and reviewers are named, but ${gaps.join(', and ')}.`,
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: `Staff can ask for app approval, and ${reviewers} reviewer rule(s) receive emails and reminders.`,
      affected: [],
      evidence,
    };
  },
};

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_SECRET_DAYS = 180;
const MAX_CERTIFICATE_DAYS = 365;

/** Days in an ISO 8601 duration such as `P180D`, `P1Y` or `P4DT12H`; undefined when unreadable. */
export function durationDays(duration: string | null | undefined): number | undefined {
  if (!duration) return undefined;
  const m =
    /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      duration.trim(),
    );
  if (!m || duration.trim() === 'P' || duration.trim().endsWith('T')) return undefined;
  const [y, mo, w, d, h, mi, s] = m.slice(1).map((v) => (v ? Number(v) : 0)) as number[];
  return y! * 365 + mo! * 30 + w! * 7 + d! + h! / 24 + mi! / 1440 + s! / 86400;
}

/** Is the restriction switched on and already in force for existing apps? */
function inForce(r: CredentialRestriction, now: Date): boolean {
  if ((r.state ?? 'enabled').toLowerCase() !== 'enabled') return false;
  const from = r.restrictForAppsCreatedAfterDateTime
    ? Date.parse(r.restrictForAppsCreatedAfterDateTime)
    : Number.NaN;
  return Number.isNaN(from) || from <= now.getTime();
}

interface RestrictionGaps {
  readonly must: string[];
  readonly should: string[];
}

function restrictionGaps(
  restrictions: CredentialRestrictions,
  now: Date,
  who: string,
): RestrictionGaps {
  const passwords = (restrictions?.passwordCredentials ?? []).filter((r) => inForce(r, now));
  const keys = (restrictions?.keyCredentials ?? []).filter((r) => inForce(r, now));
  const blocksSecrets = passwords.some((r) => r.restrictionType === 'passwordAddition');
  const secretDays = durationDays(
    passwords.find((r) => r.restrictionType === 'passwordLifetime')?.maxLifetime,
  );
  const certificateDays = durationDays(
    keys.find((r) => r.restrictionType === 'asymmetricKeyLifetime')?.maxLifetime,
  );
  const must: string[] = [];
  const should: string[] = [];
  if (!blocksSecrets) {
    if (secretDays !== undefined && secretDays <= MAX_SECRET_DAYS) {
      should.push(
        `${who} can still add new client secrets (limited to ${Math.round(secretDays)} days)`,
      );
    } else {
      must.push(
        `${who} can add client secrets ${secretDays === undefined ? 'with no time limit' : `valid for up to ${Math.round(secretDays)} days`}`,
      );
    }
  }
  if (certificateDays === undefined || certificateDays > MAX_CERTIFICATE_DAYS) {
    must.push(
      `${who} can add certificates ${certificateDays === undefined ? 'with no time limit' : `valid for up to ${Math.round(certificateDays)} days`}`,
    );
  }
  return { must, should };
}

export const APP_004: Check = {
  id: 'APP-004',
  title: 'Tenant-wide limits on app passwords and certificates',
  family: 'APP',
  severity: 'medium',
  requires: ['defaultAppManagementPolicy'],
  licences: [],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v7:5.1.5.3', 'v7:5.1.5.4', 'v7:5.1.5.5', 'v7:5.1.5.6'],
    cisControls: ['5.5'],
    nistCsf: ['PR.AA-01'],
    scuba: ['MS.AAD.5.5v1', 'MS.AAD.5.6v1', 'MS.AAD.5.7v1'],
  },
  content: {
    why: 'Apps sign in with client secrets (passwords for apps) or certificates, and these often live for years in scripts and backups. A tenant-wide rule that blocks new secrets and keeps certificates short-lived stops a leaked credential from giving an attacker quiet, lasting access.',
    steps: [
      {
        text: 'Open Microsoft Graph Explorer and sign in as a Global Administrator or Security Administrator (the admin centers have no page for this setting yet).',
        link: LINKS.graphExplorer,
      },
      {
        text: 'Send PATCH https://graph.microsoft.com/v1.0/policies/defaultAppManagementPolicy with "isEnabled": true and, under both applicationRestrictions and servicePrincipalRestrictions, a passwordCredentials rule "passwordAddition" and a keyCredentials rule "asymmetricKeyLifetime" with "maxLifetime": "P365D" (Microsoft Learn shows the full request).',
      },
      {
        text: 'Before switching it on, move any app that still uses a client secret to a certificate (see the check on app registrations), or set "restrictForAppsCreatedAfterDateTime" to today so only new apps are affected at first.',
        link: LINKS.appRegistrations,
      },
    ],
    verify: 'Run this scan again: the tenant-wide app credential rules show as switched on.',
    userImpact:
      'None for staff; whoever manages apps uses certificates that are renewed at least once a year.',
    effortMinutes: 30,
    learnMore: [LEARN.appManagementPolicy, LEARN.appCredentials],
  },
  evaluate(ctx) {
    const policy = parseSource(ctx, 'defaultAppManagementPolicy', defaultAppManagementPolicySchema);
    const apps = restrictionGaps(policy.applicationRestrictions, ctx.now, 'app registrations');
    const sps = restrictionGaps(policy.servicePrincipalRestrictions, ctx.now, 'enterprise apps');
    const must = [...apps.must, ...sps.must];
    const should = [...apps.should, ...sps.should];
    const evidence = [
      {
        source: 'defaultAppManagementPolicy' as const,
        summary: `isEnabled ${String(policy.isEnabled)}; ${[...must, ...should].join('; ') || 'secrets blocked and certificates limited'}`,
      },
    ];
    if (!policy.isEnabled) {
      return {
        verdict: 'fail',
        reason:
          'The tenant-wide rules for app credentials are switched off, so any app can be given a client secret or certificate that lasts for years.',
        affected: [],
        evidence,
      };
    }
    if (must.length) {
      return {
        verdict: 'fail',
        reason: `The tenant-wide app credential rules are on, but ${must.join(', and ')}.`,
        affected: [],
        evidence,
      };
    }
    if (should.length) {
      return {
        verdict: 'warn',
        reason: `Certificates are limited to a year, but ${should.join(', and ')}; blocking new secrets is safer.`,
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason:
        'New client secrets are blocked and certificates are limited to a year, for app registrations and enterprise apps alike.',
      affected: [],
      evidence,
    };
  },
};

/** Application permissions that let an app read mail in every mailbox, with plain names. */
const MAIL_PERMISSIONS: Readonly<Record<string, string>> = {
  '810c84a8-4a9e-49e6-bf7d-12d183f40d01': 'Mail.Read',
  'e2a3a72e-5f79-4c64-b1b1-878b674786c9': 'Mail.ReadWrite',
  '693c5e45-0940-467d-9b8a-1022fb9d42ef': 'Mail.ReadBasic.All',
  'dc890d15-9560-4a4c-9b7f-a736ec74ec40': 'full_access_as_app (Exchange)',
};

/** The Exchange assignments; an Exchange Online that does not exist (404) holds none. */
function exchangeAssignments(
  ctx: EvaluationContext,
): { ok: true; data: AppRoleAssignment[]; note: string } | { ok: false; outcome: Outcome } {
  const result = ctx.snapshot.sources.exchangeAppRoleAssignments;
  if (result?.ok) {
    const data = parseSource(ctx, 'exchangeAppRoleAssignments', appRoleAssignmentsSchema);
    return { ok: true, data, note: `${data.length} Exchange Online permission grant(s)` };
  }
  if (result && result.error.kind === 'not_found') {
    return { ok: true, data: [], note: 'Exchange Online is not set up in this tenant' };
  }
  return { ok: false, outcome: unknownFromSource('exchangeAppRoleAssignments', result) };
}

export const APP_005: Check = {
  id: 'APP-005',
  title: 'You know every app that can read all your mailboxes',
  family: 'APP',
  severity: 'high',
  requires: ['graphAppRoleAssignments', 'servicePrincipals'],
  uses: ['exchangeAppRoleAssignments', 'mailItemsAccessed'],
  licences: [],
  permissions: ['Application.Read.All', 'AuditLogsQuery-Exchange.Read.All'],
  mappings: {
    cisM365: [],
    cisControls: ['2.1', '3.3'],
    nistCsf: ['ID.AM-02', 'PR.AA-05'],
    scuba: [],
  },
  stormLesson:
    'Storm-0558 was caught because one organisation noticed mail being read by an app it did not expect. Keeping a list of the apps that are allowed to read mail is what makes an unexpected one stand out.',
  content: {
    why: 'An app with these permissions can read every mailbox in your business, day and night, without anyone signing in. In the Storm-0558 attack, mail theft was spotted only because someone knew which apps normally read mail. Keep that list short and known.',
    steps: [
      {
        text: 'Open Entra admin center › Enterprise apps › All applications and open each app this check lists.',
        link: LINKS.enterpriseApps,
      },
      {
        text: 'Under Security › Permissions, confirm with the app’s owner why it needs to read everyone’s mail; if nobody can say, choose "Revoke permission" or delete the app.',
      },
      {
        text: 'For apps you keep, limit them to the few mailboxes they need with Exchange Online application access policies or RBAC for applications.',
      },
      {
        text: 'Declare each app you keep as an approved mail app in this app’s tenant settings, so a new one is flagged at the next scan.',
      },
    ],
    verify:
      'Run this scan again: every app listed is marked as approved and nothing unexpected appears.',
    userImpact:
      'None for staff; an app you remove stops syncing mail, so confirm with its owner first.',
    effortMinutes: 30,
    learnMore: [LEARN.appPermissions, LEARN.exchangeAppAccess, LEARN.storm0558],
  },
  evaluate(ctx) {
    const graph = parseSource(ctx, 'graphAppRoleAssignments', appRoleAssignmentsSchema);
    const sps = new Map(
      parseSource(ctx, 'servicePrincipals', servicePrincipalsSchema).map((sp) => [sp.id, sp]),
    );
    const exchange = exchangeAssignments(ctx);
    if (!exchange.ok) return exchange.outcome;
    const approved = new Set(ctx.settings.approvedMailApps.map((a) => a.toLowerCase()));
    const byPrincipal = new Map<string, { name: string; permissions: string[] }>();
    for (const a of [...graph, ...exchange.data]) {
      const permission = MAIL_PERMISSIONS[a.appRoleId.toLowerCase()];
      if (!permission) continue;
      if (a.principalType && a.principalType !== 'ServicePrincipal') continue;
      const entry = byPrincipal.get(a.principalId) ?? {
        name: a.principalDisplayName ?? a.principalId,
        permissions: [],
      };
      if (!entry.permissions.includes(permission)) entry.permissions.push(permission);
      byPrincipal.set(a.principalId, entry);
    }
    const readers = recordedMailReaders(ctx);
    const readerByAppId = new Map((readers ?? []).map((r) => [r.appId, r]));
    const unapprovedReaders = (readers ?? []).filter((r) => r.kind === 'unexpected');
    const affected: AffectedObject[] = [];
    const listed = new Set<string>();
    let unapproved = 0;
    for (const [principalId, { name, permissions }] of byPrincipal) {
      const sp = sps.get(principalId);
      const appId = sp?.appId ?? undefined;
      const isApproved = appId !== undefined && approved.has(appId.toLowerCase());
      if (!isApproved) unapproved++;
      const publisher = sp?.verifiedPublisher?.displayName
        ? `verified publisher ${sp.verifiedPublisher.displayName}`
        : sp?.appOwnerOrganizationId?.toLowerCase() === ctx.snapshot.tenant.id.toLowerCase()
          ? 'registered in your tenant'
          : 'publisher not verified';
      const reading = appId ? readerByAppId.get(appId.toLowerCase()) : undefined;
      if (appId) listed.add(appId.toLowerCase());
      affected.push({
        id: appId ?? principalId,
        displayName: sp?.displayName ?? name,
        detail: `app id ${appId ?? 'unknown'}; ${permissions.join(', ')}; ${publisher}; ${
          isApproved ? 'approved' : 'not on your approved list'
        }${reading ? `; read mail in the last 7 days (${readingSummary(reading)})` : ''}`,
      });
    }
    // Apps the mailbox access records show reading mail without holding one of the permissions
    // above (for example through people who consented): unexpected ones are listed too.
    for (const r of unapprovedReaders.filter((reader) => !listed.has(reader.appId))) {
      affected.push({
        id: r.appId,
        displayName: r.name,
        detail: `app id ${r.appId}; read mail in the last 7 days (${readingSummary(r)}); not on your approved list`,
      });
    }
    const evidence = [
      {
        source: 'graphAppRoleAssignments' as const,
        summary: `${graph.length} Microsoft Graph permission grant(s) read`,
      },
      { source: 'exchangeAppRoleAssignments' as const, summary: exchange.note },
      {
        source: 'servicePrincipals' as const,
        summary: `${byPrincipal.size} app(s) can read mail in every mailbox; ${approved.size} app(s) declared as approved`,
      },
      {
        source: 'mailItemsAccessed' as const,
        summary: readers
          ? `${readers.length} app(s) seen reading mail in the last 7 days, ${unapprovedReaders.length} not approved and not Microsoft's own`
          : 'mailbox access records could not be read, so only permissions were reviewed',
      },
    ];
    const readersText = unapprovedReaders.length
      ? `${unapprovedReaders.length === 1 ? 'An app' : `${unapprovedReaders.length} apps`} you have not approved read mail in the last 7 days (${unapprovedReaders
          .map((r) => r.name)
          .join(', ')}).`
      : '';
    if (!affected.length) {
      return {
        verdict: 'pass',
        reason: readers
          ? "No app has permission to read mail in every mailbox by itself, and only Microsoft's own apps and apps you approved read mail in the last 7 days."
          : 'No app has permission to read mail in every mailbox by itself.',
        affected: [],
        evidence,
      };
    }
    if (byPrincipal.size && !approved.size) {
      return {
        verdict: 'fail',
        reason: [
          `${byPrincipal.size} app(s) can read every mailbox without anyone signing in; review each one and declare the ones you expect as approved mail apps.`,
          readersText,
        ]
          .filter(Boolean)
          .join(' '),
        affected,
        evidence,
      };
    }
    if (unapproved || unapprovedReaders.length) {
      return {
        verdict: 'fail',
        reason: [
          unapproved
            ? `${unapproved} of the ${byPrincipal.size} app(s) that can read every mailbox are not on your approved list.`
            : '',
          readersText,
        ]
          .filter(Boolean)
          .join(' '),
        affected,
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: `All ${byPrincipal.size} app(s) that can read every mailbox are on your approved list.`,
      affected,
      evidence,
    };
  },
};

function credentialDays(c: Credential): number | undefined {
  const start = c.startDateTime ? Date.parse(c.startDateTime) : Number.NaN;
  const end = c.endDateTime ? Date.parse(c.endDateTime) : Number.NaN;
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return Math.round((end - start) / DAY_MS);
}

const isExpired = (c: Credential, now: Date) =>
  c.endDateTime ? Date.parse(c.endDateTime) < now.getTime() : false;

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : 'no end date');

export const APP_006: Check = {
  id: 'APP-006',
  title: 'Your own apps sign in with short-lived certificates, not client secrets',
  family: 'APP',
  severity: 'medium',
  requires: ['applications'],
  licences: [],
  permissions: ['Application.Read.All'],
  mappings: {
    cisM365: [],
    cisControls: ['5.5'],
    nistCsf: ['PR.AA-01'],
    // ScubaGear's MS.AAD.5.6v1/5.7v1 judge the tenant-wide policy (APP-004), not each app's
    // credentials, so this check claims no ScubaGear equivalent.
    scuba: [],
  },
  content: {
    why: 'A client secret is a password an app uses to sign in, with no MFA. Secrets and long-lived certificates get copied into scripts, emails and backups, and one leak lets an attacker act as the app for years. Short-lived certificates limit the damage.',
    steps: [
      {
        text: 'Open Entra admin center › App registrations › All applications and open each app this check lists.',
        link: LINKS.appRegistrations,
      },
      {
        text: 'Under Certificates & secrets › Certificates, upload a certificate that is valid for at most one year, and update the app or script to use it.',
      },
      {
        text: 'Under Client secrets, delete every secret once the app works with the certificate; also delete expired entries.',
      },
      {
        text: 'Put the certificate renewal date in a shared calendar so it is replaced before it expires.',
      },
    ],
    verify:
      'Run this scan again: no app is listed with a client secret or a certificate valid for more than a year.',
    userImpact:
      'None for staff; the person who runs each app replaces its secret with a certificate once, then renews it yearly.',
    effortMinutes: 60,
    learnMore: [LEARN.appCredentials],
  },
  evaluate(ctx) {
    const apps = parseSource(ctx, 'applications', applicationsSchema);
    const problems: AffectedObject[] = [];
    const tidyUp: AffectedObject[] = [];
    for (const app of apps) {
      const name = `${app.displayName ?? app.id}${app.appId ? ` (app id ${app.appId})` : ''}`;
      const issues: string[] = [];
      const expiredOnly: string[] = [];
      const secrets = [
        ...app.passwordCredentials,
        ...app.keyCredentials.filter((k) => (k.type ?? '').toLowerCase() === 'symmetric'),
      ];
      for (const s of secrets) {
        const days = credentialDays(s);
        const life =
          days === undefined ? 'no end date' : `valid ${days} days, until ${day(s.endDateTime)}`;
        issues.push(
          `client secret${s.displayName ? ` "${s.displayName}"` : ''} (${life}${isExpired(s, ctx.now) ? ', expired' : ''})`,
        );
      }
      for (const k of app.keyCredentials.filter(
        (c) => (c.type ?? '').toLowerCase() !== 'symmetric',
      )) {
        const days = credentialDays(k);
        if (days === undefined || days > MAX_CERTIFICATE_DAYS) {
          issues.push(
            `certificate ${days === undefined ? 'with no end date' : `valid ${days} days, until ${day(k.endDateTime)}`}`,
          );
        } else if (isExpired(k, ctx.now)) {
          expiredOnly.push(`expired certificate (ended ${day(k.endDateTime)})`);
        }
      }
      if (issues.length)
        problems.push({
          id: app.id,
          displayName: name,
          detail: [...issues, ...expiredOnly].join('; '),
        });
      else if (expiredOnly.length)
        tidyUp.push({ id: app.id, displayName: name, detail: expiredOnly.join('; ') });
    }
    const evidence = [
      { source: 'applications' as const, summary: `${apps.length} app registration(s) read` },
    ];
    if (problems.length) {
      return {
        verdict: 'fail',
        reason: `${problems.length === apps.length ? `All ${apps.length}` : `${problems.length} of your ${apps.length}`} app registration(s) sign in with a client secret or a certificate valid for more than a year.`,
        affected: [...problems, ...tidyUp],
        evidence,
      };
    }
    if (tidyUp.length) {
      return {
        verdict: 'warn',
        reason: `No app uses a client secret, but ${tidyUp.length} app registration(s) still carry expired certificates that should be removed.`,
        affected: tidyUp,
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: apps.length
        ? `All ${apps.length} app registration(s) use certificates valid for a year or less, and none has a client secret.`
        : 'You have no app registrations of your own, so no app secrets or certificates to manage.',
      affected: [],
      evidence,
    };
  },
};

export const APP_007: Check = {
  id: 'APP-007',
  title: 'The old MSOnline PowerShell is blocked',
  family: 'APP',
  severity: 'low',
  requires: ['authorizationPolicy'],
  licences: [],
  permissions: ['Policy.Read.All'],
  mappings: { cisM365: [], cisControls: ['4.8'], nistCsf: ['PR.PS-01'], scuba: [] },
  content: {
    why: 'MSOnline is an old PowerShell module for managing Microsoft 365 that Microsoft has retired. Blocking it closes an outdated way into your tenant that modern sign-in protections and logging were not built around.',
    steps: [
      {
        text: 'Open Microsoft Graph Explorer and sign in as a Global Administrator (the admin centers have no switch for this setting).',
        link: LINKS.graphExplorer,
      },
      {
        text: 'Send PATCH https://graph.microsoft.com/v1.0/policies/authorizationPolicy with the body {"blockMsolPowerShell": true}.',
      },
      {
        text: 'If your IT provider still runs MSOnline scripts, ask them to move to Microsoft Graph PowerShell first.',
      },
    ],
    verify: 'Run this scan again: MSOnline PowerShell shows as blocked.',
    userImpact: 'None for staff; old admin scripts that use MSOnline stop working.',
    effortMinutes: 10,
    learnMore: [LEARN.msolRetirement],
  },
  evaluate(ctx) {
    const policy = parseSource(ctx, 'authorizationPolicy', msolPolicySchema);
    const blocked = policy.blockMsolPowerShell;
    const evidence = [
      { source: 'authorizationPolicy' as const, summary: `blockMsolPowerShell ${String(blocked)}` },
    ];
    if (blocked === true) {
      return { verdict: 'pass', reason: 'MSOnline PowerShell is blocked.', affected: [], evidence };
    }
    if (blocked === false) {
      return {
        verdict: 'fail',
        reason: 'The old MSOnline PowerShell is not blocked for your tenant.',
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'unknown',
      reasonCode: 'invalid_response',
      reason:
        'Microsoft did not say whether MSOnline PowerShell is blocked, so this could not be checked.',
      affected: [],
      evidence,
    };
  },
};

export const APP_CHECKS: readonly Check[] = [
  APP_001,
  APP_002,
  APP_003,
  APP_004,
  APP_005,
  APP_006,
  APP_007,
];
