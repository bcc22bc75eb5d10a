import type { Check } from './check';
import { authorizationPolicySchema, domainsSchema, sharepointSettingsSchema } from './graph-shapes';
import { LEARN, LINKS } from './links';
import { parseSource } from './source-data';

const NEVER_EXPIRES = 2147483647;

export const PWD_001: Check = {
  id: 'PWD-001',
  title: 'Passwords are not forced to expire',
  family: 'PWD',
  severity: 'low',
  requires: ['domains'],
  licences: [],
  permissions: ['Domain.Read.All'],
  mappings: {
    cisM365: ['v5:1.3.1'],
    cisControls: ['5.2'],
    nistCsf: ['PR.AA-01'],
    scuba: ['MS.AAD.6.1v1'],
  },
  content: {
    why: 'Forcing people to change passwords every few months makes them pick weaker, predictable ones ("Summer2025!"). Microsoft, NIST and CIS now advise long passwords that only change when there is a sign of compromise, together with MFA.',
    steps: [
      {
        text: 'Open Microsoft 365 admin center › Settings › Org settings › Security & privacy › Password expiration policy.',
        link: LINKS.passwordExpiry,
      },
      { text: 'Tick "Set passwords to never expire (recommended)" and save.' },
      {
        text: 'Make sure MFA is required for everyone (see the MFA checks) before relying on this.',
      },
    ],
    verify: 'Run this scan again: every managed domain shows passwords that never expire.',
    userImpact: 'People stop getting "your password expires soon" prompts.',
    effortMinutes: 5,
    learnMore: [LEARN.passwordExpiry],
  },
  evaluate(ctx) {
    const all = parseSource(ctx, 'domains', domainsSchema);
    if (!all.length) {
      return {
        verdict: 'unknown',
        reasonCode: 'invalid_response',
        reason:
          'Microsoft returned no domains at all (every tenant has at least one), so this could not be checked.',
        affected: [],
        evidence: [{ source: 'domains', summary: 'empty domain list' }],
      };
    }
    const domains = all.filter(
      (d) => d.isVerified !== false && (d.authenticationType ?? 'Managed') === 'Managed',
    );
    const evidence = [
      { source: 'domains' as const, summary: `${domains.length} verified managed domain(s)` },
    ];
    if (!domains.length) {
      return {
        verdict: 'not_applicable',
        reasonCode: 'not_in_use',
        reason:
          'Passwords are managed outside Microsoft 365 (federated sign-in), so this setting does not apply.',
        affected: [],
        evidence,
      };
    }
    const expiring = domains.filter(
      (d) =>
        d.passwordValidityPeriodInDays != null && d.passwordValidityPeriodInDays < NEVER_EXPIRES,
    );
    if (expiring.length) {
      return {
        verdict: 'fail',
        reason: `Passwords are forced to expire on ${expiring.length} of your ${domains.length} domain(s).`,
        affected: expiring.map((d) => ({
          id: d.id,
          displayName: d.id,
          detail: `passwords expire every ${d.passwordValidityPeriodInDays} days`,
        })),
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: 'Passwords never expire on any of your domains.',
      affected: [],
      evidence,
    };
  },
};

const GUEST_ROLE = {
  restricted: '2af84b1e-32c8-42b7-82bc-daa82404023b',
  limited: '10dae51f-b6af-4016-8d66-8c2a99b929b3',
  member: 'a0b1b346-4d3e-4e8b-98f8-753987be4970',
} as const;

const GUEST_ROLE_WORDS: Record<string, string> = {
  [GUEST_ROLE.restricted]: 'guests can see only their own profile',
  [GUEST_ROLE.limited]: 'guests can see the names of other users and groups',
  [GUEST_ROLE.member]: 'guests can see as much of your directory as your own staff',
};

export const GST_001: Check = {
  id: 'GST-001',
  title: 'Guests can see only their own directory details',
  family: 'GST',
  severity: 'medium',
  requires: ['authorizationPolicy'],
  licences: [],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.1.6.2'],
    cisControls: ['3.3'],
    nistCsf: ['PR.AA-05'],
    scuba: ['MS.AAD.8.1v1'],
  },
  thresholds: {
    cis: 'most restrictive guest access',
    cisa: 'limited or most restrictive guest access',
  },
  content: {
    why: 'Guests (an accountant, a supplier) can browse your staff list, groups and their members by default. If a guest account is taken over, that list is a ready-made target list for phishing. Restricting guests keeps your directory private.',
    steps: [
      {
        text: 'Open Entra admin center › External Identities › External collaboration settings.',
        link: LINKS.externalCollaboration,
      },
      {
        text: 'Under "Guest user access", choose "Guest user access is restricted to properties and memberships of their own directory objects (most restrictive)".',
      },
      { text: 'Select Save.' },
    ],
    verify: 'Run this scan again; the setting shows as most restrictive.',
    userImpact:
      'Guests can no longer look up your staff in Teams or Outlook; collaboration in shared files and teams still works.',
    effortMinutes: 5,
    learnMore: [LEARN.guestAccess],
  },
  evaluate(ctx) {
    const policy = parseSource(ctx, 'authorizationPolicy', authorizationPolicySchema);
    const role = policy.guestUserRoleId ?? '';
    const allowed: string[] =
      ctx.profile === 'cisa'
        ? [GUEST_ROLE.restricted, GUEST_ROLE.limited]
        : [GUEST_ROLE.restricted];
    const words = GUEST_ROLE_WORDS[role] ?? 'guest access is set to a value we do not recognise';
    const evidence = [
      { source: 'authorizationPolicy' as const, summary: `guestUserRoleId ${role || '(not set)'}` },
    ];
    if (allowed.includes(role)) {
      return {
        verdict: 'pass',
        reason: `Guest access is restricted: ${words}.`,
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'fail',
      reason: `Guest access is too open: ${words}.`,
      affected: [],
      evidence,
    };
  },
};

const INVITE_WORDS: Record<string, string> = {
  none: 'nobody can invite guests',
  adminsAndGuestInviters: 'only admins and people with the Guest Inviter role can invite guests',
  adminsGuestInvitersAndAllMembers: 'every staff member can invite guests',
  everyone: 'everyone, including existing guests, can invite more guests',
};

export const GST_002: Check = {
  id: 'GST-002',
  title: 'Only admins can invite guests',
  family: 'GST',
  severity: 'medium',
  requires: ['authorizationPolicy'],
  licences: [],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.1.6.3'],
    cisControls: ['6.1'],
    nistCsf: ['PR.AA-05'],
    scuba: ['MS.AAD.8.2v1'],
  },
  content: {
    why: 'When anyone can invite outsiders, people end up with access nobody approved or remembers. A hijacked account can also invite an attacker in as a guest. Keeping invitations with admins means every outside person was let in on purpose.',
    steps: [
      {
        text: 'Open Entra admin center › External Identities › External collaboration settings.',
        link: LINKS.externalCollaboration,
      },
      {
        text: 'Under "Guest invite settings", choose "Only users assigned to specific admin roles can invite guest users".',
      },
      {
        text: 'Select Save. Give the "Guest Inviter" role to anyone who regularly needs to invite partners.',
        link: LINKS.roles,
      },
    ],
    verify: 'Run this scan again; invitations show as limited to admins.',
    userImpact: 'Staff ask an admin (or a Guest Inviter) to invite outside people.',
    effortMinutes: 5,
    learnMore: [LEARN.externalCollaboration],
  },
  evaluate(ctx) {
    const policy = parseSource(ctx, 'authorizationPolicy', authorizationPolicySchema);
    const value = policy.allowInvitesFrom ?? '';
    const words = INVITE_WORDS[value] ?? `guest invitations are set to "${value || 'not set'}"`;
    const evidence = [
      {
        source: 'authorizationPolicy' as const,
        summary: `allowInvitesFrom ${value || '(not set)'}`,
      },
    ];
    if (value === 'none' || value === 'adminsAndGuestInviters') {
      return {
        verdict: 'pass',
        reason: `Guest invitations are controlled: ${words}.`,
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'fail',
      reason: `Guest invitations are too open: ${words}.`,
      affected: [],
      evidence,
    };
  },
};

const SHARING_WORDS: Record<string, string> = {
  disabled: 'files can be shared only inside your organisation',
  existingExternalUserSharingOnly: 'files can be shared only with guests already in your directory',
  externalUserSharingOnly: 'files can be shared with outside people who sign in',
  externalUserAndGuestSharing: 'anyone with a link can open shared files, without signing in',
};

export const SPO_001: Check = {
  id: 'SPO-001',
  title: 'SharePoint and OneDrive sharing does not allow "Anyone" links',
  family: 'SPO',
  severity: 'high',
  requires: ['sharepointSettings'],
  licences: ['SharePoint Online'],
  permissions: ['SharePointTenantSettings.Read.All'],
  mappings: {
    cisM365: ['v5:7.2.3'],
    cisControls: ['3.3'],
    nistCsf: ['PR.AA-05'],
    scuba: ['MS.SHAREPOINT.1.1v1'],
  },
  thresholds: {
    cis: 'new and existing guests at most (no "Anyone" links)',
    cisa: 'existing guests only, or internal only',
  },
  content: {
    why: '"Anyone" links work for whoever gets hold of them: a forwarded email, a chat message, a search engine. Patient records, payroll or contracts shared that way can leak without any sign-in or trace of who opened them.',
    steps: [
      { text: 'Open SharePoint admin center › Policies › Sharing.', link: LINKS.sharepointSharing },
      {
        text: 'Move the SharePoint slider down to "New and existing guests" (or stricter); OneDrive follows automatically.',
      },
      { text: 'Select Save. Existing "Anyone" links stop working.' },
    ],
    verify: 'Try to share a file: the "Anyone with the link" option is gone.',
    userImpact: 'Outside people must sign in (a one-time code by email) to open shared files.',
    effortMinutes: 10,
    learnMore: [LEARN.sharepointSharing],
  },
  evaluate(ctx) {
    const settings = parseSource(ctx, 'sharepointSettings', sharepointSettingsSchema);
    const value = settings.sharingCapability;
    const allowed =
      ctx.profile === 'cisa'
        ? ['disabled', 'existingExternalUserSharingOnly']
        : ['disabled', 'existingExternalUserSharingOnly', 'externalUserSharingOnly'];
    const words = SHARING_WORDS[value] ?? `sharing is set to "${value}"`;
    const evidence = [
      { source: 'sharepointSettings' as const, summary: `sharingCapability ${value}` },
    ];
    if (allowed.includes(value)) {
      return {
        verdict: 'pass',
        reason: `External sharing is restricted: ${words}.`,
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'fail',
      reason: `External sharing is too open: ${words}.`,
      affected: [],
      evidence,
    };
  },
};

export const BASE_TENANT_CHECKS: readonly Check[] = [PWD_001, GST_001, GST_002, SPO_001];
