import type { SourceId } from '../../shared/models/sources';
import {
  authStrengthPoliciesSchema,
  caPoliciesFullSchema,
  groupsSchema,
  roleDefinitionsSchema,
} from './ca-shapes';
import type { Check, EvaluationContext, Outcome } from './check';
import {
  assessConditionalAccess,
  caOutcome,
  mergeAssessments,
  policyReferences,
  policySummary,
  type AuthStrength,
  type CaRequirement,
  type PolicyReference,
  type RequiredApp,
} from './conditional-access';
import {
  breakGlassIds,
  describeUser,
  hasEntraP1,
  hasEntraP2,
  hasServicePlan,
  INTUNE_PLAN,
  PRIVILEGED_ROLES,
  roleName,
  usersById,
} from './directory';
import {
  caPoliciesSchema,
  securityDefaultsSchema,
  usersSchema,
  type CaPolicy,
} from './graph-shapes';
import { LEARN, LINKS } from './links';
import {
  parseOptionalSource,
  parseSource,
  UnexpectedShapeError,
  unknownFromSource,
} from './source-data';

const P1 = 'Microsoft Entra ID P1 (included in Microsoft 365 Business Premium)';

const MFA_ALL: CaRequirement = {
  scope: 'allUsers',
  grant: 'mfa',
  goal: 'requires MFA for every user on every app',
};
const MFA_ADMINS: CaRequirement = {
  scope: 'privilegedRoles',
  grant: 'mfa',
  goal: 'requires MFA for every admin role',
};
const BLOCK_LEGACY: CaRequirement = {
  scope: 'allUsers',
  grant: 'block',
  clientAppTypes: ['exchangeActiveSync', 'other'],
  goal: 'blocks legacy sign-in protocols for every user',
};

const NO_P1: Outcome = {
  verdict: 'not_applicable',
  reasonCode: 'not_licensed',
  reason:
    'Your licences do not include Conditional Access (Microsoft Entra ID P1). Security Defaults is the protection available to you; see the check on baseline MFA.',
  affected: [],
  evidence: [],
};

/** Not applicable when the tenant has no Entra ID P1; `undefined` when it has or we can't tell. */
function withoutP1(ctx: EvaluationContext): Outcome | undefined {
  if (hasEntraP1(ctx) !== false) return undefined;
  return {
    verdict: 'not_applicable',
    reasonCode: 'not_licensed',
    reason:
      'Your licences do not include Conditional Access (Microsoft Entra ID P1). Security Defaults is the protection available to you; see the check on baseline MFA.',
    affected: [],
    evidence: [{ source: 'subscribedSkus', summary: 'no Entra ID P1 or P2 service plan' }],
  };
}

/** The CA policy source is optional for CA checks: without P1, Microsoft refuses the read. */
const CA_SOURCE_OPTIONAL = [
  'conditionalAccessPolicies',
  'subscribedSkus',
  'users',
  'securityDefaults',
] as const;

function evaluateRequirement(ctx: EvaluationContext, requirement: CaRequirement): Outcome {
  const notLicensed = withoutP1(ctx);
  if (notLicensed) return notLicensed;
  const read = ctx.snapshot.sources.conditionalAccessPolicies;
  if (!read?.ok) {
    if (read?.error.kind === 'not_licensed')
      return {
        ...NO_P1,
        evidence: [
          {
            source: 'conditionalAccessPolicies',
            summary: 'Microsoft refused the read: no Entra ID P1',
          },
        ],
      };
    return unknownFromSource('conditionalAccessPolicies', read);
  }
  const policies = parseSource(ctx, 'conditionalAccessPolicies', caPoliciesSchema);
  const outcome = caOutcome(
    assessConditionalAccess(policies, requirement, ctx),
    requirement,
    policySummary(policies),
  );
  const defaults = parseOptionalSource(ctx, 'securityDefaults', securityDefaultsSchema);
  if (outcome.verdict === 'fail' && defaults?.isEnabled) {
    return {
      ...outcome,
      verdict: 'warn',
      reason: `${outcome.reason} Security Defaults is on, which gives basic protection, but your licence lets you enforce this precisely with Conditional Access.`,
    };
  }
  return outcome;
}

