import { z } from 'zod';
import type { AffectedObject } from '../../shared/models/finding';
import type { Check, EvaluationContext, Outcome } from './check';
import { hasEntraP1 } from './directory';
import { authorizationPolicySchema } from './graph-shapes';
import { LEARN, LINKS } from './links';
import {
  parseOptionalSource,
  parseSource,
  UnexpectedShapeError,
  unknownFromSource,
} from './source-data';

const P1 = 'Microsoft Entra ID P1 (included in Microsoft 365 Business Premium)';
const DAY_MS = 24 * 60 * 60 * 1000;
/** A guest with no successful sign-in for longer than this is stale. */
const STALE_AFTER_DAYS = 90;
/** A guest who never signed in is stale once the invitation is older than this. */
const UNUSED_INVITE_DAYS = 30;

// --- Shapes ----------------------------------------------------------------------------------

/** `GET /beta/legacy/policies`: every legacy policy; `definition` holds JSON text. */
const legacyPoliciesSchema = z.array(
  z.looseObject({
    id: z.string().nullish(),
    displayName: z.string().nullish(),
    type: z.union([z.string(), z.number()]).nullish(),
    definition: z
      .array(z.string())
      .nullish()
      .transform((v) => v ?? []),
  }),
);
type LegacyPolicy = z.infer<typeof legacyPoliciesSchema>[number];

const domainListSchema = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

const guestUsersSchema = z.array(
  z.looseObject({
    id: z.string(),
    displayName: z.string().nullish(),
    userPrincipalName: z.string().nullish(),
    mail: z.string().nullish(),
    userType: z.string().nullish(),
    accountEnabled: z.boolean().nullish(),
    createdDateTime: z.string().nullish(),
  }),
);
type GuestUser = z.infer<typeof guestUsersSchema>[number];

const signInActivitySchema = z.array(
  z.looseObject({
    id: z.string(),
    signInActivity: z
      .looseObject({
        lastSignInDateTime: z.string().nullish(),
        lastNonInteractiveSignInDateTime: z.string().nullish(),
        lastSuccessfulSignInDateTime: z.string().nullish(),
      })
      .nullish(),
  }),
);
type SignInRecord = z.infer<typeof signInActivitySchema>[number];

// --- Helpers ---------------------------------------------------------------------------------

/** Looks a key up without caring about its case (the policy JSON is written by several tools). */
function field(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, v] of Object.entries(value)) if (key.toLowerCase() === wanted) return v;
  return undefined;
}

function isB2bPolicy(policy: LegacyPolicy): boolean {
  const type = policy.type;
  if (typeof type === 'number') return type === 6;
  if (typeof type === 'string' && type.toLowerCase() === 'b2bmanagementpolicy') return true;
  return policy.definition.some((d) => d.toLowerCase().includes('"b2bmanagementpolicy"'));
}

interface InvitationDomains {
  readonly allowed: string[];
  readonly blocked: string[];
}

/** The allow and block lists of the guest invitation policy; empty lists when none is set. */
function invitationDomains(policies: readonly LegacyPolicy[]): InvitationDomains {
  const allowed: string[] = [];
  const blocked: string[] = [];
  for (const policy of policies.filter(isB2bPolicy)) {
    for (const text of policy.definition) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new UnexpectedShapeError(
          'b2bManagementPolicy',
          'the guest invitation policy definition is not valid JSON',
        );
      }
      const lists = field(
        field(json, 'B2BManagementPolicy'),
        'InvitationsAllowedAndBlockedDomainsPolicy',
      );
      if (lists === undefined || lists === null) continue;
      const allow = domainListSchema.safeParse(field(lists, 'AllowedDomains'));
      const block = domainListSchema.safeParse(field(lists, 'BlockedDomains'));
      if (!allow.success || !block.success) {
        throw new UnexpectedShapeError(
          'b2bManagementPolicy',
          'the guest invitation domain lists are not lists of domains',
        );
      }
      allowed.push(...allow.data);
      blocked.push(...block.data);
    }
  }
  return { allowed: [...new Set(allowed)], blocked: [...new Set(blocked)] };
}

function listDomains(domains: readonly string[]): string {
  const shown = domains.slice(0, 5).join(', ');
  return domains.length > 5 ? `${shown} and ${domains.length - 5} more` : shown;
}

/** A guest's own email address, from `mail` or from the `_`-encoded guest UPN. */
function guestAddress(u: GuestUser): string | undefined {
  if (u.mail) return u.mail;
  const upn = u.userPrincipalName;
  if (!upn) return undefined;
  const local = upn.split('#EXT#')[0] ?? upn;
  const at = local.lastIndexOf('_');
  return at > 0 && upn.includes('#EXT#') ? `${local.slice(0, at)}@${local.slice(at + 1)}` : upn;
}

