import type { Check } from './check';
import { authorizationPolicySchema } from './graph-shapes';
import { LEARN, LINKS } from './links';
import { parseSource } from './source-data';

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
    const raw = (ctx.snapshot.sources.authorizationPolicy as { data?: { defaultUserRolePermissions?: { permissionGrantPoliciesAssigned?: unknown } } })
      .data?.defaultUserRolePermissions?.permissionGrantPoliciesAssigned;
    if (!Array.isArray(raw)) {
      return {
        verdict: 'unknown',
        reasonCode: 'invalid_response',
        reason: 'Microsoft did not say which app consent rules apply to your users, so this could not be checked.',
        affected: [],
        evidence: [{ source: 'authorizationPolicy', summary: 'permissionGrantPoliciesAssigned missing' }],
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

export const APP_CHECKS: readonly Check[] = [APP_001, APP_002];
