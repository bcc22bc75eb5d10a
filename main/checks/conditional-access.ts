import type { AffectedObject } from '../../shared/models/finding';
import type { EvaluationContext, Outcome } from './check';
import { breakGlassIds, describeUser, PRIVILEGED_ROLES, roleName, usersById } from './directory';
import type { CaPolicy } from './graph-shapes';

/** What a policy must do to satisfy a check. */
export interface CaRequirement {
  /** Who must be covered. */
  readonly scope: 'allUsers' | 'privilegedRoles';
  readonly grant: 'mfa' | 'block';
  /** Client app types the policy must cover (legacy-authentication blocking). */
  readonly clientAppTypes?: readonly string[];
  /** Plain description, e.g. "requires MFA for every user". */
  readonly goal: string;
}

export interface PolicyGap {
  readonly policy: CaPolicy;
  /** Why the policy falls short, in plain words. */
  readonly problems: readonly string[];
  /** Accounts, groups or roles left out that are not declared break-glass accounts. */
  readonly exclusions: readonly AffectedObject[];
}

export interface CaAssessment {
  /** Enabled policies that fully meet the requirement. */
  readonly enforcing: readonly CaPolicy[];
  /** Policies that would meet it but only report (never enforce). */
  readonly reportOnly: readonly CaPolicy[];
  /** Enabled policies aimed at the requirement that fall short. */
  readonly gaps: readonly PolicyGap[];
}

const PRIVILEGED_ROLE_IDS = Object.keys(PRIVILEGED_ROLES);

function grants(policy: CaPolicy, grant: CaRequirement['grant']): boolean {
  const controls = policy.grantControls?.builtInControls ?? [];
  if (grant === 'block') return controls.includes('block');
  return controls.includes('mfa') || Boolean(policy.grantControls?.authenticationStrength?.id);
}

function includesAll(values: readonly string[]): boolean {
  return values.some((v) => v.toLowerCase() === 'all');
}

/** Does the policy aim at the requirement's people at all? Returns the problems when partly. */
function scopeProblems(policy: CaPolicy, requirement: CaRequirement): string[] | undefined {
  const users = policy.conditions?.users;
  const includeUsers = users?.includeUsers ?? [];
  if (includesAll(includeUsers)) return [];
  if (requirement.scope === 'allUsers') return undefined;
  const roles = new Set(users?.includeRoles ?? []);
  const covered = PRIVILEGED_ROLE_IDS.filter((r) => roles.has(r));
  if (covered.length === 0) return undefined;
  const missing = PRIVILEGED_ROLE_IDS.filter((r) => !roles.has(r)).map(roleName);
  return missing.length ? [`it leaves out these admin roles: ${missing.join(', ')}`] : [];
}

function narrowingProblems(policy: CaPolicy, requirement: CaRequirement): string[] {
  const problems: string[] = [];
  const c = policy.conditions;
  const apps = c?.applications;
  const includeApps = apps?.includeApplications ?? [];
  if (!includesAll(includeApps)) {
    if (includeApps.some((a) => a.toLowerCase() === 'office365')) {
      problems.push('it covers only the Office 365 apps, not all cloud apps');
    } else if (includeApps.length) {
      problems.push(`it covers only ${includeApps.length} selected app(s), not all cloud apps`);
    } else {
      problems.push('it covers user actions, not sign-ins to apps');
    }
  }
  if ((apps?.excludeApplications ?? []).length) {
    problems.push(`it leaves out ${apps?.excludeApplications.length} app(s)`);
  }
  if (apps?.applicationFilter) problems.push('it applies only to apps matching a filter');
  const clientAppTypes = c?.clientAppTypes ?? [];
  if (requirement.clientAppTypes) {
    const missing = requirement.clientAppTypes.filter(
      (t) => !clientAppTypes.includes(t) && !includesAll(clientAppTypes),
    );
    if (missing.length)
      problems.push(`it does not cover these client types: ${missing.join(', ')}`);
  } else if (clientAppTypes.length && !includesAll(clientAppTypes)) {
    problems.push(`it applies only to these client types: ${clientAppTypes.join(', ')}`);
  }
  const platforms = c?.platforms;
  if (
    platforms &&
    ((platforms.includePlatforms.length && !includesAll(platforms.includePlatforms)) ||
      platforms.excludePlatforms.length)
  ) {
    problems.push('it applies only to some device platforms');
  }
  const locations = c?.locations;
  if (
    locations &&
    ((locations.includeLocations.length && !includesAll(locations.includeLocations)) ||
      locations.excludeLocations.length)
  ) {
    problems.push(
      'it does not apply at every location (for example, trusted office networks are left out)',
    );
  }
  if (
    (c?.signInRiskLevels ?? []).length ||
    (c?.userRiskLevels ?? []).length ||
    (c?.servicePrincipalRiskLevels ?? []).length ||
    c?.insiderRiskLevels
  ) {
    problems.push('it applies only to risky sign-ins or users');
  }
  if (c?.devices?.deviceFilter) problems.push('it applies only to devices matching a filter');
  if (c?.authenticationFlows?.transferMethods)
    problems.push('it applies only to some sign-in flows');
  if (requirement.grant === 'mfa') {
    const g = policy.grantControls;
    const others = (g?.builtInControls ?? []).filter((x) => x !== 'mfa');
    if ((g?.operator ?? 'OR').toUpperCase() === 'OR' && others.length) {
      problems.push(`it can be satisfied without MFA (by ${others.join(' or ')})`);
    }
  }
  return problems;
}