function guestLabel(u: GuestUser): string {
  const address = guestAddress(u);
  if (u.displayName && address) {
    // Guest names often already say where the person works: "Dana Whitfield (Whitfield CPA)".
    return u.displayName.includes('(')
      ? `${u.displayName}, ${address}`
      : `${u.displayName} (${address})`;
  }
  return u.displayName ?? address ?? u.id;
}

function parseDate(value: string, what: string): Date {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new UnexpectedShapeError('userSignInActivity', `${what} "${value}" is not a date`);
  }
  return new Date(time);
}

/** The last successful sign-in; `null` when the guest never signed in successfully. */
function lastSuccessfulSignIn(record: SignInRecord): Date | null {
  const activity = record.signInActivity;
  if (!activity) return null;
  // Graph records successful sign-ins separately since December 2023; trust that field when present.
  if (activity.lastSuccessfulSignInDateTime !== undefined) {
    return activity.lastSuccessfulSignInDateTime
      ? parseDate(activity.lastSuccessfulSignInDateTime, 'lastSuccessfulSignInDateTime')
      : null;
  }
  const dates = [activity.lastSignInDateTime, activity.lastNonInteractiveSignInDateTime]
    .filter((d): d is string => Boolean(d))
    .map((d) => parseDate(d, 'lastSignInDateTime'));
  if (!dates.length) return null;
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);

function noP1(evidence: Outcome['evidence']): Outcome {
  return {
    verdict: 'not_applicable',
    reasonCode: 'not_licensed',
    reason:
      'Microsoft shows when guests last signed in only to tenants with Microsoft Entra ID P1, which your licences do not include.',
    affected: [],
    evidence,
  };
}

// --- GST-003 ---------------------------------------------------------------------------------

export const GST_003: Check = {
  id: 'GST-003',
  title: 'Guests can be invited only from approved email domains',
  family: 'GST',
  severity: 'low',
  requires: ['b2bManagementPolicy'],
  uses: ['authorizationPolicy'],
  licences: [],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.1.6.1'],
    cisControls: ['6.1'],
    nistCsf: ['PR.AA-05'],
    scuba: ['MS.AAD.8.3v1'],
  },
  content: {
    why: 'When guests can be invited from any email address, a typo or a look-alike address (a fake copy of your dental lab’s domain) can be let into your files and Teams. A list of your real partners’ domains means invitations can only go to businesses you actually work with.',
    steps: [
      {
        text: 'Open Entra admin center › External Identities › External collaboration settings.',
        link: LINKS.externalCollaboration,
      },
      {
        text: 'Under "Collaboration restrictions", choose "Allow invitations only to the specified domains (most restrictive)".',
      },
      {
        text: 'Add the email domains of the partners you invite (for example your lab and your accountant), then select Save.',
      },
    ],
    verify:
      'Run this scan again; it shows an allow list. Inviting an address from another domain is refused.',
    userImpact:
      'Guests can be invited only from the listed domains; an admin adds a new partner’s domain first.',
    effortMinutes: 15,
    learnMore: [LEARN.guestDomains],
  },
  evaluate(ctx) {
    const policies = parseSource(ctx, 'b2bManagementPolicy', legacyPoliciesSchema);
    const { allowed, blocked } = invitationDomains(policies);
    const evidence = [
      {
        source: 'b2bManagementPolicy' as const,
        summary: `${allowed.length} allowed domain(s), ${blocked.length} blocked domain(s)`,
      },
    ];
    if (allowed.length) {
      return {
        verdict: 'pass',
        reason: `Guests can be invited only from ${allowed.length} approved domain(s): ${listDomains(allowed)}.`,
        affected: [],
        evidence,
      };
    }
    const invites = parseOptionalSource(ctx, 'authorizationPolicy', authorizationPolicySchema);
    if (invites?.allowInvitesFrom === 'none') {
      return {
        verdict: 'pass',
        reason:
          'Nobody in your organisation can invite guests, so a list of approved domains is not needed.',
        affected: [],
        evidence: [
          ...evidence,
          { source: 'authorizationPolicy' as const, summary: 'allowInvitesFrom none' },
        ],
      };
    }
    if (blocked.length) {
      return {
        verdict: 'warn',
        reason: `Guests can be invited from any domain except the ${blocked.length} you blocked (${listDomains(blocked)}); a list of approved domains is safer.`,
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'fail',
      reason: 'Guests can be invited from any email domain: there is no list of approved domains.',
      affected: [],
      evidence,
    };
  },
};

// --- GST-004 ---------------------------------------------------------------------------------