export const CA_001: Check = {
  id: 'CA-001',
  title: 'Everyone has to use MFA (Security Defaults or Conditional Access)',
  family: 'CA',
  severity: 'critical',
  requires: ['securityDefaults'],
  uses: ['conditionalAccessPolicies', 'subscribedSkus', 'users'],
  licences: [],
  permissions: ['Policy.Read.All'],
  mappings: { cisM365: [], cisControls: ['6.3'], nistCsf: ['PR.AA-03'], scuba: [] },
  content: {
    why: 'Most break-ins start with a stolen or guessed password. Multi-factor authentication (MFA) asks for a second proof, such as a phone prompt, so a password alone is not enough. Without it, one leaked password can open a mailbox, your files, or your whole tenant.',
    steps: [
      {
        text: 'If you have Microsoft 365 Business Premium or Entra ID P1: create a Conditional Access policy that requires MFA for all users (see the check "MFA required for every user").',
        link: LINKS.caPolicies,
      },
      {
        text: 'Otherwise: open Entra admin center › Overview › Properties › Manage security defaults, choose "Enabled", and save.',
        link: LINKS.tenantProperties,
      },
      {
        text: 'Tell staff they will be asked to set up the Microsoft Authenticator app at their next sign-in.',
      },
    ],
    verify:
      'Sign in as a normal user in a private browser window: you should be asked for a second factor.',
    userImpact:
      'Everyone registers the Authenticator app once (about 5 minutes) and approves sign-ins on new devices.',
    effortMinutes: 30,
    learnMore: [LEARN.securityDefaults, LEARN.caMfaAllUsers],
  },
  evaluate(ctx) {
    const defaults = parseSource(ctx, 'securityDefaults', securityDefaultsSchema);
    const evidence = [
      {
        source: 'securityDefaults' as const,
        summary: `Security Defaults ${defaults.isEnabled ? 'on' : 'off'}`,
      },
    ];
    if (defaults.isEnabled) {
      return {
        verdict: 'pass',
        reason: 'Security Defaults is on, so Microsoft requires MFA for everyone.',
        affected: [],
        evidence,
      };
    }
    const p1 = hasEntraP1(ctx);
    const policies = parseOptionalSource(ctx, 'conditionalAccessPolicies', caPoliciesSchema);
    if (p1 !== false && policies) {
      const assessment = assessConditionalAccess(policies, MFA_ALL, ctx);
      const outcome = caOutcome(assessment, MFA_ALL, policySummary(policies));
      if (outcome.verdict === 'pass')
        return { ...outcome, evidence: [...evidence, ...outcome.evidence] };
      return {
        verdict: 'fail',
        reason: `Security Defaults is off, and Conditional Access does not make up for it. ${outcome.reason}`,
        affected: outcome.affected,
        evidence: [...evidence, ...outcome.evidence],
      };
    }
    if (p1 === false) {
      return {
        verdict: 'fail',
        reason:
          'Security Defaults is off and your licences do not include Conditional Access, so nothing requires MFA.',
        affected: [],
        evidence,
      };
    }
    const read = ctx.snapshot.sources.conditionalAccessPolicies;
    if (read && !read.ok && read.error.kind === 'not_licensed') {
      return {
        verdict: 'fail',
        reason:
          'Security Defaults is off and your tenant has no Conditional Access (Microsoft refused to list policies), so nothing requires MFA.',
        affected: [],
        evidence,
      };
    }
    const unknown = unknownFromSource('conditionalAccessPolicies', read);
    return {
      ...unknown,
      reason: `Security Defaults is off, and we could not see whether Conditional Access requires MFA instead: ${unknown.reason.charAt(0).toLowerCase()}${unknown.reason.slice(1)}`,
      evidence: [...evidence, ...unknown.evidence],
    };
  },
};

export const CA_002: Check = {
  id: 'CA-002',
  title: 'MFA required for every user',
  family: 'CA',
  severity: 'critical',
  requires: [],
  uses: CA_SOURCE_OPTIONAL,
  licences: [P1],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.2.2.2'],
    cisControls: ['6.3', '6.4'],
    nistCsf: ['PR.AA-03'],
    scuba: ['MS.AAD.3.2v2'],
  },
  content: {
    why: 'A password on its own is easy to steal through a fake login page. Requiring MFA for every person on every app means a stolen password is not enough to read your email or files. Policies in "report-only" mode protect nothing.',
    steps: [
      {
        text: 'Open Entra admin center › Conditional Access › Policies and select "+ New policy".',
        link: LINKS.caPolicies,
      },
      { text: 'Users: Include "All users". Exclude only your emergency (break-glass) accounts.' },
      {
        text: 'Target resources: Include "All resources (formerly All cloud apps)". Leave conditions unset.',
      },
      {
        text: 'Grant: "Require multifactor authentication". Set "Enable policy" to On (not Report-only) and create it.',
      },
    ],
    verify: 'Open the policy list: the new policy shows State "On". Run this scan again.',
    userImpact:
      'People approve sign-ins with the Authenticator app; on trusted devices this happens rarely.',
    effortMinutes: 20,
    learnMore: [LEARN.caMfaAllUsers],
  },
  evaluate: (ctx) => evaluateRequirement(ctx, MFA_ALL),
};

export const CA_003: Check = {
  id: 'CA-003',
  title: 'MFA required for all admin roles',
  family: 'CA',
  severity: 'critical',
  requires: [],
  uses: CA_SOURCE_OPTIONAL,
  licences: [P1],
  permissions: ['Policy.Read.All'],
  mappings: { cisM365: ['v5:5.2.2.1'], cisControls: ['6.5'], nistCsf: ['PR.AA-03'], scuba: [] },
  content: {
    why: 'An admin account can change every setting, read every mailbox and lock you out. Attackers go after admins first. MFA on every admin role means a stolen admin password alone cannot take over your business.',
    steps: [
      {
        text: 'Open Entra admin center › Conditional Access › Policies and select "+ New policy".',
        link: LINKS.caPolicies,
      },
      {
        text: 'Users: Include "Directory roles" and tick Global, Privileged Role, User, SharePoint, Exchange, Hybrid Identity, Application and Cloud Application Administrator. Exclude only break-glass accounts.',
      },
      {
        text: 'Target resources: "All resources". Grant: "Require multifactor authentication". Enable policy: On.',
      },
    ],
    verify: 'Sign in with an admin account in a private window: you should be asked for MFA.',
    userImpact: 'Admins approve an MFA prompt when they sign in. Nobody else is affected.',
    effortMinutes: 15,
    learnMore: [LEARN.caMfaAdmins],
  },
  evaluate: (ctx) => evaluateRequirement(ctx, MFA_ADMINS),
};