function exclusions(policy: CaPolicy, ctx: EvaluationContext): AffectedObject[] {
  const users = policy.conditions?.users;
  const breakGlass = breakGlassIds(ctx);
  const directory = usersById(ctx);
  const out: AffectedObject[] = [];
  for (const id of users?.excludeUsers ?? []) {
    if (breakGlass.has(id.toLowerCase())) continue;
    if (id === 'GuestsOrExternalUsers') {
      out.push({
        id,
        displayName: 'All guests and external users',
        detail: 'excluded from the policy',
      });
    } else {
      out.push(describeUser(id, directory, 'excluded user, not a declared break-glass account'));
    }
  }
  for (const id of users?.excludeGroups ?? []) {
    out.push({ id, displayName: `Group ${id}`, detail: 'excluded group' });
  }
  for (const id of users?.excludeRoles ?? []) {
    out.push({ id, displayName: roleName(id), detail: 'excluded role' });
  }
  if (users?.excludeGuestsOrExternalUsers) {
    out.push({
      id: 'guests',
      displayName: 'Guests and external users',
      detail: 'excluded from the policy',
    });
  }
  return out;
}

/**
 * The one strict reading of Conditional Access that every CA check uses: only enabled policies
 * enforce; "all users, all apps" must really mean it; exclusions are gaps unless they are
 * declared break-glass accounts.
 */
export function assessConditionalAccess(
  policies: readonly CaPolicy[],
  requirement: CaRequirement,
  ctx: EvaluationContext,
): CaAssessment {
  const enforcing: CaPolicy[] = [];
  const reportOnly: CaPolicy[] = [];
  const gaps: PolicyGap[] = [];
  for (const policy of policies) {
    if (policy.state === 'disabled' || !grants(policy, requirement.grant)) continue;
    const scope = scopeProblems(policy, requirement);
    if (scope === undefined) continue;
    const problems = [...scope, ...narrowingProblems(policy, requirement)];
    const excluded = exclusions(policy, ctx);
    const complete = problems.length === 0 && excluded.length === 0;
    if (policy.state === 'enabledForReportingButNotEnforced') {
      if (complete) reportOnly.push(policy);
    } else if (policy.state === 'enabled') {
      if (complete) enforcing.push(policy);
      else gaps.push({ policy, problems, exclusions: excluded });
    }
  }
  return { enforcing, reportOnly, gaps };
}

function describeGap(gap: PolicyGap): string {
  const parts = [...gap.problems];
  if (gap.exclusions.length) {
    const names = gap.exclusions.slice(0, 3).map((e) => e.displayName);
    const more = gap.exclusions.length > 3 ? ` and ${gap.exclusions.length - 3} more` : '';
    parts.push(`it leaves out ${names.join(', ')}${more}`);
  }
  return parts.join('; ');
}

/** Turns an assessment into the check's outcome, in plain words. */
export function caOutcome(
  assessment: CaAssessment,
  requirement: CaRequirement,
  summary: string,
): Outcome {
  const evidence = [{ source: 'conditionalAccessPolicies' as const, summary }];
  const [enforcing] = assessment.enforcing;
  if (enforcing) {
    return {
      verdict: 'pass',
      reason: `The enabled policy "${enforcing.displayName}" ${requirement.goal}.`,
      affected: [],
      evidence,
    };
  }
  const [gap] = assessment.gaps;
  if (gap) {
    return {
      verdict: 'fail',
      reason: `The policy "${gap.policy.displayName}" is meant to do this, but ${describeGap(gap)}.`,
      affected: assessment.gaps.flatMap((g) => g.exclusions),
      evidence,
    };
  }
  const [reportOnly] = assessment.reportOnly;
  if (reportOnly) {
    return {
      verdict: 'fail',
      reason: `The policy "${reportOnly.displayName}" ${requirement.goal}, but it is in report-only mode: it only logs sign-ins and enforces nothing.`,
      affected: [],
      evidence,
    };
  }
  return {
    verdict: 'fail',
    reason: `No enabled Conditional Access policy ${requirement.goal}.`,
    affected: [],
    evidence,
  };
}

export function policySummary(policies: readonly CaPolicy[]): string {
  const enabled = policies.filter((p) => p.state === 'enabled').length;
  const reportOnly = policies.filter((p) => p.state === 'enabledForReportingButNotEnforced').length;
  return `${policies.length} Conditional Access policies: ${enabled} enabled, ${reportOnly} report-only`;
}