export const GST_004: Check = {
  id: 'GST-004',
  title: 'No guest accounts left unused for more than 90 days',
  family: 'GST',
  severity: 'low',
  requires: ['users'],
  uses: ['userSignInActivity', 'subscribedSkus'],
  licences: [P1],
  permissions: ['User.Read.All', 'AuditLog.Read.All', 'Organization.Read.All'],
  mappings: {
    cisM365: [],
    cisControls: ['5.3'],
    nistCsf: ['PR.AA-01'],
    scuba: [],
  },
  content: {
    why: 'Guest accounts often outlive the work they were made for. If a former partner’s email is later hacked, the attacker can still open your shared files and Teams through that forgotten guest account. Removing guests who no longer sign in closes that door.',
    steps: [
      {
        text: 'Open Entra admin center › Users › All users, filter "User type" to Guest and add the "Last sign-in" column.',
        link: LINKS.allUsers,
      },
      {
        text: 'For each guest this scan lists, ask the person who invited them whether they still need access.',
      },
      {
        text: 'Select the guests who no longer need access and choose Delete; for any you are unsure about, open the guest and turn off "Account enabled" instead.',
      },
      { text: 'Put a reminder in the calendar to repeat this review every three months.' },
    ],
    verify: 'Run this scan again: no guest is listed as unused.',
    userImpact:
      'Removed guests lose access to the files and teams shared with them; they can be invited again if needed.',
    effortMinutes: 15,
    learnMore: [LEARN.staleGuests],
  },
  evaluate(ctx) {
    const users = parseSource(ctx, 'users', guestUsersSchema);
    const guests = users.filter(
      (u) => u.userType?.toLowerCase() === 'guest' && u.accountEnabled !== false,
    );
    const evidence: Outcome['evidence'][number][] = [
      { source: 'users', summary: `${guests.length} enabled guest account(s)` },
    ];
    if (hasEntraP1(ctx) === false) {
      return noP1([
        ...evidence,
        { source: 'subscribedSkus', summary: 'no Entra ID P1 or P2 service plan' },
      ]);
    }
    if (!guests.length) {
      return {
        verdict: 'pass',
        reason: 'You have no enabled guest accounts.',
        affected: [],
        evidence,
      };
    }
    const activity = ctx.snapshot.sources.userSignInActivity;
    if (activity && !activity.ok && activity.error.kind === 'not_licensed') return noP1(evidence);
    if (!activity?.ok) return unknownFromSource('userSignInActivity', activity);
    return staleGuests(ctx, guests, evidence);
  },
};

function staleGuests(
  ctx: EvaluationContext,
  guests: readonly GuestUser[],
  evidence: Outcome['evidence'][number][],
): Outcome {
  const records = new Map(
    parseSource(ctx, 'userSignInActivity', signInActivitySchema).map((r) => [r.id, r]),
  );
  const stale: AffectedObject[] = [];
  let missing = 0;
  for (const guest of guests) {
    const record = records.get(guest.id);
    if (!record) {
      missing += 1;
      continue;
    }
    const label = { id: guest.id, displayName: guestLabel(guest) };
    const last = lastSuccessfulSignIn(record);
    if (last) {
      const idle = daysBetween(last, ctx.now);
      if (idle > STALE_AFTER_DAYS) {
        stale.push({ ...label, detail: `last signed in ${day(last)} (${idle} days ago)` });
      }
      continue;
    }
    const created = guest.createdDateTime
      ? parseDate(guest.createdDateTime, 'createdDateTime')
      : undefined;
    if (!created) {
      stale.push({ ...label, detail: 'has never signed in' });
    } else if (daysBetween(created, ctx.now) > UNUSED_INVITE_DAYS) {
      stale.push({
        ...label,
        detail: `has never signed in since being invited on ${day(created)}`,
      });
    }
  }
  const allEvidence = [
    ...evidence,
    {
      source: 'userSignInActivity' as const,
      summary: `sign-in dates for ${guests.length - missing} of ${guests.length} guest(s)`,
    },
  ];
  if (stale.length) {
    return {
      verdict: 'fail',
      reason: `${stale.length} of your ${guests.length} guest account(s) have not been used for more than ${STALE_AFTER_DAYS} days.`,
      affected: stale,
      evidence: allEvidence,
    };
  }
  if (missing) {
    return {
      verdict: 'unknown',
      reasonCode: 'not_found',
      reason: `Microsoft did not return sign-in dates for ${missing} of your ${guests.length} guests, so we could not tell whether they are still in use.`,
      affected: [],
      evidence: allEvidence,
    };
  }
  return {
    verdict: 'pass',
    reason: `All ${guests.length} of your guest account(s) signed in within the last ${STALE_AFTER_DAYS} days.`,
    affected: [],
    evidence: allEvidence,
  };
}

/** Guests (GST-003 onwards). */
export const GUEST_CHECKS: readonly Check[] = [GST_003, GST_004];
