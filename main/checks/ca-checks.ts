import type { Check, EvaluationContext, Outcome } from './check';
import {
  assessConditionalAccess,
  caOutcome,
  policySummary,
  type CaRequirement,
} from './conditional-access';
import { hasEntraP1 } from './directory';
import { caPoliciesSchema, securityDefaultsSchema } from './graph-shapes';
import { LEARN, LINKS } from './links';
import { parseOptionalSource, parseSource, unknownFromSource } from './source-data';

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
const CA_SOURCE_OPTIONAL = ['conditionalAccessPolicies', 'subscribedSkus', 'users', 'securityDefaults'] as const;

function evaluateRequirement(ctx: EvaluationContext, requirement: CaRequirement): Outcome {
  const notLicensed = withoutP1(ctx);
  if (notLicensed) return notLicensed;
  const read = ctx.snapshot.sources.conditionalAccessPolicies;
  if (!read?.ok) {
    if (read?.error.kind === 'not_licensed') return { ...NO_P1, evidence: [{ source: 'conditionalAccessPolicies', summary: 'Microsoft refused the read: no Entra ID P1' }] };
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

export const CA_CHECKS: readonly Check[] = [CA_001, CA_002, CA_003, CA_005];