export const CA_005: Check = {
  id: 'CA-005',
  title: 'Old sign-in protocols (legacy authentication) are blocked',
  family: 'CA',
  severity: 'critical',
  requires: [],
  uses: CA_SOURCE_OPTIONAL,
  licences: [P1],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.2.2.3'],
    cisControls: ['4.8'],
    nistCsf: ['PR.AA-03'],
    scuba: ['MS.AAD.1.1v1'],
  },
  content: {
    why: 'Old email protocols such as POP, IMAP and SMTP sign-in cannot ask for MFA. Attackers use them to try thousands of passwords without ever meeting an MFA prompt. Blocking them closes that back door.',
    steps: [
      {
        text: 'Open Entra admin center › Conditional Access › Policies and select "+ New policy".',
        link: LINKS.caPolicies,
      },
      { text: 'Users: Include "All users"; exclude only break-glass accounts.' },
      {
        text: 'Target resources: "All resources". Conditions › Client apps: tick only "Exchange ActiveSync clients" and "Other clients".',
      },
      { text: 'Grant: "Block access". Enable policy: On.' },
      {
        text: 'If a copier or app still sends mail with a password, move it to a modern method (Microsoft 365 SMTP relay with a connector) instead of excluding its account.',
      },
    ],
    verify:
      'Check the sign-in logs after a day: legacy client sign-ins show "Failure" with this policy applied.',
    userImpact:
      'Very old mail apps stop working; current Outlook and phone mail apps are unaffected.',
    effortMinutes: 30,
    learnMore: [LEARN.caBlockLegacy],
  },
  evaluate(ctx) {
    const defaults = parseOptionalSource(ctx, 'securityDefaults', securityDefaultsSchema);
    if (defaults?.isEnabled) {
      return {
        verdict: 'pass',
        reason: 'Security Defaults is on, and it blocks legacy sign-in protocols for everyone.',
        affected: [],
        evidence: [{ source: 'securityDefaults', summary: 'Security Defaults on' }],
      };
    }
    return evaluateRequirement(ctx, BLOCK_LEGACY);
  },
};

// --- Phishing-resistant MFA, sign-in flows, risk, sessions, devices, hygiene -------------------

const P2 = 'Microsoft Entra ID P2 (Identity Protection)';
const INTUNE = 'Microsoft Intune (included in Microsoft 365 Business Premium)';

/** Apps token protection supports, by app id. */
const TOKEN_PROTECTION_APPS: readonly RequiredApp[] = [
  { id: '00000002-0000-0ff1-ce00-000000000000', name: 'Exchange Online' },
  { id: '00000003-0000-0ff1-ce00-000000000000', name: 'SharePoint Online' },
  { id: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', name: 'Microsoft Teams' },
];

const REGISTER_SECURITY_INFO = 'urn:user:registersecurityinfo';

type PoliciesRead = { readonly policies: CaPolicy[] } | { readonly outcome: Outcome };

/**
 * The tenant's Conditional Access policies with session controls and authentication strengths,
 * or the outcome when they cannot be judged: not applicable without Entra ID P1 (by licences,
 * or because Microsoft refused the read for lack of licence), unknown when the read failed.
 */
function readCaPolicies(ctx: EvaluationContext): PoliciesRead {
  const notLicensed = withoutP1(ctx);
  if (notLicensed) return { outcome: notLicensed };
  const read = ctx.snapshot.sources.conditionalAccessPolicies;
  if (!read?.ok) {
    if (read?.error.kind === 'not_licensed') {
      return {
        outcome: {
          verdict: 'not_applicable',
          reasonCode: 'not_licensed',
          reason:
            'Microsoft refused to list Conditional Access policies because your licences do not include Conditional Access (Microsoft Entra ID P1).',
          affected: [],
          evidence: [
            {
              source: 'conditionalAccessPolicies',
              summary: 'Microsoft refused the read: no Entra ID P1',
            },
          ],
        },
      };
    }
    return { outcome: unknownFromSource('conditionalAccessPolicies', read) };
  }
  return { policies: parseSource(ctx, 'conditionalAccessPolicies', caPoliciesFullSchema) };
}

/** The outcome when a licence decides applicability but the licence list could not be read. */
function licencesUnreadable(ctx: EvaluationContext, licence: string): Outcome {
  const read = ctx.snapshot.sources.subscribedSkus;
  // Read but not understood: the catalog reports the source as unreadable.
  if (read?.ok) throw new UnexpectedShapeError('subscribedSkus', 'unexpected licence list');
  const unknown = unknownFromSource('subscribedSkus', read);
  return {
    ...unknown,
    reason: `No enabled policy does this, and we could not read your licences to tell whether ${licence} is available to you. ${unknown.reason}`,
  };
}

function notLicensed(licence: string, feature: string): Outcome {
  return {
    verdict: 'not_applicable',
    reasonCode: 'not_licensed',
    reason: `${feature.charAt(0).toUpperCase()}${feature.slice(1)} needs ${licence}, which your licences do not include.`,
    affected: [],
    evidence: [{ source: 'subscribedSkus', summary: `no ${licence} service plan` }],
  };
}

function judge(
  ctx: EvaluationContext,
  requirement: CaRequirement,
  strengths?: ReadonlyMap<string, AuthStrength>,
): Outcome {
  const read = readCaPolicies(ctx);
  if ('outcome' in read) return read.outcome;
  return caOutcome(
    assessConditionalAccess(read.policies, requirement, ctx, strengths),
    requirement,
    policySummary(read.policies),
  );
}

const PHISHING_RESISTANT_ADMINS: CaRequirement = {
  scope: 'privilegedRoles',
  grant: 'phishingResistantMfa',
  goal: 'requires phishing-resistant MFA (passkeys, security keys, Windows Hello or certificates) for every admin role',
};

export const CA_004: Check = {
  id: 'CA-004',
  title: 'Admins must use phishing-resistant MFA',
  family: 'CA',
  severity: 'high',
  requires: [],
  uses: ['conditionalAccessPolicies', 'authenticationStrengthPolicies', 'subscribedSkus', 'users'],
  licences: [P1],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.2.2.5'],
    cisControls: ['6.5'],
    nistCsf: ['PR.AA-03'],
    scuba: ['MS.AAD.3.6v1'],
  },
  content: {
    why: 'Fake login pages can now relay a phone approval or a texted code to an attacker in real time, so ordinary MFA does not stop them. Passkeys, security keys and Windows Hello only work on the real Microsoft site, so a phished admin cannot hand over the keys to your tenant.',
    steps: [
      {
        text: 'Give each admin a passkey (Microsoft Authenticator or a security key) or Windows Hello: Entra admin center › Authentication methods › Policies › Passkey (FIDO2): Enable for all users.',
        link: LINKS.authMethodsPolicies,
      },
      {
        text: 'Have every admin register it at https://aka.ms/mysecurityinfo before you enforce the policy, and check your break-glass account has one too.',
      },
      {
        text: 'Open Entra admin center › Conditional Access › Policies › "+ New policy". Users: Include "Directory roles" and tick the eight admin roles (Global, Privileged Role, User, SharePoint, Exchange, Hybrid Identity, Application, Cloud Application Administrator). Exclude only break-glass accounts.',
        link: LINKS.caPolicies,
      },
      {
        text: 'Target resources: "All resources". Grant: "Require authentication strength" › "Phishing-resistant MFA". Enable policy: On.',
      },
    ],
    verify:
      'Sign in as an admin in a private window: only a passkey, security key or Windows Hello is accepted. Run this scan again.',
    userImpact:
      'Admins sign in with a passkey or Windows Hello instead of approving a phone prompt. Staff are not affected.',
    effortMinutes: 60,
    learnMore: [LEARN.caPhishingResistantAdmins, LEARN.authStrengths],
  },
  evaluate(ctx) {
    const read = readCaPolicies(ctx);
    if ('outcome' in read) return read.outcome;
    const strengthsRead = ctx.snapshot.sources.authenticationStrengthPolicies;
    const list = strengthsRead?.ok
      ? parseSource(ctx, 'authenticationStrengthPolicies', authStrengthPoliciesSchema)
      : undefined;
    const strengths = list
      ? new Map(
          list.map((s) => [
            s.id,
            { displayName: s.displayName ?? undefined, allowedCombinations: s.allowedCombinations },
          ]),
        )
      : undefined;
    const assessment = assessConditionalAccess(
      read.policies,
      PHISHING_RESISTANT_ADMINS,
      ctx,
      strengths,
    );
    const outcome = caOutcome(assessment, PHISHING_RESISTANT_ADMINS, policySummary(read.policies));
    const undecided = assessment.gaps.some((g) =>
      g.problems.some((p) => p.startsWith('we could not read')),
    );
    if (outcome.verdict !== 'pass' && undecided && !list) {
      // A policy might be enough, but we could not see which methods its strength accepts.
      return unknownFromSource('authenticationStrengthPolicies', strengthsRead);
    }
    if (list) {
      return {
        ...outcome,
        evidence: [
          ...outcome.evidence,
          {
            source: 'authenticationStrengthPolicies',
            summary: `${list.length} authentication strengths`,
          },
        ],
      };
    }
    return outcome;
  },
};

