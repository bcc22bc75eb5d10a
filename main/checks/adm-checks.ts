import type { z } from 'zod';
import type { AffectedObject } from '../../shared/models/finding';
import type { Profile } from '../../shared/models/profile';
import type { SourceId } from '../../shared/models/sources';
import {
  roleManagementPolicyAssignmentsSchema,
  roleScheduleInstancesSchema,
  userRegistrationDetailsSchema,
  userSignInActivitySchema,
  type RoleManagementPolicyAssignment,
  type RoleManagementPolicyRule,
  type RoleScheduleInstance,
  type UserSignInActivity,
} from './adm-shapes';
import { applicationsSchema, servicePrincipalsSchema } from './app-shapes';
import type { Check, EvaluationContext, Outcome } from './check';
import {
  breakGlassIds,
  describeUser,
  friendlySkuName,
  GLOBAL_ADMIN,
  hasEntraP1,
  isEntraOnlySku,
  isEntraOnlySkuId,
  principalKind,
  PRIVILEGED_ROLES,
  privilegedAssignments,
  roleName,
  skuNames,
  userLabel,
  usersById,
} from './directory';
import {
  caPoliciesSchema,
  roleAssignmentsSchema,
  skusSchema,
  usersSchema,
  type CaPolicy,
  type GraphSku,
  type GraphUser,
} from './graph-shapes';
import { LEARN, LINKS } from './links';
import { parseOptionalSource, parseSource, unknownFromSource } from './source-data';

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
    affected: missing.map((id) => ({
      id,
      displayName: id,
      detail: 'admin not found in the user list',
    })),
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

// ---------------------------------------------------------------------------------------------
// Privileged Identity Management (Entra ID P2): ADM-004, ADM-005, ADM-006

const PRIVILEGED_ROLE_ADMIN = 'e8611ab8-c189-46e8-94e1-60213ab1f814';
const P2_LICENCE = 'Microsoft Entra ID P2 (or Microsoft Entra ID Governance)';
const P2_PLANS = new Set([
  'eec0eb4f-6444-4f95-aba0-50c24d67f998', // AAD_PREMIUM_P2
  'e866a266-3cff-43a3-acca-0c90a7e00c8b', // Entra_Identity_Governance
]);

function hasEntraP2(skus: readonly GraphSku[]): boolean {
  return skus.some(
    (sku) =>
      !['Suspended', 'Deleted'].includes(sku.capabilityStatus ?? 'Enabled') &&
      sku.servicePlans.some(
        (p) => P2_PLANS.has(p.servicePlanId) && p.provisioningStatus !== 'Disabled',
      ),
  );
}

const NO_P2: Outcome = {
  verdict: 'not_applicable',
  reasonCode: 'not_licensed',
  reason:
    'Your licences do not include Privileged Identity Management (Microsoft Entra ID P2), so this does not apply to your tenant.',
  affected: [],
  evidence: [{ source: 'subscribedSkus', summary: 'no Entra ID P2 or ID Governance service plan' }],
};

/** Not applicable without P2; `undefined` when the tenant has it. Licences must have been read. */
function withoutP2(ctx: EvaluationContext): Outcome | undefined {
  return hasEntraP2(parseSource(ctx, 'subscribedSkus', skusSchema)) ? undefined : NO_P2;
}

type SourceRead<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly outcome: Outcome };

/**
 * An optional source that Microsoft gates behind a licence: its data, `not_applicable` when Graph
 * said the licence is missing, and `unknown` for every other failure.
 */
function readLicensedSource<T>(
  ctx: EvaluationContext,
  source: SourceId,
  schema: z.ZodType<T>,
  notLicensed: Outcome,
): SourceRead<T> {
  const result = ctx.snapshot.sources[source];
  if (result && !result.ok && result.error.kind === 'not_licensed') {
    return {
      ok: false,
      outcome: {
        ...notLicensed,
        evidence: [{ source, summary: `Microsoft answered: ${result.error.message}` }],
      },
    };
  }
  if (!result?.ok) return { ok: false, outcome: unknownFromSource(source, result) };
  return { ok: true, data: parseSource(ctx, source, schema) };
}

const PIM_NOT_LICENSED: Outcome = {
  ...NO_P2,
  reason:
    'Microsoft says this tenant is not licensed for Privileged Identity Management (Microsoft Entra ID P2), so this does not apply.',
};

/** Names for principals: users first, then the principals expanded on role assignments. */
function principalNames(ctx: EvaluationContext): Map<string, string> {
  const names = new Map<string, string>();
  const assignments = parseOptionalSource(ctx, 'roleAssignments', roleAssignmentsSchema) ?? [];
  for (const a of assignments) {
    const p = a.principal;
    const label =
      p?.displayName && p.userPrincipalName
        ? `${p.displayName} (${p.userPrincipalName})`
        : (p?.displayName ?? p?.userPrincipalName);
    if (label) names.set(a.principalId, label);
  }
  for (const u of usersById(ctx)?.values() ?? []) names.set(u.id, userLabel(u));
  return names;
}

const isTenantWidePrivileged = (i: {
  roleDefinitionId: string;
  directoryScopeId?: string | null;
}) => i.roleDefinitionId in PRIVILEGED_ROLES && (i.directoryScopeId ?? '/') === '/';

