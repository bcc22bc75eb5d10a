import type { AffectedObject } from '../../shared/models/finding';
import type { Check, EvaluationContext } from './check';
import {
  describeUser,
  friendlySkuName,
  GLOBAL_ADMIN,
  isEntraOnlySku,
  isEntraOnlySkuId,
  principalKind,
  privilegedAssignments,
  roleName,
  skuNames,
  userLabel,
  usersById,
} from './directory';
import { roleAssignmentsSchema, usersSchema, type GraphUser } from './graph-shapes';
import { LEARN, LINKS } from './links';
import { parseSource } from './source-data';

const STORM_SEPARATE_ADMINS =
  'CISA and the FBI advised separating admin accounts from everyday user accounts after Storm-0558, so a phished or token-stolen mailbox does not hand over the tenant.';

const GA_RANGE = { cis: { min: 2, max: 4 }, cisa: { min: 2, max: 8 } } as const;

export const ADM_001: Check = {
  id: 'ADM-001',
  title: 'Between two and four Global Administrators',
  family: 'ADM',
  severity: 'high',
  requires: ['roleAssignments'],
  uses: ['users'],
  licences: [],
  permissions: ['RoleManagement.Read.Directory'],
  mappings: {
    cisM365: ['v5:1.1.3'],
    cisControls: ['5.4'],
    nistCsf: ['PR.AA-05'],
    scuba: ['MS.AAD.7.1v1'],
  },
  thresholds: { cis: '2 to 4 Global Administrators', cisa: '2 to 8 Global Administrators' },
  content: {
    why: 'A Global Administrator can do anything in your tenant. Every extra one is another account an attacker can phish to take over the business. Having only one is risky too: if that person is away or locked out, nobody can fix things.',
    steps: [
      {
        text: 'Open Entra admin center › Roles & admins › Global Administrator › Assignments.',
        link: LINKS.roles,
      },
      {
        text: 'For each person, ask: do they need full control, or would a narrower role (User, Exchange, SharePoint Administrator) do?',
      },
      {
        text: 'Select the people who do not need it and choose "Remove assignment"; give them the narrower role instead.',
      },
      { text: 'Keep at least two: one named admin plus one emergency (break-glass) account.' },
    ],
    verify: 'The Global Administrator assignments list shows between 2 and 4 entries.',
    userImpact: 'People who lose Global Administrator keep the narrower role they actually use.',
    effortMinutes: 20,
    learnMore: [LEARN.privilegedAccess, LEARN.emergencyAccess],
  },
  evaluate(ctx) {
    const assignments = parseSource(ctx, 'roleAssignments', roleAssignmentsSchema).filter(
      (a) => a.roleDefinitionId === GLOBAL_ADMIN && (a.directoryScopeId ?? '/') === '/',
    );
    const users = usersById(ctx);
    const userIds = [
      ...new Set(assignments.filter((a) => principalKind(a) === 'user').map((a) => a.principalId)),
    ];
    const groups = assignments.filter((a) => principalKind(a) === 'group');
    const count = userIds.length;
    const range = GA_RANGE[ctx.profile];
    const affected: AffectedObject[] = [
      ...userIds.map((id) => {
        const principal = assignments.find((a) => a.principalId === id)?.principal;
        return users?.get(id)
          ? describeUser(id, users, 'Global Administrator')
          : {
              id,
              displayName: principal?.userPrincipalName ?? principal?.displayName ?? id,
              detail: 'Global Administrator',
            };
      }),
      ...groups.map((g) => ({
        id: g.principalId,
        displayName: g.principal?.displayName ?? g.principalId,
        detail: 'group holding Global Administrator',
      })),
    ];
    const groupNote = groups.length
      ? ` Members of ${groups.length} group(s) that hold the role are not counted.`
      : '';
    const evidence = [
      { source: 'roleAssignments' as const, summary: `${count} user(s) hold Global Administrator` },
    ];
    if (count < range.min) {
      return {
        verdict: 'fail',
        reason: `Only ${count} account(s) hold Global Administrator; keep at least ${range.min} so nobody gets locked out.${groupNote}`,
        affected,
        evidence,
      };
    }
    if (count > range.max) {
      return {
        verdict: 'fail',
        reason: `${count} accounts hold Global Administrator; keep no more than ${range.max}.${groupNote}`,
        affected,
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: `${count} accounts hold Global Administrator, within the recommended ${range.min} to ${range.max}.${groupNote}`,
      affected,
      evidence,
    };
  },
};

const NO_ADMINS_FOUND = {
  verdict: 'unknown',
  reasonCode: 'invalid_response',
  reason:
    'We found nobody holding an admin role, which every tenant has, so the role list we read looks incomplete.',
  affected: [],
  evidence: [{ source: 'roleAssignments', summary: 'no user holds a highly privileged role' }],
} as const;

/** An admin we cannot look up cannot be judged: the whole check is unknown, never a pass. */
function adminsNotInUserList(missing: readonly string[], total: number) {
  return {
    verdict: 'unknown',
    reasonCode: 'invalid_response',
    reason: `${missing.length} of your ${total} admin account(s) were missing from the user list we read, so this could not be checked.`,
    affected: missing.map((id) => ({ id, displayName: id, detail: 'admin not found in the user list' })),
    evidence: [{ source: 'users', summary: `${missing.length} admin(s) not in the user list` }],
  } as const;
}

/** Users holding a highly privileged role, with the roles each holds. */
function privilegedUsers(ctx: EvaluationContext): Map<string, string[]> {
  const assignments = privilegedAssignments(
    parseSource(ctx, 'roleAssignments', roleAssignmentsSchema),
  );
  const byUser = new Map<string, string[]>();
  for (const a of assignments) {
    if (principalKind(a) !== 'user') continue;
    byUser.set(a.principalId, [...(byUser.get(a.principalId) ?? []), roleName(a.roleDefinitionId)]);
  }
  return byUser;
}

export const ADM_002: Check = {
  id: 'ADM-002',
  title: 'Admin accounts are cloud-only, not synced from the office network',
  family: 'ADM',
  severity: 'high',
  requires: ['roleAssignments', 'users'],
  licences: [],
  permissions: ['RoleManagement.Read.Directory', 'User.Read.All'],
  mappings: {
    cisM365: ['v5:1.1.1'],
    cisControls: ['5.4'],
    nistCsf: ['PR.AA-05'],
    scuba: ['MS.AAD.7.3v1'],
  },
  stormLesson: STORM_SEPARATE_ADMINS,
  content: {
    why: 'If an admin account is copied from your office server (Active Directory), anyone who breaks into that server can take over Microsoft 365 too. Cloud-only admin accounts keep a break-in at the office from spreading to your email and files.',
    steps: [
      {
        text: 'Open Microsoft 365 admin center › Users › Active users › Add a user, and create a cloud-only admin account (for example admin-name@yourcompany.onmicrosoft.com) with no licence.',
        link: LINKS.activeUsers,
      },
      {
        text: 'Open Entra admin center › Roles & admins, and give the new account the roles the synced account holds.',
        link: LINKS.roles,
      },
      {
        text: 'Remove the roles from the synced account, then sign in with the new account to confirm it works.',
      },
    ],
    verify: 'Run this scan again: no admin account is listed as synced.',
    userImpact: 'Admins use a separate sign-in for admin work.',
    effortMinutes: 20,
    learnMore: [LEARN.privilegedAccess, LEARN.storm0558],
  },
  evaluate(ctx) {
    const admins = privilegedUsers(ctx);
    if (admins.size === 0) return NO_ADMINS_FOUND;
    const users = new Map(parseSource(ctx, 'users', usersSchema).map((u) => [u.id, u]));
    const synced: AffectedObject[] = [];
    const missing = [...admins.keys()].filter((id) => !users.has(id));
    if (missing.length) return adminsNotInUserList(missing, admins.size);
    for (const [id, roles] of admins) {
      const u = users.get(id);
      if (u && (u.onPremisesSyncEnabled === true || Boolean(u.onPremisesImmutableId))) {
        synced.push(describeUser(id, users, `synced from on-premises; holds ${roles.join(', ')}`));
      }
    }
    const evidence = [
      {
        source: 'roleAssignments' as const,
        summary: `${admins.size} user(s) hold highly privileged roles`,
      },
    ];
    if (synced.length) {
      return {
        verdict: 'fail',
        reason: `${synced.length} of your ${admins.size} admin account(s) are synced from your office network instead of living only in the cloud.`,
        affected: synced,
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: `All ${admins.size} admin account(s) are cloud-only.`,
      affected: [],
      evidence,
    };
  },
};

function productivityLicences(u: GraphUser, names: Map<string, string> | undefined): string[] {
  return u.assignedLicenses
    .filter((l) => !isEntraOnlySkuId(l.skuId))
    .map((l) => names?.get(l.skuId) ?? l.skuId)
    .filter((name) => !isEntraOnlySku(name));
}

function hasMailbox(u: GraphUser): boolean {
  return u.provisionedPlans.some(
    (p) =>
      p.service?.toLowerCase() === 'exchange' && (p.capabilityStatus ?? 'Enabled') === 'Enabled',
  );
}

export const ADM_003: Check = {
  id: 'ADM-003',
  title: 'Admins use separate admin accounts with no mailbox',
  family: 'ADM',
  severity: 'high',
  requires: ['roleAssignments', 'users'],
  uses: ['subscribedSkus'],
  licences: [],
  permissions: ['RoleManagement.Read.Directory', 'User.Read.All', 'Organization.Read.All'],
  mappings: { cisM365: ['v5:1.1.4'], cisControls: ['5.4'], nistCsf: ['PR.AA-05'], scuba: [] },
  stormLesson: STORM_SEPARATE_ADMINS,
  content: {
    why: 'An admin who reads email with the admin account can be tricked by one phishing message into handing over the whole tenant. In the Storm-0558 attack, stolen access to mailboxes was the goal. A separate admin account with no mailbox keeps everyday email away from admin power.',
    steps: [
      {
        text: 'For each person listed, open Microsoft 365 admin center › Users › Active users › Add a user and create an admin-only account (for example admin-megan@yourcompany.onmicrosoft.com) without a licence.',
        link: LINKS.activeUsers,
      },
      {
        text: 'Open Entra admin center › Roles & admins and give the new account the admin roles.',
        link: LINKS.roles,
      },
      {
        text: 'Remove the admin roles from the everyday account, which keeps its mailbox and licence.',
      },
      { text: 'Use the admin account only in a separate browser profile, for admin work.' },
    ],
    verify: 'Run this scan again: no admin account is listed with a mailbox or an Office licence.',
    userImpact: 'Admins sign in with a second account when doing admin work.',
    effortMinutes: 30,
    learnMore: [LEARN.privilegedAccess, LEARN.storm0558],
  },
  evaluate(ctx) {
    const admins = privilegedUsers(ctx);
    if (admins.size === 0) return NO_ADMINS_FOUND;
    const users = new Map(parseSource(ctx, 'users', usersSchema).map((u) => [u.id, u]));
    const names = skuNames(ctx);
    const mixed: AffectedObject[] = [];
    const missing = [...admins.keys()].filter((id) => !users.has(id));
    if (missing.length) return adminsNotInUserList(missing, admins.size);
    for (const [id, roles] of admins) {
      const u = users.get(id);
      if (!u) continue;
      const licences = productivityLicences(u, names);
      const mailbox = hasMailbox(u);
      if (mailbox || licences.length) {
        const what = [
          mailbox ? 'has a mailbox' : '',
          licences.length ? `licensed for ${licences.map(friendlySkuName).join(', ')}` : '',
        ]
          .filter(Boolean)
          .join(' and ');
        mixed.push({ id, displayName: userLabel(u), detail: `${what}; holds ${roles.join(', ')}` });
      }
    }
    const evidence = [
      {
        source: 'users' as const,
        summary: `${admins.size} admin account(s) checked for mailboxes and licences`,
      },
    ];
    if (mixed.length) {
      return {
        verdict: 'fail',
        reason: `${mixed.length} of your ${admins.size} admin account(s) are also everyday accounts with email or Office licences.`,
        affected: mixed,
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: `All ${admins.size} admin account(s) are dedicated: no mailbox and no Office licence.`,
      affected: [],
      evidence,
    };
  },
};

export const ADM_CHECKS: readonly Check[] = [ADM_001, ADM_002, ADM_003];