const BLOCK_DEVICE_CODE: CaRequirement = {
  scope: 'allUsers',
  grant: 'block',
  transferMethod: 'deviceCodeFlow',
  goal: 'blocks the device code sign-in flow for every user',
};

export const CA_006: Check = {
  id: 'CA-006',
  title: 'Device code sign-in is blocked',
  family: 'CA',
  severity: 'high',
  requires: [],
  uses: ['conditionalAccessPolicies', 'subscribedSkus', 'users'],
  licences: [P1],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.2.2.12'],
    cisControls: ['6.3'],
    nistCsf: ['PR.AA-03'],
    scuba: ['MS.AAD.3.9v1'],
  },
  content: {
    why: 'Attackers send a message asking someone to "enter this code" at a real Microsoft page. The person signs in, MFA included, and the attacker\'s device gets their access. Few small businesses need device code sign-in, so blocking it removes this trick.',
    steps: [
      {
        text: 'Open Entra admin center › Conditional Access › Policies and select "+ New policy".',
        link: LINKS.caPolicies,
      },
      { text: 'Users: Include "All users". Exclude only your break-glass accounts.' },
      {
        text: 'Target resources: "All resources". Conditions › Authentication flows: Configure "Yes" and tick "Device code flow".',
      },
      {
        text: 'Grant: "Block access". Start with "Report-only" for a week, check the sign-in logs for device code sign-ins you need (for example meeting-room devices), then set Enable policy to On.',
      },
    ],
    verify:
      'Run this scan again, or try "az login --use-device-code": the sign-in is blocked with a Conditional Access error.',
    userImpact:
      'Nobody notices unless they sign in to TVs, meeting-room devices or command-line tools with a code; those need another sign-in method.',
    effortMinutes: 20,
    learnMore: [LEARN.caBlockDeviceCode],
  },
  evaluate: (ctx) => judge(ctx, BLOCK_DEVICE_CODE),
};

const SIGN_IN_RISK: Record<'cis' | 'cisa', CaRequirement> = {
  cis: {
    scope: 'allUsers',
    grant: ['mfa', 'block'],
    signInRiskLevels: ['high', 'medium'],
    goal: 'blocks or asks for MFA on high- and medium-risk sign-ins for every user',
  },
  cisa: {
    scope: 'allUsers',
    grant: 'block',
    signInRiskLevels: ['high'],
    goal: 'blocks high-risk sign-ins for every user',
  },
};