const PIM_LOOKS_EMPTY: Outcome = {
  verdict: 'unknown',
  reasonCode: 'invalid_response',
  reason:
    'Privileged Identity Management listed nobody with an admin role, which every tenant has, so the lists we read look incomplete.',
  affected: [],
  evidence: [
    { source: 'roleAssignmentSchedules', summary: 'no active or eligible admin-role assignment' },
  ],
};

export const ADM_004: Check = {
  id: 'ADM-004',
  title: 'Admin roles are switched on only when needed, not held permanently',
  family: 'ADM',
  severity: 'high',
  requires: ['subscribedSkus'],
  uses: ['roleAssignmentSchedules', 'roleEligibilitySchedules', 'roleAssignments', 'users'],
  licences: [P2_LICENCE],
  permissions: [
    'Organization.Read.All',
    'RoleAssignmentSchedule.Read.Directory',
    'RoleEligibilitySchedule.Read.Directory',
  ],
  mappings: {
    cisM365: ['v5:5.3.1'],
    cisControls: ['5.4', '6.8'],
    nistCsf: ['PR.AA-05'],
    scuba: ['MS.AAD.7.4v1', 'MS.AAD.7.5v1'],
  },
  content: {
    why: 'An admin role that is always on is always worth stealing. With Privileged Identity Management, admins hold the role only for the hour they need it, so a phished password or stolen session usually finds an ordinary account instead of the keys to your whole tenant.',
    steps: [
      {
        text: 'Open Entra admin center › ID Governance › Privileged Identity Management › Microsoft Entra roles › Assignments › Active assignments.',
        link: LINKS.pimRoles,
      },
      {
        text: 'For each person listed by this check, select the assignment and choose "Update", then change it from Active to Eligible (or give it an end date).',
      },
      {
        text: 'Leave only your declared emergency (break-glass) accounts permanently active.',
      },
      {
        text: 'Show each admin how to activate a role: Privileged Identity Management › My roles › Activate.',
      },
    ],
    verify:
      'Run this scan again: no admin role is listed as permanently active apart from your emergency accounts.',
    userImpact:
      'Admins click "Activate" and give a reason before admin work; the role switches off again after a few hours.',
    effortMinutes: 30,
    learnMore: [LEARN.pim, LEARN.privilegedAccess],
  },
  evaluate(ctx) {
    const notLicensed = withoutP2(ctx);
    if (notLicensed) return notLicensed;
    const active = readLicensedSource(
      ctx,
      'roleAssignmentSchedules',
      roleScheduleInstancesSchema,
      PIM_NOT_LICENSED,
    );
    if (!active.ok) return active.outcome;
    const eligible = readLicensedSource(
      ctx,
      'roleEligibilitySchedules',
      roleScheduleInstancesSchema,
      PIM_NOT_LICENSED,
    );
    if (!eligible.ok) return eligible.outcome;
    const activePrivileged = active.data.filter(isTenantWidePrivileged);
    const eligiblePrivileged = eligible.data.filter(isTenantWidePrivileged);
    if (!activePrivileged.length && !eligiblePrivileged.length) return PIM_LOOKS_EMPTY;

    const breakGlass = breakGlassIds(ctx);
    const permanent = activePrivileged.filter((i) => !i.endDateTime);
    const flagged = permanent.filter((i) => !breakGlass.has(i.principalId.toLowerCase()));
    const excused = new Set(
      permanent
        .filter((i) => breakGlass.has(i.principalId.toLowerCase()))
        .map((i) => i.principalId),
    );
    const names = principalNames(ctx);
    const byPrincipal = new Map<string, RoleScheduleInstance[]>();
    for (const i of flagged)
      byPrincipal.set(i.principalId, [...(byPrincipal.get(i.principalId) ?? []), i]);
    const affected: AffectedObject[] = [...byPrincipal].map(([id, items]) => {
      const roles = [...new Set(items.map((i) => roleName(i.roleDefinitionId)))].join(', ');
      const outside = items.some((i) => !i.startDateTime) ? '; assigned outside PIM' : '';
      return {
        id,
        displayName: names.get(id) ?? id,
        detail: `permanently active: ${roles}${outside}`,
      };
    });
    const evidence = [
      {
        source: 'roleAssignmentSchedules' as const,
        summary: `${activePrivileged.length} active admin-role assignment(s), ${permanent.length} with no end date`,
      },
      {
        source: 'roleEligibilitySchedules' as const,
        summary: `${eligiblePrivileged.length} eligible admin-role assignment(s)`,
      },
    ];
    const excusedNote = excused.size
      ? `, apart from ${excused.size} declared emergency account(s)`
      : '';
    if (affected.length) {
      return {
        verdict: 'fail',
        reason: `${affected.length} account(s) hold an admin role permanently instead of activating it when needed${excusedNote}.`,
        affected,
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: `Every admin role is eligible or time-limited${excusedNote}.`,
      affected: [],
      evidence,
    };
  },
};

/** Role-setting assignments for the whole directory, by role template id. */
function roleSettingsByRole(
  assignments: readonly RoleManagementPolicyAssignment[],
): Map<string, RoleManagementPolicyAssignment> {
  const byRole = new Map<string, RoleManagementPolicyAssignment>();
  for (const a of assignments) {
    if ((a.scopeId ?? '/') !== '/') continue;
    if ((a.scopeType ?? 'DirectoryRole') !== 'DirectoryRole') continue;
    byRole.set(a.roleDefinitionId, a);
  }
  return byRole;
}

const APPROVAL_ROLES: Readonly<Record<Profile, readonly string[]>> = {
  cis: [GLOBAL_ADMIN, PRIVILEGED_ROLE_ADMIN],
  cisa: [GLOBAL_ADMIN],
};

export const ADM_005: Check = {
  id: 'ADM-005',
  title: 'Switching on the most powerful admin roles needs someone else’s approval',
  family: 'ADM',
  severity: 'medium',
  requires: ['subscribedSkus'],
  uses: ['roleManagementPolicyAssignments'],
  licences: [P2_LICENCE],
  permissions: ['Organization.Read.All', 'RoleManagementPolicy.Read.Directory'],
  mappings: {
    cisM365: ['v5:5.3.4', 'v5:5.3.5'],
    cisControls: ['6.1'],
    nistCsf: ['PR.AA-05'],
    scuba: ['MS.AAD.7.6v1'],
  },
  thresholds: {
    cis: 'Global Administrator and Privileged Role Administrator need approval to activate',
    cisa: 'Global Administrator needs approval to activate',
  },
  content: {
    why: 'If one stolen admin account can switch on full control by itself, an attacker can do the same. Requiring a second person to approve the activation means a thief also has to fool someone else, and you hear about it.',
    steps: [
      {
        text: 'Open Entra admin center › ID Governance › Privileged Identity Management › Microsoft Entra roles › Settings.',
        link: LINKS.pimRoleSettings,
      },
      {
        text: 'Select "Global Administrator", choose Edit, tick "Require approval to activate" and add at least one approver (not the same person who activates).',
      },
      { text: 'Do the same for "Privileged Role Administrator", then choose Update.' },
    ],
    verify:
      'Activate Global Administrator with a test admin: the request waits for the approver instead of starting at once.',
    userImpact:
      'Admins wait for a colleague to approve before getting full control, usually a few minutes.',
    effortMinutes: 15,
    learnMore: [LEARN.pimRoleSettings],
  },
  evaluate(ctx) {
    const notLicensed = withoutP2(ctx);
    if (notLicensed) return notLicensed;
    const read = readLicensedSource(
      ctx,
      'roleManagementPolicyAssignments',
      roleManagementPolicyAssignmentsSchema,
      PIM_NOT_LICENSED,
    );
    if (!read.ok) return read.outcome;
    const byRole = roleSettingsByRole(read.data);
    const gaps: AffectedObject[] = [];
    const missing: string[] = [];
    for (const role of APPROVAL_ROLES[ctx.profile]) {
      const rule = byRole
        .get(role)
        ?.policy.rules.find((r) => r.id === 'Approval_EndUser_Assignment');
      if (!rule?.setting) {
        missing.push(roleName(role));
        continue;
      }
      const approvers = rule.setting.approvalStages.flatMap((s) => s.primaryApprovers).length;
      if (rule.setting.isApprovalRequired !== true) {
        gaps.push({ id: role, displayName: roleName(role), detail: 'activates without approval' });
      } else if (approvers === 0) {
        gaps.push({
          id: role,
          displayName: roleName(role),
          detail: 'approval is required but no approver is named',
        });
      }
    }
    const evidence = [
      {
        source: 'roleManagementPolicyAssignments' as const,
        summary: `role settings read for ${byRole.size} role(s)`,
      },
    ];
    if (gaps.length) {
      return {
        verdict: 'fail',
        reason: `${gaps.map((g) => g.displayName).join(' and ')} can be switched on without anyone else approving it.`,
        affected: gaps,
        evidence,
      };
    }
    if (missing.length) {
      return {
        verdict: 'unknown',
        reasonCode: 'invalid_response',
        reason: `Microsoft did not return the activation rules for ${missing.join(' and ')}, so this could not be checked.`,
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: `${APPROVAL_ROLES[ctx.profile].map(roleName).join(' and ')} can only be switched on with someone else's approval.`,
      affected: [],
      evidence,
    };
  },
};

const hasRecipients = (rule: RoleManagementPolicyRule | undefined) =>
  rule ? rule.notificationRecipients.length > 0 : undefined;

export const ADM_006: Check = {
  id: 'ADM-006',
  title: 'Someone is alerted when admin roles are given out or switched on',
  family: 'ADM',
  severity: 'medium',
  requires: ['subscribedSkus'],
  uses: ['roleManagementPolicyAssignments'],
  licences: [P2_LICENCE],
  permissions: ['Organization.Read.All', 'RoleManagementPolicy.Read.Directory'],
  mappings: {
    cisM365: [],
    cisControls: ['8.11'],
    nistCsf: ['DE.CM-03'],
    scuba: ['MS.AAD.7.7v1', 'MS.AAD.7.8v1', 'MS.AAD.7.9v1'],
  },
  content: {
    why: 'Attackers who get in often make themselves an admin first. An email to a mailbox someone actually reads, whenever an admin role is handed out or switched on, lets you spot that within minutes instead of months.',
    steps: [
      {
        text: 'Open Entra admin center › ID Governance › Privileged Identity Management › Microsoft Entra roles › Settings and select "Global Administrator".',
        link: LINKS.pimRoleSettings,
      },
      {
        text: 'Choose Edit › Notification. Under "Send notifications when members are assigned as eligible", "…assigned as active" and "…activate", add your security or IT mailbox as an additional recipient of the role assignment and activation alerts.',
      },
      {
        text: 'Repeat for the other admin roles this check lists, then choose Update.',
      },
    ],
    verify:
      'Make a test account eligible for a role: the mailbox you added receives an alert email.',
    userImpact: 'The IT mailbox receives an email whenever an admin role is given or used.',
    effortMinutes: 30,
    learnMore: [LEARN.pimRoleSettings],
  },
  evaluate(ctx) {
    const notLicensed = withoutP2(ctx);
    if (notLicensed) return notLicensed;
    const read = readLicensedSource(
      ctx,
      'roleManagementPolicyAssignments',
      roleManagementPolicyAssignmentsSchema,
      PIM_NOT_LICENSED,
    );
    if (!read.ok) return read.outcome;
    const byRole = roleSettingsByRole(read.data);
    const mustGaps: AffectedObject[] = [];
    const shouldGaps: AffectedObject[] = [];
    const incomplete: string[] = [];
    for (const role of Object.keys(PRIVILEGED_ROLES)) {
      const rules = byRole.get(role)?.policy.rules;
      if (!rules) {
        incomplete.push(roleName(role));
        continue;
      }
      const rule = (id: string) => rules.find((r) => r.id === id);
      const assigned = hasRecipients(rule('Notification_Admin_Admin_Assignment'));
      const madeEligible = hasRecipients(rule('Notification_Admin_Admin_Eligibility'));
      const activated = hasRecipients(rule('Notification_Admin_EndUser_Assignment'));
      if (assigned === undefined || madeEligible === undefined || activated === undefined) {
        incomplete.push(roleName(role));
      }
      const must: string[] = [];
      if (assigned === false) must.push('given out as active');
      if (madeEligible === false) must.push('made eligible');
      if (activated === false && role === GLOBAL_ADMIN) must.push('switched on');
      if (must.length) {
        mustGaps.push({
          id: role,
          displayName: roleName(role),
          detail: `no alert recipient when the role is ${must.join(', ')}`,
        });
      } else if (activated === false) {
        shouldGaps.push({
          id: role,
          displayName: roleName(role),
          detail: 'no alert recipient when the role is switched on',
        });
      }
    }
    const evidence = [
      {
        source: 'roleManagementPolicyAssignments' as const,
        summary: `alert settings read for ${byRole.size} role(s)`,
      },
    ];
    if (mustGaps.length) {
      return {
        verdict: 'fail',
        reason: `Nobody is alerted when ${mustGaps.length} of your 8 most powerful admin roles are given out or switched on.`,
        affected: [...mustGaps, ...shouldGaps],
        evidence,
      };
    }
    if (incomplete.length) {
      return {
        verdict: 'unknown',
        reasonCode: 'invalid_response',
        reason: `Microsoft did not return the alert settings for ${incomplete.join(', ')}, so this could not be checked.`,
        affected: [],
        evidence,
      };
    }
    if (shouldGaps.length) {
      return {
        verdict: 'warn',
        reason: `Assignments are alerted, but switching on ${shouldGaps.length} admin role(s) other than Global Administrator alerts nobody.`,
        affected: shouldGaps,
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason:
        'A named recipient is alerted whenever one of the 8 most powerful admin roles is given out or switched on.',
      affected: [],
      evidence,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Emergency access, stale admins, admin apps, Global Administrator ratio: ADM-007 … ADM-010

const PHISHING_RESISTANT_METHODS = new Set(
  [
    'fido2',
    'passKeyDeviceBound',
    'passKeyDeviceBoundAuthenticator',
    'passKeyDeviceBoundWindowsHello',
    'windowsHelloForBusiness',
    'x509CertificateMultiFactor',
  ].map((m) => m.toLowerCase()),
);

/** Conditional Access policies, or why the Conditional Access half does not apply. */
function readCaForEmergency(ctx: EvaluationContext): SourceRead<CaPolicy[] | 'not_licensed'> {
  const result = ctx.snapshot.sources.conditionalAccessPolicies;
  if (hasEntraP1(ctx) === false || (result && !result.ok && result.error.kind === 'not_licensed')) {
    return { ok: true, data: 'not_licensed' };
  }
  if (!result?.ok) {
    return { ok: false, outcome: unknownFromSource('conditionalAccessPolicies', result) };
  }
  return { ok: true, data: parseSource(ctx, 'conditionalAccessPolicies', caPoliciesSchema) };
}

/** Does this enabled policy reach the account? `maybe` when it targets groups we cannot expand. */
function policyReaches(
  policy: CaPolicy,
  userId: string,
  heldRoles: ReadonlySet<string> | undefined,
): 'yes' | 'no' | 'maybe' {
  const users = policy.conditions?.users;
  const include = users?.includeUsers ?? [];
  if (include.some((u) => u.toLowerCase() === 'all' || u.toLowerCase() === userId.toLowerCase())) {
    return 'yes';
  }
  const roles = users?.includeRoles ?? [];
  if (roles.length) {
    if (!heldRoles) return 'maybe';
    if (roles.some((r) => heldRoles.has(r))) return 'yes';
  }
  if ((users?.includeGroups ?? []).length) return 'maybe';
  return 'no';
}

const BREAK_GLASS_QUESTION = 'Which accounts are your emergency (break-glass) accounts?';

export const ADM_007: Check = {
  id: 'ADM-007',
  title: 'Two emergency (break-glass) accounts are ready and cannot be locked out',
  family: 'ADM',
  severity: 'medium',
  requires: ['users'],
  uses: [
    'conditionalAccessPolicies',
    'subscribedSkus',
    'roleAssignments',
    'userRegistrationDetails',
  ],
  licences: [],
  permissions: [
    'User.Read.All',
    'Policy.Read.All',
    'RoleManagement.Read.Directory',
    'AuditLog.Read.All',
  ],
  mappings: {
    cisM365: ['v5:1.1.2'],
    cisControls: ['5.1'],
    nistCsf: ['PR.AA-01'],
    scuba: [],
  },
  content: {
    why: 'If a sign-in rule goes wrong, or your usual admin is locked out or leaves, you can lose control of your own tenant. Two emergency accounts, left out of sign-in rules and protected by a security key, are how you get back in.',
    steps: [
      {
        text: 'Open Microsoft 365 admin center › Users › Active users › Add a user and create two cloud-only accounts on your .onmicrosoft.com domain (for example emergency1@yourcompany.onmicrosoft.com) with no licence.',
        link: LINKS.activeUsers,
      },
      {
        text: 'Open Entra admin center › Roles & admins › Global Administrator and assign both accounts permanently.',
        link: LINKS.roles,
      },
      {
        text: 'Register a FIDO2 security key or passkey for each account, and keep the keys and the instructions in a safe place.',
      },
      {
        text: 'Open Entra admin center › Conditional Access › Policies and, in every policy, add both accounts under Users › Exclude.',
        link: LINKS.caPolicies,
      },
      {
        text: 'Declare both accounts as emergency accounts in this app’s tenant settings.',
      },
    ],
    verify:
      'Sign in with each emergency account and its security key in a private browser window, then run this scan again.',
    userImpact:
      'Nobody notices day to day; the accounts are only used in an emergency and tested a few times a year.',
    effortMinutes: 45,
    learnMore: [LEARN.emergencyAccess],
  },
  evaluate(ctx) {
    const users = parseSource(ctx, 'users', usersSchema);
    const declared = ctx.settings.breakGlassAccounts;
    if (!declared.length) {
      return {
        verdict: 'manual',
        reasonCode: 'needs_declaration',
        reason: `We need your answer before we can check this: ${BREAK_GLASS_QUESTION}`,
        affected: [],
        evidence: [
          { source: 'users', summary: 'no emergency account declared in the tenant settings' },
        ],
      };
    }
    const ca = readCaForEmergency(ctx);
    if (!ca.ok) return ca.outcome;
    const byKey = new Map<string, GraphUser>();
    for (const u of users) {
      byKey.set(u.id.toLowerCase(), u);
      if (u.userPrincipalName) byKey.set(u.userPrincipalName.toLowerCase(), u);
    }
    const problems: AffectedObject[] = [];
    const accounts: GraphUser[] = [];
    for (const entry of declared) {
      const u = byKey.get(entry.toLowerCase());
      if (!u) {
        problems.push({ id: entry, displayName: entry, detail: 'not found in your directory' });
      } else if (!accounts.includes(u)) {
        accounts.push(u);
        if (u.accountEnabled === false) {
          problems.push({ id: u.id, displayName: userLabel(u), detail: 'account is disabled' });
        }
      }
    }

    const roles = parseOptionalSource(ctx, 'roleAssignments', roleAssignmentsSchema);
    const heldRoles = (id: string) =>
      roles
        ? new Set(roles.filter((a) => a.principalId === id).map((a) => a.roleDefinitionId))
        : undefined;
    const uncertain: AffectedObject[] = [];
    let enabledPolicies = 0;
    if (ca.data !== 'not_licensed') {
      const enabled = ca.data.filter((p) => p.state === 'enabled');
      enabledPolicies = enabled.length;
      for (const u of accounts) {
        const notExcluded: string[] = [];
        const maybe: string[] = [];
        for (const policy of enabled) {
          const excluded = (policy.conditions?.users?.excludeUsers ?? []).some(
            (x) => x.toLowerCase() === u.id.toLowerCase(),
          );
          if (excluded) continue;
          const reaches = policyReaches(policy, u.id, heldRoles(u.id));
          if (reaches === 'no') continue;
          const viaGroup = (policy.conditions?.users?.excludeGroups ?? []).length > 0;
          if (reaches === 'yes' && !viaGroup) notExcluded.push(policy.displayName);
          else maybe.push(policy.displayName);
        }
        if (notExcluded.length) {
          problems.push({
            id: u.id,
            displayName: userLabel(u),
            detail: `not left out of: ${notExcluded.map((n) => `"${n}"`).join(', ')}`,
          });
        }
        if (maybe.length) {
          uncertain.push({
            id: u.id,
            displayName: userLabel(u),
            detail: `may be reached through a group by: ${maybe.map((n) => `"${n}"`).join(', ')}`,
          });
        }
      }
    }

    const registration = parseOptionalSource(
      ctx,
      'userRegistrationDetails',
      userRegistrationDetailsSchema,
    );
    if (registration) {
      const methods = new Map(registration.map((r) => [r.id, r.methodsRegistered]));
      for (const u of accounts) {
        const registered = methods.get(u.id);
        if (
          registered &&
          !registered.some((m) => PHISHING_RESISTANT_METHODS.has(m.toLowerCase()))
        ) {
          problems.push({
            id: u.id,
            displayName: userLabel(u),
            detail: 'no security key or passkey registered',
          });
        }
      }
    }

    const evidence = [
      {
        source: 'users' as const,
        summary: `${declared.length} emergency account(s) declared, ${accounts.length} found`,
      },
      {
        source: 'conditionalAccessPolicies' as const,
        summary:
          ca.data === 'not_licensed'
            ? 'Conditional Access is not part of the licence'
            : `${enabledPolicies} enabled Conditional Access policies checked for exclusions`,
      },
      {
        source: 'userRegistrationDetails' as const,
        summary: registration
          ? 'registered sign-in methods read; the methods actually used to sign in are not'
          : 'sign-in method registration not read',
      },
    ];
    if (accounts.length < 2) {
      return {
        verdict: 'fail',
        reason: `You have ${accounts.length === 1 ? 'only one' : 'no'} usable emergency account declared; Microsoft recommends at least two, so one lost key or password does not lock you out.`,
        affected: [
          ...accounts.map((u) => ({
            id: u.id,
            displayName: userLabel(u),
            detail: 'declared emergency account',
          })),
          ...problems,
        ],
        evidence,
      };
    }
    if (problems.length) {
      return {
        verdict: 'fail',
        reason: `${new Set(problems.map((p) => p.id)).size} of your ${declared.length} emergency account(s) could be locked out or are not ready to use.`,
        affected: [...problems, ...uncertain],
        evidence,
      };
    }
    const caPart =
      ca.data === 'not_licensed'
        ? 'Your licence has no Conditional Access that could lock out your emergency accounts'
        : uncertain.length
          ? `Your ${accounts.length} emergency accounts are left out of every enabled Conditional Access policy that we can resolve (some target groups whose members we do not read)`
          : `Your ${accounts.length} emergency accounts are left out of every enabled Conditional Access policy`;
    return {
      verdict: 'manual',
      reasonCode: 'needs_declaration',
      reason: `${caPart}; one question remains: does each of them sign in only with a FIDO2 security key or passkey?`,
      affected: uncertain,
      evidence,
    };
  },
};

const STALE_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

const P1_NOT_LICENSED: Outcome = {
  verdict: 'not_applicable',
  reasonCode: 'not_licensed',
  reason:
    'Microsoft shows last sign-in dates only to tenants with Microsoft Entra ID P1 (included in Microsoft 365 Business Premium), so this does not apply.',
  affected: [],
  evidence: [{ source: 'subscribedSkus', summary: 'no Entra ID P1 or P2 service plan' }],
};

/** The last successful sign-in, or the last attempt when Microsoft has no successful one on record. */
function lastSignIn(u: UserSignInActivity): { at?: Date; attemptOnly: boolean } {
  const a = u.signInActivity;
  const parse = (s: string | null | undefined) => {
    const t = s ? Date.parse(s) : Number.NaN;
    return Number.isNaN(t) ? undefined : t;
  };
  const success = parse(a?.lastSuccessfulSignInDateTime);
  if (success !== undefined) return { at: new Date(success), attemptOnly: false };
  const attempts = [
    parse(a?.lastSignInDateTime),
    parse(a?.lastNonInteractiveSignInDateTime),
  ].filter((t): t is number => t !== undefined);
  return attempts.length
    ? { at: new Date(Math.max(...attempts)), attemptOnly: true }
    : { attemptOnly: false };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export const ADM_008: Check = {
  id: 'ADM-008',
  title: 'No admin account has gone unused for more than 90 days',
  family: 'ADM',
  severity: 'medium',
  requires: ['roleAssignments'],
  uses: ['userSignInActivity', 'subscribedSkus', 'users'],
  licences: ['Microsoft Entra ID P1 (included in Microsoft 365 Business Premium)'],
  permissions: ['RoleManagement.Read.Directory', 'AuditLog.Read.All'],
  mappings: { cisM365: [], cisControls: ['5.3'], nistCsf: ['PR.AA-01'], scuba: [] },
  content: {
    why: 'Admin accounts nobody uses any more, such as a former contractor or an old IT provider, still open the whole tenant. Nobody notices when someone else signs in with them, which makes them a favourite way in for attackers.',
    steps: [
      {
        text: 'Open Microsoft 365 admin center › Users › Active users and find each account this check lists.',
        link: LINKS.activeUsers,
      },
      {
        text: 'If the person no longer needs admin access, open Entra admin center › Roles & admins and remove their roles; if they have left, choose "Block sign-in" and then delete the account.',
        link: LINKS.roles,
      },
      {
        text: 'For your emergency (break-glass) accounts, sign in with each one at least every 90 days to test it.',
      },
    ],
    verify: 'Run this scan again: no admin account is listed as unused.',
    userImpact: 'None for active staff; unused admin accounts stop working.',
    effortMinutes: 15,
    learnMore: [LEARN.inactiveAccounts, LEARN.privilegedAccess],
  },
  evaluate(ctx) {
    const admins = privilegedUsers(ctx);
    if (admins.size === 0) return NO_ADMINS_FOUND;
    if (hasEntraP1(ctx) === false) return P1_NOT_LICENSED;
    const read = readLicensedSource(ctx, 'userSignInActivity', userSignInActivitySchema, {
      ...P1_NOT_LICENSED,
      reason:
        'Microsoft says this tenant is not licensed to show last sign-in dates (Microsoft Entra ID P1), so this does not apply.',
    });
    if (!read.ok) return read.outcome;
    const activity = new Map(read.data.map((u) => [u.id, u]));
    const names = principalNames(ctx);
    const breakGlass = breakGlassIds(ctx);
    const cutoff = ctx.now.getTime() - STALE_DAYS * DAY_MS;
    const stale: AffectedObject[] = [];
    const missing: string[] = [];
    let disabled = 0;
    for (const [id, roles] of admins) {
      const u = activity.get(id);
      if (!u) {
        missing.push(id);
        continue;
      }
      if (u.accountEnabled === false) {
        disabled++;
        continue;
      }
      const label = names.get(id) ?? u.userPrincipalName ?? id;
      const isEmergency =
        breakGlass.has(id.toLowerCase()) ||
        (u.userPrincipalName !== undefined &&
          u.userPrincipalName !== null &&
          breakGlass.has(u.userPrincipalName.toLowerCase()));
      const emergency = isEmergency
        ? '; emergency account: sign in to test it at least every 90 days'
        : '';
      const { at, attemptOnly } = lastSignIn(u);
      if (at) {
        if (at.getTime() < cutoff) {
          const days = Math.floor((ctx.now.getTime() - at.getTime()) / DAY_MS);
          stale.push({
            id,
            displayName: label,
            detail: `${attemptOnly ? 'last sign-in attempt' : 'last sign-in'} ${isoDay(at)} (${days} days ago); holds ${roles.join(', ')}${emergency}`,
          });
        }
        continue;
      }
      const created = u.createdDateTime ? Date.parse(u.createdDateTime) : Number.NaN;
      if (Number.isNaN(created) || created < cutoff) {
        stale.push({
          id,
          displayName: label,
          detail: `no sign-in on record; holds ${roles.join(', ')}${emergency}`,
        });
      }
    }
    const evidence = [
      {
        source: 'userSignInActivity' as const,
        summary: `last sign-in read for ${admins.size - missing.length} of ${admins.size} admin account(s)${disabled ? `; ${disabled} disabled account(s) skipped` : ''}`,
      },
    ];
    if (stale.length) {
      return {
        verdict: 'fail',
        reason: `${stale.length} of your ${admins.size} admin account(s) have not signed in for more than ${STALE_DAYS} days but still hold admin roles.`,
        affected: stale,
        evidence,
      };
    }
    if (missing.length) {
      return {
        verdict: 'unknown',
        reasonCode: 'invalid_response',
        reason: `Microsoft returned no sign-in dates for ${missing.length} admin account(s), so this could not be checked.`,
        affected: missing.map((id) => ({
          id,
          displayName: id,
          detail: 'no sign-in data returned',
        })),
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: `Every enabled admin account has signed in within the last ${STALE_DAYS} days.`,
      affected: [],
      evidence,
    };
  },
};

export const ADM_009: Check = {
  id: 'ADM-009',
  title: 'Apps with admin roles do not use passwords (client secrets)',
  family: 'ADM',
  severity: 'high',
  requires: ['roleAssignments', 'servicePrincipals'],
  uses: ['applications'],
  licences: [],
  permissions: ['RoleManagement.Read.Directory', 'Application.Read.All'],
  mappings: { cisM365: [], cisControls: ['5.5'], nistCsf: ['PR.AA-01'], scuba: [] },
  content: {
    why: 'An app that holds an admin role signs in without MFA. If it uses a client secret (a password for apps), anyone who finds that secret in a script, a backup or an old laptop gets admin control of your tenant.',
    steps: [
      {
        text: 'Open Entra admin center › App registrations › All applications and select each app this check lists.',
        link: LINKS.appRegistrations,
      },
      {
        text: 'Under Certificates & secrets, upload a certificate (or use a managed identity if the app runs in Azure), update the app to use it, then delete every client secret.',
      },
      {
        text: 'Under Owners, remove anyone who does not need to manage the app: an owner can add a new secret and act as the app.',
      },
      {
        text: 'Open Entra admin center › Roles & admins and check the app still needs its admin role; remove it if not.',
        link: LINKS.roles,
      },
    ],
    verify: 'Run this scan again: no app with an admin role is listed with a client secret.',
    userImpact: 'None for staff; whoever runs the app switches it to a certificate.',
    effortMinutes: 60,
    learnMore: [LEARN.appCredentials, LEARN.privilegedAccess],
  },
  evaluate(ctx) {
    const assignments = privilegedAssignments(
      parseSource(ctx, 'roleAssignments', roleAssignmentsSchema),
    ).filter((a) => principalKind(a) === 'servicePrincipal');
    const sps = new Map(
      parseSource(ctx, 'servicePrincipals', servicePrincipalsSchema).map((sp) => [sp.id, sp]),
    );
    const owners =
      'Owners of these apps are not read in this scan: check them in Entra admin center › App registrations › Owners';
    if (!assignments.length) {
      return {
        verdict: 'pass',
        reason: 'No app holds one of the 8 most powerful admin roles.',
        affected: [],
        evidence: [{ source: 'roleAssignments', summary: 'no app holds a highly privileged role' }],
      };
    }
    const appsResult = ctx.snapshot.sources.applications;
    const apps = appsResult?.ok
      ? new Map(
          parseSource(ctx, 'applications', applicationsSchema)
            .filter((a) => a.appId)
            .map((a) => [a.appId!.toLowerCase(), a]),
        )
      : undefined;
    const rolesBySp = new Map<string, string[]>();
    for (const a of assignments) {
      rolesBySp.set(a.principalId, [
        ...(rolesBySp.get(a.principalId) ?? []),
        roleName(a.roleDefinitionId),
      ]);
    }
    const withSecrets: AffectedObject[] = [];
    const unchecked: AffectedObject[] = [];
    for (const [spId, roles] of rolesBySp) {
      const sp = sps.get(spId);
      const principal = assignments.find((a) => a.principalId === spId)?.principal;
      const name = sp?.displayName ?? principal?.displayName ?? spId;
      if (!sp) {
        unchecked.push({
          id: spId,
          displayName: name,
          detail: `not found in the app list; holds ${roles.join(', ')}`,
        });
        continue;
      }
      const app = sp.appId ? apps?.get(sp.appId.toLowerCase()) : undefined;
      const secrets = sp.passwordCredentials.length + (app?.passwordCredentials.length ?? 0);
      const label = `${name}${sp.appId ? ` (app id ${sp.appId})` : ''}`;
      if (secrets > 0) {
        withSecrets.push({
          id: spId,
          displayName: label,
          detail: `${secrets} client secret(s); holds ${roles.join(', ')}`,
        });
      } else if (
        !apps &&
        sp.appOwnerOrganizationId?.toLowerCase() === ctx.snapshot.tenant.id.toLowerCase()
      ) {
        unchecked.push({
          id: spId,
          displayName: label,
          detail: `its app registration could not be read; holds ${roles.join(', ')}`,
        });
      }
    }
    const evidence = [
      {
        source: 'roleAssignments' as const,
        summary: `${rolesBySp.size} app(s) hold a highly privileged role`,
      },
      {
        source: 'applications' as const,
        summary: apps ? `${owners}.` : `app registrations not read. ${owners}.`,
      },
    ];
    if (withSecrets.length) {
      return {
        verdict: 'fail',
        reason: `${withSecrets.length} of the ${rolesBySp.size} app(s) holding an admin role can sign in with a client secret, a password that never needs MFA.`,
        affected: withSecrets,
        evidence,
      };
    }
    if (unchecked.length) {
      return {
        verdict: 'unknown',
        reasonCode: appsResult && !appsResult.ok ? 'forbidden' : 'invalid_response',
        reason: `We could not read the credentials of ${unchecked.length} app(s) that hold an admin role, so this could not be checked.`,
        affected: unchecked,
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: `None of the ${rolesBySp.size} app(s) holding an admin role has a client secret.`,
      affected: [],
      evidence,
    };
  },
};

export const ADM_010: Check = {
  id: 'ADM-010',
  title: 'Most admins use narrower roles than Global Administrator',
  family: 'ADM',
  severity: 'low',
  requires: ['roleAssignments'],
  uses: ['users'],
  licences: [],
  permissions: ['RoleManagement.Read.Directory'],
  mappings: { cisM365: [], cisControls: ['6.8'], nistCsf: ['PR.AA-05'], scuba: ['MS.AAD.7.2v1'] },
  content: {
    why: 'Global Administrator can change everything, including other admins. When most admin work is done with narrower roles, such as Exchange or User Administrator, a stolen admin account can do far less damage to your business.',
    steps: [
      {
        text: 'Open Entra admin center › Roles & admins › Global Administrator › Assignments and list what each person actually does.',
        link: LINKS.roles,
      },
      {
        text: 'Give each person the narrower role that fits (for example Exchange Administrator for mailboxes, User Administrator for accounts and passwords) under Roles & admins › the role › Add assignments.',
      },
      {
        text: 'Then remove Global Administrator from them, keeping it for your emergency accounts and one or two people.',
      },
    ],
    verify:
      'Run this scan again: fewer admins hold Global Administrator than hold narrower admin roles.',
    userImpact: 'Admins keep doing their usual tasks with a role that fits them.',
    effortMinutes: 30,
    learnMore: [LEARN.privilegedAccess],
  },
  evaluate(ctx) {
    const admins = privilegedUsers(ctx);
    if (admins.size === 0) return NO_ADMINS_FOUND;
    const users = usersById(ctx);
    const global = [...admins].filter(([, roles]) => roles.includes(roleName(GLOBAL_ADMIN)));
    const narrower = admins.size - global.length;
    const evidence = [
      {
        source: 'roleAssignments' as const,
        summary: `${global.length} Global Administrator(s), ${narrower} admin(s) with only narrower roles (users only; group members not counted)`,
      },
    ];
    const affected = global.map(([id]) => describeUser(id, users, 'Global Administrator'));
    if (narrower === 0) {
      return {
        verdict: 'fail',
        reason: `All ${admins.size} of your admins are Global Administrators; none uses a narrower admin role.`,
        affected,
        evidence,
      };
    }
    const ratio = Math.round((global.length / narrower) * 100) / 100;
    if (global.length > narrower) {
      return {
        verdict: 'fail',
        reason: `${global.length} admins are Global Administrators but only ${narrower} use narrower roles (ratio ${ratio}; keep it at 1 or below).`,
        affected,
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: `${global.length} Global Administrator(s) against ${narrower} admin(s) with narrower roles (ratio ${ratio}, at or below 1).`,
      affected: [],
      evidence,
    };
  },
};

export const ADM_CHECKS: readonly Check[] = [
  ADM_001,
  ADM_002,
  ADM_003,
  ADM_004,
  ADM_005,
  ADM_006,
  ADM_007,
  ADM_008,
  ADM_009,
  ADM_010,
];