export const CA_007: Check = {
  id: 'CA-007',
  title: 'Risky sign-ins are blocked or challenged',
  family: 'CA',
  severity: 'high',
  requires: [],
  uses: ['conditionalAccessPolicies', 'subscribedSkus', 'users'],
  licences: [P2],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.2.2.7', 'v5:5.2.2.8'],
    cisControls: ['6.3'],
    nistCsf: ['PR.AA-03'],
    scuba: ['MS.AAD.2.3v1'],
  },
  thresholds: {
    cis: 'Sign-ins Microsoft rates high or medium risk must be blocked or challenged with MFA',
    cisa: 'Sign-ins Microsoft rates high risk must be blocked',
  },
  content: {
    why: 'Microsoft spots sign-ins that look like an attack, such as a login from an unknown country minutes after one from your office, or from a known attacker address. Unless a policy acts on that risk, the sign-in simply goes through.',
    steps: [
      {
        text: 'Open Entra admin center › Conditional Access › Policies and select "+ New policy".',
        link: LINKS.caPolicies,
      },
      { text: 'Users: Include "All users". Exclude only your break-glass accounts.' },
      {
        text: 'Target resources: "All resources". Conditions › Sign-in risk: Configure "Yes" and tick "High" and "Medium".',
      },
      {
        text: 'Grant: "Block access" (or "Require multifactor authentication" if blocking is too strict for you). Enable policy: On.',
      },
    ],
    verify:
      'Open Entra admin center › Protection › Identity Protection › Risky sign-ins: new risky sign-ins show this policy as applied.',
    userImpact:
      'People are only interrupted when Microsoft thinks a sign-in is suspicious; then they approve MFA or are blocked.',
    effortMinutes: 15,
    learnMore: [LEARN.caSignInRisk],
  },
  evaluate(ctx) {
    const read = readCaPolicies(ctx);
    if ('outcome' in read) return read.outcome;
    const p2 = hasEntraP2(ctx);
    if (p2 === false) return notLicensed(P2, 'acting on risky sign-ins');
    const requirement = SIGN_IN_RISK[ctx.profile];
    const outcome = caOutcome(
      assessConditionalAccess(read.policies, requirement, ctx),
      requirement,
      policySummary(read.policies),
    );
    if (outcome.verdict !== 'pass' && p2 === undefined) return licencesUnreadable(ctx, P2);
    return outcome;
  },
};

const USER_RISK: Record<'cis' | 'cisa', CaRequirement> = {
  cis: {
    scope: 'allUsers',
    grant: ['block', 'passwordChange'],
    userRiskLevels: ['high'],
    goal: 'blocks high-risk users or makes them change their password after MFA',
  },
  cisa: {
    scope: 'allUsers',
    grant: 'block',
    userRiskLevels: ['high'],
    goal: 'blocks high-risk users',
  },
};

export const CA_008: Check = {
  id: 'CA-008',
  title: 'Accounts that look compromised are blocked or must change password',
  family: 'CA',
  severity: 'high',
  requires: [],
  uses: ['conditionalAccessPolicies', 'subscribedSkus', 'users'],
  licences: [P2],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.2.2.6'],
    cisControls: ['6.3'],
    nistCsf: ['PR.AA-01'],
    scuba: ['MS.AAD.2.1v1'],
  },
  thresholds: {
    cis: 'High-risk users must be blocked, or change their password after MFA',
    cisa: 'High-risk users must be blocked',
  },
  content: {
    why: "When Microsoft finds a staff member's password in a leak or sees signs the account is taken over, it marks the user as high risk. Without a policy, the attacker keeps using the account until someone notices by hand.",
    steps: [
      {
        text: 'Open Entra admin center › Conditional Access › Policies and select "+ New policy".',
        link: LINKS.caPolicies,
      },
      { text: 'Users: Include "All users". Exclude only your break-glass accounts.' },
      {
        text: 'Target resources: "All resources". Conditions › User risk: Configure "Yes" and tick "High".',
      },
      {
        text: 'Grant: "Require multifactor authentication" and "Require password change" with "Require all the selected controls" (or "Block access"). Session: Sign-in frequency "Every time". Enable policy: On.',
      },
    ],
    verify:
      'Open Entra admin center › Protection › Identity Protection › Risky users: risky users are remediated by the policy.',
    userImpact:
      'Only someone whose account looks compromised is asked to prove it is them and pick a new password.',
    effortMinutes: 15,
    learnMore: [LEARN.caUserRisk],
  },
  evaluate(ctx) {
    const read = readCaPolicies(ctx);
    if ('outcome' in read) return read.outcome;
    const p2 = hasEntraP2(ctx);
    if (p2 === false) return notLicensed(P2, 'acting on risky users');
    const requirement = USER_RISK[ctx.profile];
    const outcome = caOutcome(
      assessConditionalAccess(read.policies, requirement, ctx),
      requirement,
      policySummary(read.policies),
    );
    if (outcome.verdict !== 'pass' && p2 === undefined) return licencesUnreadable(ctx, P2);
    return outcome;
  },
};

/** CIS 5.2.2.4: at most 4 hours; CIS allows 24 hours where Entra ID P2 (PIM) is in use. */
const ADMIN_SESSION_HOURS = { default: 4, withP2: 24 } as const;

function adminSessionRequirement(maxHours: number): CaRequirement {
  return {
    scope: 'privilegedRoles',
    grant: 'any',
    session: { maxSignInFrequencyHours: maxHours, persistentBrowserNever: true },
    goal: `makes admins in every admin role sign in again at least every ${maxHours} hours and never keeps their browsers signed in`,
  };
}

export const CA_009: Check = {
  id: 'CA-009',
  title: 'Admin sessions expire and browsers do not stay signed in',
  family: 'CA',
  severity: 'medium',
  requires: [],
  uses: ['conditionalAccessPolicies', 'subscribedSkus', 'users'],
  licences: [P1],
  permissions: ['Policy.Read.All'],
  mappings: { cisM365: ['v5:5.2.2.4'], cisControls: ['4.3'], nistCsf: ['PR.AA-03'], scuba: [] },
  thresholds: {
    cis: 'Admins sign in again at least every 4 hours (24 hours on tenants with Entra ID P2), and browser sessions are never persistent',
    cisa: 'No SCuBA equivalent, so the CIS limit applies: every 4 hours (24 hours with Entra ID P2), browser sessions never persistent',
  },
  content: {
    why: 'Attackers who steal a browser cookie from an admin can use it for days without a password or MFA. Making admins sign in again every few hours, and never staying signed in on a browser, shrinks how long a stolen session is worth anything.',
    steps: [
      {
        text: 'Open Entra admin center › Conditional Access › Policies and open your admin MFA policy (or create one for the eight admin roles).',
        link: LINKS.caPolicies,
      },
      {
        text: 'Check Target resources is "All resources". Session: tick "Sign-in frequency", choose "Periodic reauthentication" and 4 hours.',
      },
      {
        text: 'Session: tick "Persistent browser session" and choose "Never persistent". Save, with Enable policy: On.',
      },
    ],
    verify:
      'Sign in as an admin, close the browser and reopen it: you are asked to sign in again. Run this scan again.',
    userImpact: 'Admins sign in a few more times per day. Staff are not affected.',
    effortMinutes: 10,
    learnMore: [LEARN.caSessionLifetime],
  },
  evaluate(ctx) {
    const maxHours =
      hasEntraP2(ctx) === true ? ADMIN_SESSION_HOURS.withP2 : ADMIN_SESSION_HOURS.default;
    return judge(ctx, adminSessionRequirement(maxHours));
  },
};

const TOKEN_PROTECTION: CaRequirement = {
  scope: 'privilegedRoles',
  grant: 'any',
  applications: TOKEN_PROTECTION_APPS,
  platforms: ['windows'],
  clientAppTypes: ['mobileAppsAndDesktopClients'],
  session: { tokenProtection: true },
  goal: 'turns on token protection for Exchange, SharePoint and Teams on Windows for every admin role',
};

export const CA_010: Check = {
  id: 'CA-010',
  title: 'Sign-in sessions are tied to the device (token protection)',
  family: 'CA',
  severity: 'medium',
  requires: [],
  uses: ['conditionalAccessPolicies', 'subscribedSkus', 'users'],
  licences: [P1],
  permissions: ['Policy.Read.All'],
  mappings: { cisM365: ['v7:5.2.2.16'], cisControls: ['6.5'], nistCsf: ['PR.AA-04'], scuba: [] },
  content: {
    why: 'Malware on a PC can copy the sign-in token that keeps someone logged in, and the attacker replays it from their own computer, with no password or MFA needed. Token protection ties that token to the device it was issued to, so a copy is useless elsewhere.',
    steps: [
      {
        text: 'Make sure admins use Windows 10 or 11 PCs joined or registered to Entra ID, with current Outlook, Teams and OneDrive apps.',
      },
      {
        text: 'Open Entra admin center › Conditional Access › Policies and select "+ New policy". Users: Include "Directory roles" with the eight admin roles (or All users). Exclude break-glass accounts.',
        link: LINKS.caPolicies,
      },
      {
        text: 'Target resources: select "Office 365 Exchange Online", "Office 365 SharePoint Online" and "Microsoft Teams Services". Conditions › Device platforms: Windows. Client apps: "Mobile apps and desktop clients" only.',
      },
      {
        text: 'Session: tick "Require token protection for sign-in sessions". Start in Report-only, check the sign-in logs for a week, then set Enable policy to On.',
      },
    ],
    verify:
      'In Entra admin center › Sign-in logs, admin sign-ins to Exchange, SharePoint and Teams from Windows show the policy as "Success". Run this scan again.',
    userImpact:
      'Admins on supported Windows PCs notice nothing; unsupported apps or unregistered PCs are refused until updated.',
    effortMinutes: 45,
    learnMore: [LEARN.caTokenProtection],
  },
  evaluate: (ctx) => judge(ctx, TOKEN_PROTECTION),
};

const MANAGED_DEVICE: CaRequirement = {
  scope: 'allUsers',
  grant: 'compliantDevice',
  goal: 'requires a compliant or hybrid-joined device for every user on every app',
};

export const CA_011: Check = {
  id: 'CA-011',
  title: 'Only managed devices can open company data',
  family: 'CA',
  severity: 'medium',
  requires: [],
  uses: ['conditionalAccessPolicies', 'subscribedSkus', 'users'],
  licences: [P1, INTUNE],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.2.2.9'],
    cisControls: ['13.5'],
    nistCsf: ['PR.AA-03'],
    scuba: ['MS.AAD.3.7v1'],
  },
  content: {
    why: 'With a stolen password and MFA prompt, an attacker can read your email and patient files from any computer in the world. Requiring a company-managed device means only your own, updated and encrypted PCs and phones can open business data.',
    steps: [
      {
        text: 'Enroll your PCs and phones in Intune and create compliance policies: Intune admin center › Devices › Compliance.',
        link: LINKS.intuneCompliance,
      },
      {
        text: 'Check Intune admin center › Devices › All devices: every staff device shows "Compliant" before you continue.',
      },
      {
        text: 'Open Entra admin center › Conditional Access › Policies › "+ New policy". Users: All users, excluding break-glass accounts. Target resources: All resources.',
        link: LINKS.caPolicies,
      },
      {
        text: 'Grant: "Require device to be marked as compliant" (and optionally "Require Microsoft Entra hybrid joined device", with "Require one of the selected controls"). Start in Report-only, then set Enable policy to On.',
      },
    ],
    verify:
      'Try to open Outlook on the web from a personal computer: access is refused with a "device must be managed" message.',
    userImpact:
      'Staff can no longer check work email or files from personal or home devices unless they enroll them.',
    effortMinutes: 240,
    learnMore: [LEARN.caCompliantDevice],
  },
  evaluate(ctx) {
    const read = readCaPolicies(ctx);
    if ('outcome' in read) return read.outcome;
    const intune = hasServicePlan(ctx, new Set([INTUNE_PLAN]));
    if (intune === false)
      return notLicensed('Microsoft Intune', 'checking that devices are managed');
    const outcome = caOutcome(
      assessConditionalAccess(read.policies, MANAGED_DEVICE, ctx),
      MANAGED_DEVICE,
      policySummary(read.policies),
    );
    if (outcome.verdict !== 'pass' && intune === undefined) {
      return licencesUnreadable(ctx, 'Microsoft Intune');
    }
    return outcome;
  },
};

const SECURITY_INFO_DEVICE: CaRequirement = {
  scope: 'allUsers',
  grant: 'compliantDevice',
  userAction: REGISTER_SECURITY_INFO,
  goal: 'protects MFA registration for every user',
};
const SECURITY_INFO_LOCATION: CaRequirement = {
  scope: 'allUsers',
  grant: ['block', 'mfa', 'compliantDevice'],
  userAction: REGISTER_SECURITY_INFO,
  outsideTrustedLocations: true,
  goal: 'protects MFA registration for every user',
};

export const CA_012: Check = {
  id: 'CA-012',
  title: 'Setting up MFA is only possible from a trusted device or place',
  family: 'CA',
  severity: 'medium',
  requires: [],
  uses: ['conditionalAccessPolicies', 'subscribedSkus', 'users'],
  licences: [P1],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.2.2.10'],
    cisControls: ['6.3'],
    nistCsf: ['PR.AA-02'],
    scuba: ['MS.AAD.3.8v1'],
  },
  content: {
    why: 'An attacker who learns a password for an account without MFA can register their own phone as its second factor, and from then on MFA works for them. Allowing MFA setup only from your office or a company device stops that.',
    steps: [
      {
        text: 'Mark your office internet address as trusted: Entra admin center › Conditional Access › Named locations › "+ IP ranges location", tick "Mark as trusted location".',
        link: LINKS.caNamedLocations,
      },
      {
        text: 'Open Conditional Access › Policies › "+ New policy". Users: All users, excluding break-glass accounts.',
        link: LINKS.caPolicies,
      },
      {
        text: 'Target resources: "User actions" › "Register security information". Conditions › Locations: Include "Any location", Exclude "All trusted networks and locations".',
      },
      {
        text: 'Grant: "Block access" (or "Require device to be marked as compliant" without the location condition if your devices are in Intune). Enable policy: On.',
      },
    ],
    verify:
      'From outside the office on a personal device, open https://aka.ms/mysecurityinfo and try to add a method: it is refused.',
    userImpact:
      'Staff set up or change their MFA methods at the office or on a company device. New starters can use a Temporary Access Pass.',
    effortMinutes: 20,
    learnMore: [LEARN.caSecurityInfo],
  },
  evaluate(ctx) {
    const read = readCaPolicies(ctx);
    if ('outcome' in read) return read.outcome;
    const assessment = mergeAssessments(
      assessConditionalAccess(read.policies, SECURITY_INFO_DEVICE, ctx),
      assessConditionalAccess(read.policies, SECURITY_INFO_LOCATION, ctx),
    );
    return caOutcome(assessment, SECURITY_INFO_DEVICE, policySummary(read.policies));
  },
};

interface ReferenceFinding {
  readonly policy: CaPolicy;
  readonly ref: PolicyReference;
}

const KIND_WORDS: Record<PolicyReference['kind'], string> = {
  user: 'user',
  group: 'group',
  role: 'role',
};
const KIND_SOURCES: Record<PolicyReference['kind'], SourceId> = {
  user: 'users',
  group: 'groups',
  role: 'roleDefinitions',
};

/** Lower-cased ids that exist, per kind; `undefined` for a kind whose list was not read. */
function directoryIds(
  ctx: EvaluationContext,
): Record<PolicyReference['kind'], Set<string> | undefined> {
  const read = (source: SourceId) => ctx.snapshot.sources[source]?.ok === true;
  const users = read('users') ? parseSource(ctx, 'users', usersSchema) : undefined;
  const groups = read('groups') ? parseSource(ctx, 'groups', groupsSchema) : undefined;
  const roles = read('roleDefinitions')
    ? parseSource(ctx, 'roleDefinitions', roleDefinitionsSchema)
    : undefined;
  return {
    user: users ? new Set(users.map((u) => u.id.toLowerCase())) : undefined,
    group: groups ? new Set(groups.map((g) => g.id.toLowerCase())) : undefined,
    // Policies name roles by template id; built-in roles can never be deleted.
    role: roles
      ? new Set([
          ...Object.keys(PRIVILEGED_ROLES),
          ...roles.flatMap((r) => [r.id, r.templateId ?? r.id]).map((id) => id.toLowerCase()),
        ])
      : undefined,
  };
}

export const CA_013: Check = {
  id: 'CA-013',
  title: 'Conditional Access policies name no deleted accounts and leave no one uncovered',
  family: 'CA',
  severity: 'low',
  requires: [],
  uses: ['conditionalAccessPolicies', 'users', 'groups', 'roleDefinitions', 'subscribedSkus'],
  licences: [P1],
  permissions: [
    'Policy.Read.All',
    'User.Read.All',
    'GroupMember.Read.All',
    'RoleManagement.Read.Directory',
  ],
  mappings: { cisM365: [], cisControls: ['4.1'], nistCsf: ['PR.PS-01'], scuba: [] },
  content: {
    why: 'Policies that still name deleted users or groups are hard to read and easy to get wrong: a recreated group may not be the one you meant. People left out of a policy with no other policy protecting them are a quiet gap attackers look for.',
    steps: [
      {
        text: 'Open Entra admin center › Conditional Access › Policies and open each policy named in this finding.',
        link: LINKS.caPolicies,
      },
      {
        text: 'Under Users, remove entries shown as deleted or unknown objects, and save.',
      },
      {
        text: 'For each account left out on purpose (such as a scanner), create a narrow policy that still protects it, for example one that only allows it from your office location, or remove the exclusion.',
      },
      {
        text: "Record intended exclusions, such as break-glass accounts, in this app's tenant settings so they are not reported again.",
      },
    ],
    verify: 'Run this scan again: no deleted objects and no uncovered exclusions are listed.',
    userImpact: 'None; this tidies policies without changing who can sign in.',
    effortMinutes: 30,
    learnMore: [LEARN.caPlanning],
  },
  evaluate(ctx) {
    const read = readCaPolicies(ctx);
    if ('outcome' in read) return read.outcome;
    const { policies } = read;
    const known = directoryIds(ctx);
    const dangling: ReferenceFinding[] = [];
    const unchecked = new Set<PolicyReference['kind']>();
    for (const policy of policies) {
      for (const ref of policyReferences(policy)) {
        const ids = known[ref.kind];
        if (!ids) unchecked.add(ref.kind);
        else if (!ids.has(ref.id.toLowerCase())) dangling.push({ policy, ref });
      }
    }
    const danglingIds = new Set(dangling.map((d) => d.ref.id.toLowerCase()));

    // Exclusions no other enabled policy names explicitly (break-glass accounts are intended).
    const enabled = policies.filter((p) => p.state === 'enabled');
    const breakGlass = breakGlassIds(ctx);
    const included = (policy: CaPolicy, id: string) => {
      const users = policy.conditions?.users;
      return [...(users?.includeUsers ?? []), ...(users?.includeGroups ?? [])].some(
        (x) => x.toLowerCase() === id.toLowerCase(),
      );
    };
    const uncovered: ReferenceFinding[] = [];
    for (const policy of enabled) {
      for (const ref of policyReferences(policy)) {
        if (ref.list !== 'exclude' || ref.kind === 'role') continue;
        const id = ref.id.toLowerCase();
        if (breakGlass.has(id) || danglingIds.has(id)) continue;
        if (!enabled.some((other) => other !== policy && included(other, ref.id))) {
          uncovered.push({ policy, ref });
        }
      }
    }

    const directory = usersById(ctx);
    const label = (ref: PolicyReference) =>
      ref.kind === 'user'
        ? describeUser(ref.id, directory).displayName
        : ref.kind === 'role'
          ? roleName(ref.id)
          : `Group ${ref.id}`;
    const evidence = [
      { source: 'conditionalAccessPolicies' as const, summary: policySummary(policies) },
      ...(['user', 'group', 'role'] as const)
        .filter((k) => known[k])
        .map((k) => ({
          source: KIND_SOURCES[k],
          summary: `${known[k]?.size ?? 0} ${KIND_WORDS[k]} ids read to resolve policy references`,
        })),
    ];
    const missingKinds = [...unchecked].map((k) => `${KIND_WORDS[k]}s`);

    if (dangling.length) {
      const first = dangling[0]!;
      const also = missingKinds.length
        ? ` We could not check the ${missingKinds.join(' and ')} they name.`
        : '';
      return {
        verdict: 'fail',
        reason: `${dangling.length} ${dangling.length === 1 ? 'entry' : 'entries'} in your Conditional Access policies point to ${dangling.length === 1 ? 'an object that no longer exists' : 'objects that no longer exist'}, starting with a deleted ${KIND_WORDS[first.ref.kind]} in "${first.policy.displayName}".${also}`,
        affected: dangling.map(({ policy, ref }) => ({
          id: ref.id,
          displayName: `Deleted ${KIND_WORDS[ref.kind]} ${ref.id}`,
          detail: `${ref.list === 'include' ? 'included in' : 'excluded from'} "${policy.displayName}", but no longer exists`,
        })),
        evidence,
      };
    }
    if (unchecked.size) {
      const [kind] = [...unchecked];
      const source = KIND_SOURCES[kind!];
      const unknown = unknownFromSource(source, ctx.snapshot.sources[source]);
      return {
        ...unknown,
        reason: `Your policies name ${missingKinds.join(' and ')} we could not look up, so we cannot tell whether they still exist. ${unknown.reason}`,
        evidence: [...evidence, ...unknown.evidence],
      };
    }
    if (uncovered.length) {
      const first = uncovered[0]!;
      const where = `${label(first.ref)} is left out of "${first.policy.displayName}"`;
      return {
        verdict: 'warn',
        reason:
          uncovered.length === 1
            ? `${where}, and no other policy covers it.`
            : `${uncovered.length} accounts or groups are left out of enabled policies with no other policy covering them; for example, ${where}.`,
        affected: uncovered.map(({ policy, ref }) => ({
          id: ref.id,
          displayName: label(ref),
          detail: `excluded from "${policy.displayName}"; no other policy names it`,
        })),
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: `Every user, group and role your ${policies.length} Conditional Access policies name still exists, and every exclusion is a declared break-glass account or covered by another policy.`,
      affected: [],
      evidence,
    };
  },
};

export const CA_CHECKS: readonly Check[] = [
  CA_001,
  CA_002,
  CA_003,
  CA_004,
  CA_005,
  CA_006,
  CA_007,
  CA_008,
  CA_009,
  CA_010,
  CA_011,
  CA_012,
  CA_013,
];
