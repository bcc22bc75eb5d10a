import type { AffectedObject } from '../../shared/models/finding';
import type { EvaluationContext, Outcome } from './check';
import { breakGlassIds, describeUser, PRIVILEGED_ROLES, roleName, usersById } from './directory';
import type { CaPolicy } from './graph-shapes';
import { policyStrengthSchema, sessionControlsSchema, type SessionControls } from './ca-shapes';

/**
 * What a policy's grant must do.
 * - `mfa`: MFA or any authentication strength, with no way around it (no "OR" alternative).
 * - `block`: block access.
 * - `phishingResistantMfa`: an authentication strength that accepts only phishing-resistant methods.
 * - `compliantDevice`: a compliant or hybrid-joined device, with no way around it.
 * - `passwordChange`: a password change together with MFA (risky users).
 * - `any`: the grant does not matter (session-control requirements), as long as it is not a block.
 */
export type GrantKind =
  'mfa' | 'block' | 'phishingResistantMfa' | 'compliantDevice' | 'passwordChange' | 'any';

/** Session controls a policy must set. */
export interface SessionRequirement {
  /** Sign-in frequency must be on and at most this many hours ("every time" counts). */
  readonly maxSignInFrequencyHours?: number;
  /** Persistent browser sessions must be set to "never". */
  readonly persistentBrowserNever?: boolean;
  /** Token protection (device-bound sign-in sessions) must be on. */
  readonly tokenProtection?: boolean;
}

/** An app a policy must cover, by app id. */
export interface RequiredApp {
  readonly id: string;
  readonly name: string;
}

/** What a policy must do to satisfy a check. */
export interface CaRequirement {
  /** Who must be covered. */
  readonly scope: 'allUsers' | 'privilegedRoles';
  /** The grant the policy must have; with a list, any one of them satisfies it. */
  readonly grant: GrantKind | readonly GrantKind[];
  /** Client app types the policy must cover (legacy-authentication blocking, token protection). */
  readonly clientAppTypes?: readonly string[];
  /**
   * Sign-in risk levels the policy must cover. A policy with this condition is aimed at the
   * requirement; the condition then does not count as narrowing it.
   */
  readonly signInRiskLevels?: readonly string[];
  /** User risk levels the policy must cover (as for sign-in risk). */
  readonly userRiskLevels?: readonly string[];
  /** An authentication flow the policy must target, e.g. `deviceCodeFlow`. */
  readonly transferMethod?: string;
  /** A user action the policy must target instead of apps, e.g. `urn:user:registersecurityinfo`. */
  readonly userAction?: string;
  /** Apps the policy must cover instead of all apps ("All" and "Office365" also cover them). */
  readonly applications?: readonly RequiredApp[];
  /** Device platforms the policy must cover (others may be left out). */
  readonly platforms?: readonly string[];
  /** The policy must apply everywhere except trusted locations (which it must leave out). */
  readonly outsideTrustedLocations?: boolean;
  /** Session controls the policy must set. */
  readonly session?: SessionRequirement;
  /** Plain description, e.g. "requires MFA for every user". */
  readonly goal: string;
}

/** An authentication strength: which sign-in method combinations it accepts. */
export interface AuthStrength {
  readonly displayName?: string;
  readonly allowedCombinations: readonly string[];
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

/** Method combinations that cannot be phished (CISA SCuBA's list). */
export const PHISHING_RESISTANT_COMBINATIONS: ReadonlySet<string> = new Set([
  'windowsHelloForBusiness',
  'fido2',
  'x509CertificateMultiFactor',
]);

/** Microsoft's built-in authentication strengths, for when the tenant's list was not read. */
export const BUILT_IN_STRENGTHS: ReadonlyMap<string, AuthStrength> = new Map([
  [
    '00000000-0000-0000-0000-000000000002',
    {
      displayName: 'Multifactor authentication',
      allowedCombinations: [
        'windowsHelloForBusiness',
        'fido2',
        'x509CertificateMultiFactor',
        'deviceBasedPush',
        'temporaryAccessPassOneTime',
        'temporaryAccessPassMultiUse',
        'password,microsoftAuthenticatorPush',
        'password,softwareOath',
        'password,hardwareOath',
        'password,sms',
        'password,voice',
        'federatedMultiFactor',
        'microsoftAuthenticatorPush,federatedSingleFactor',
        'softwareOath,federatedSingleFactor',
        'hardwareOath,federatedSingleFactor',
        'sms,federatedSingleFactor',
        'voice,federatedSingleFactor',
      ],
    },
  ],
  [
    '00000000-0000-0000-0000-000000000003',
    {
      displayName: 'Passwordless MFA',
      allowedCombinations: [
        'windowsHelloForBusiness',
        'fido2',
        'x509CertificateMultiFactor',
        'deviceBasedPush',
      ],
    },
  ],
  [
    '00000000-0000-0000-0000-000000000004',
    {
      displayName: 'Phishing-resistant MFA',
      allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'],
    },
  ],
]);

const METHOD_LABELS: Readonly<Record<string, string>> = {
  password: 'password',
  sms: 'text message',
  voice: 'phone call',
  email: 'email code',
  microsoftAuthenticatorPush: 'Authenticator approval',
  softwareOath: 'authenticator app code',
  hardwareOath: 'hardware token code',
  deviceBasedPush: 'Authenticator phone sign-in',
  temporaryAccessPassOneTime: 'temporary access pass',
  temporaryAccessPassMultiUse: 'temporary access pass',
  federatedMultiFactor: "another provider's MFA",
  federatedSingleFactor: "another provider's sign-in",
  x509CertificateSingleFactor: 'certificate',
  x509CertificateMultiFactor: 'certificate (multifactor)',
  fido2: 'passkey or security key',
  windowsHelloForBusiness: 'Windows Hello',
};

/** "password + text message" for `password,sms`. */
export function describeCombination(combination: string): string {
  return combination
    .split(',')
    .map((m) => METHOD_LABELS[m.trim()] ?? m.trim())
    .join(' + ');
}

const CONTROL_LABELS: Readonly<Record<string, string>> = {
  mfa: 'MFA',
  block: 'blocking access',
  compliantDevice: 'a compliant device',
  domainJoinedDevice: 'a hybrid-joined device',
  approvedApplication: 'an approved app',
  compliantApplication: 'an app protection policy',
  passwordChange: 'a password change',
};
const controlLabel = (control: string) => CONTROL_LABELS[control] ?? control;

const DEVICE_CONTROLS = new Set(['compliantDevice', 'domainJoinedDevice']);

function includesAll(values: readonly string[]): boolean {
  return values.some((v) => v.toLowerCase() === 'all');
}

function sessionOf(policy: CaPolicy): SessionControls | undefined {
  const parsed = sessionControlsSchema.nullish().safeParse(policy.sessionControls);
  return parsed.success ? (parsed.data ?? undefined) : undefined;
}

/** The authentication strength a policy requires, resolved to its allowed combinations. */
function strengthOf(
  policy: CaPolicy,
  strengths: ReadonlyMap<string, AuthStrength> | undefined,
): { id: string; name: string; strength: AuthStrength | undefined } | undefined {
  const inline = policyStrengthSchema.safeParse(policy.grantControls?.authenticationStrength);
  const id = policy.grantControls?.authenticationStrength?.id;
  if (!id) return undefined;
  const listed = strengths?.get(id);
  const fromPolicy =
    inline.success && inline.data.allowedCombinations
      ? {
          displayName: inline.data.displayName ?? undefined,
          allowedCombinations: inline.data.allowedCombinations,
        }
      : undefined;
  const strength = listed ?? fromPolicy ?? BUILT_IN_STRENGTHS.get(id);
  const name =
    listed?.displayName ??
    (inline.success ? inline.data.displayName : undefined) ??
    strength?.displayName ??
    'a custom authentication strength';
  return { id, name, strength };
}

/**
 * Is the policy's grant the kind the requirement asks for? `undefined` when it is not aimed at it
 * at all; otherwise the problems (empty when fully met).
 */
function grantProblems(
  policy: CaPolicy,
  kind: GrantKind,
  strengths: ReadonlyMap<string, AuthStrength> | undefined,
): string[] | undefined {
  const g = policy.grantControls;
  const controls = g?.builtInControls ?? [];
  const hasStrength = Boolean(g?.authenticationStrength?.id);
  const or = (g?.operator ?? 'OR').toUpperCase() === 'OR';
  switch (kind) {
    case 'block':
      return controls.includes('block') ? [] : undefined;
    case 'any':
      return controls.includes('block') ? undefined : [];
    case 'mfa': {
      if (!controls.includes('mfa') && !hasStrength) return undefined;
      const others = controls.filter((x) => x !== 'mfa');
      return or && others.length
        ? [`it can be satisfied without MFA (by ${others.join(' or ')})`]
        : [];
    }
    case 'phishingResistantMfa': {
      const required = strengthOf(policy, strengths);
      if (!required) return undefined;
      const problems: string[] = [];
      if (!required.strength) {
        problems.push(
          `we could not read which sign-in methods its authentication strength "${required.name}" accepts`,
        );
      } else {
        const weak = required.strength.allowedCombinations.filter(
          (c) => !PHISHING_RESISTANT_COMBINATIONS.has(c),
        );
        if (weak.length) {
          const examples = weak.slice(0, 2).map(describeCombination).join(', ');
          problems.push(
            `its authentication strength "${required.name}" also accepts methods that can be phished (such as ${examples})`,
          );
        }
      }
      if (or && controls.length) {
        problems.push(
          `it can be satisfied without phishing-resistant MFA (by ${controls.map(controlLabel).join(' or ')})`,
        );
      }
      return problems;
    }
    case 'compliantDevice': {
      if (!controls.some((x) => DEVICE_CONTROLS.has(x))) return undefined;
      const others = controls.filter((x) => !DEVICE_CONTROLS.has(x)).map(controlLabel);
      if (hasStrength) others.push('an authentication strength');
      return or && others.length
        ? [`it can be satisfied without a managed device (by ${others.join(' or ')})`]
        : [];
    }
    case 'passwordChange': {
      if (!controls.includes('passwordChange')) return undefined;
      const problems: string[] = [];
      const others = controls.filter((x) => x !== 'passwordChange').map(controlLabel);
      if (hasStrength) others.push('an authentication strength');
      if (or && others.length) {
        problems.push(`it can be satisfied without a password change (by ${others.join(' or ')})`);
      }
      if (!controls.includes('mfa') && !hasStrength) {
        problems.push('it does not require MFA before the password change');
      }
      return problems;
    }
  }
}

function grantsAny(
  policy: CaPolicy,
  requirement: CaRequirement,
  strengths: ReadonlyMap<string, AuthStrength> | undefined,
): string[] | undefined {
  const kinds: readonly GrantKind[] =
    typeof requirement.grant === 'string' ? [requirement.grant] : requirement.grant;
  let first: string[] | undefined;
  for (const kind of kinds) {
    const problems = grantProblems(policy, kind, strengths);
    if (problems && problems.length === 0) return [];
    first ??= problems;
  }
  return first;
}

const riskWords = (levels: readonly string[]) => levels.join(' or ');

/**
 * The conditions a requirement needs (risk levels, a flow, a user action, trusted locations).
 * `undefined` when the policy is not aimed at them; otherwise the problems.
 */
function requiredConditionProblems(
  policy: CaPolicy,
  requirement: CaRequirement,
): string[] | undefined {
  const c = policy.conditions;
  const problems: string[] = [];
  if (requirement.signInRiskLevels) {
    const levels = c?.signInRiskLevels ?? [];
    if (!levels.length) return undefined;
    const missing = requirement.signInRiskLevels.filter((l) => !levels.includes(l));
    if (missing.length) problems.push(`it does not cover ${riskWords(missing)}-risk sign-ins`);
  }
  if (requirement.userRiskLevels) {
    const levels = c?.userRiskLevels ?? [];
    if (!levels.length) return undefined;
    const missing = requirement.userRiskLevels.filter((l) => !levels.includes(l));
    if (missing.length) problems.push(`it does not cover users at ${riskWords(missing)} risk`);
  }
  if (requirement.transferMethod) {
    const methods = (c?.authenticationFlows?.transferMethods ?? '').split(',').map((m) => m.trim());
    if (!methods.includes(requirement.transferMethod)) return undefined;
  }
  if (requirement.userAction) {
    if (!(c?.applications?.includeUserActions ?? []).includes(requirement.userAction)) {
      return undefined;
    }
  }
  if (requirement.outsideTrustedLocations) {
    const locations = c?.locations;
    if (!locations?.excludeLocations.length) return undefined;
    if (!includesAll(locations.includeLocations)) {
      problems.push('it applies only at some locations, not everywhere outside your trusted ones');
    }
  }
  return problems;
}

function hours(frequency: NonNullable<SessionControls['signInFrequency']>): number | undefined {
  if (frequency.frequencyInterval === 'everyTime') return 0;
  if (typeof frequency.value !== 'number') return undefined;
  return frequency.type === 'days' ? frequency.value * 24 : frequency.value;
}

const hoursWords = (h: number) =>
  h % 24 === 0 && h >= 24
    ? `${h / 24} day${h === 24 ? '' : 's'}`
    : `${h} hour${h === 1 ? '' : 's'}`;

/** The session controls a requirement needs. `undefined` when the policy sets none of them. */
function sessionProblems(policy: CaPolicy, requirement: CaRequirement): string[] | undefined {
  const wanted = requirement.session;
  if (!wanted) return [];
  const s = sessionOf(policy);
  const frequency = s?.signInFrequency?.isEnabled ? s.signInFrequency : undefined;
  const browser = s?.persistentBrowser?.isEnabled ? s.persistentBrowser : undefined;
  const token = s?.secureSignInSession?.isEnabled === true;
  const aimed =
    (wanted.maxSignInFrequencyHours !== undefined && frequency) ||
    (wanted.persistentBrowserNever && browser) ||
    (wanted.tokenProtection && token);
  if (!aimed) return undefined;
  const problems: string[] = [];
  if (wanted.maxSignInFrequencyHours !== undefined) {
    const limit = wanted.maxSignInFrequencyHours;
    const every = frequency ? hours(frequency) : undefined;
    if (!frequency) problems.push('it does not make people sign in again after a set time');
    else if (every === undefined)
      problems.push('its sign-in frequency has no interval we can read');
    else if (every > limit) {
      problems.push(
        `it asks for a new sign-in only every ${hoursWords(every)}, more than ${hoursWords(limit)}`,
      );
    }
  }
  if (wanted.persistentBrowserNever && browser?.mode !== 'never') {
    problems.push('it does not stop browsers from keeping people signed in');
  }
  if (wanted.tokenProtection && !token) problems.push('it does not turn on token protection');
  return problems;
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

function applicationProblems(policy: CaPolicy, requirement: CaRequirement): string[] {
  const apps = policy.conditions?.applications;
  const includeApps = apps?.includeApplications ?? [];
  const problems: string[] = [];
  if (requirement.userAction) {
    // Aimed at a user action (checked before): no apps are expected.
  } else if (requirement.applications) {
    const coversAll = includeApps.some((a) => ['all', 'office365'].includes(a.toLowerCase()));
    const missing = coversAll
      ? []
      : requirement.applications.filter((app) => !includeApps.includes(app.id));
    if (missing.length) {
      problems.push(`it does not cover ${missing.map((a) => a.name).join(', ')}`);
    }
  } else if (!includesAll(includeApps)) {
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
  return problems;
}

function platformProblems(policy: CaPolicy, requirement: CaRequirement): string[] {
  const platforms = policy.conditions?.platforms;
  if (requirement.platforms) {
    const include = platforms?.includePlatforms ?? [];
    const exclude = platforms?.excludePlatforms ?? [];
    const missing = requirement.platforms.filter(
      (p) => !(include.includes(p) || includesAll(include)) || exclude.includes(p),
    );
    return missing.length ? [`it does not apply to ${missing.join(', ')} devices`] : [];
  }
  if (
    platforms &&
    ((platforms.includePlatforms.length && !includesAll(platforms.includePlatforms)) ||
      platforms.excludePlatforms.length)
  ) {
    return ['it applies only to some device platforms'];
  }
  return [];
}

function narrowingProblems(policy: CaPolicy, requirement: CaRequirement): string[] {
  const problems = applicationProblems(policy, requirement);
  const c = policy.conditions;
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
  problems.push(...platformProblems(policy, requirement));
  const locations = c?.locations;
  if (
    !requirement.outsideTrustedLocations &&
    locations &&
    ((locations.includeLocations.length && !includesAll(locations.includeLocations)) ||
      locations.excludeLocations.length)
  ) {
    problems.push(
      'it does not apply at every location (for example, trusted office networks are left out)',
    );
  }
  if (
    ((c?.signInRiskLevels ?? []).length && !requirement.signInRiskLevels) ||
    ((c?.userRiskLevels ?? []).length && !requirement.userRiskLevels) ||
    (c?.servicePrincipalRiskLevels ?? []).length ||
    c?.insiderRiskLevels
  ) {
    problems.push('it applies only to risky sign-ins or users');
  }
  if (c?.devices?.deviceFilter) problems.push('it applies only to devices matching a filter');
  if (c?.authenticationFlows?.transferMethods && !requirement.transferMethod)
    problems.push('it applies only to some sign-in flows');
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
 * declared break-glass accounts. Conditions the requirement itself asks for (a risk level, a
 * sign-in flow, a user action, trusted locations, chosen apps or platforms) are not narrowing.
 * `strengths` resolves the authentication strengths policies require (by id).
 */
export function assessConditionalAccess(
  policies: readonly CaPolicy[],
  requirement: CaRequirement,
  ctx: EvaluationContext,
  strengths?: ReadonlyMap<string, AuthStrength>,
): CaAssessment {
  const enforcing: CaPolicy[] = [];
  const reportOnly: CaPolicy[] = [];
  const gaps: PolicyGap[] = [];
  for (const policy of policies) {
    if (policy.state === 'disabled') continue;
    const grant = grantsAny(policy, requirement, strengths);
    if (grant === undefined) continue;
    const conditions = requiredConditionProblems(policy, requirement);
    if (conditions === undefined) continue;
    const session = sessionProblems(policy, requirement);
    if (session === undefined) continue;
    const scope = scopeProblems(policy, requirement);
    if (scope === undefined) continue;
    const problems = [
      ...scope,
      ...narrowingProblems(policy, requirement),
      ...conditions,
      ...grant,
      ...session,
    ];
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

/** Either of two assessments satisfies the check (e.g. two accepted ways to protect something). */
export function mergeAssessments(a: CaAssessment, b: CaAssessment): CaAssessment {
  const enforcing = [...a.enforcing, ...b.enforcing.filter((p) => !a.enforcing.includes(p))];
  const reportOnly = [...a.reportOnly, ...b.reportOnly.filter((p) => !a.reportOnly.includes(p))];
  const satisfied = new Set([...enforcing, ...reportOnly].map((p) => p.id));
  const seen = new Set<string>();
  const gaps = [...a.gaps, ...b.gaps].filter((g) => {
    if (satisfied.has(g.policy.id) || seen.has(g.policy.id)) return false;
    seen.add(g.policy.id);
    return true;
  });
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

/** Special values Conditional Access uses in its user lists instead of object ids. */
const SPECIAL_USER_VALUES = new Set(['all', 'none', 'guestsorexternalusers']);

/** A directory object a policy names in its include or exclude lists. */
export interface PolicyReference {
  readonly kind: 'user' | 'group' | 'role';
  readonly id: string;
  readonly list: 'include' | 'exclude';
}

/** Every user, group and role a policy names (special values such as "All" left out). */
export function policyReferences(policy: CaPolicy): PolicyReference[] {
  const users = policy.conditions?.users;
  const refs: PolicyReference[] = [];
  const add = (kind: PolicyReference['kind'], list: PolicyReference['list'], ids: string[]) => {
    for (const id of ids) {
      if (kind === 'user' && SPECIAL_USER_VALUES.has(id.toLowerCase())) continue;
      refs.push({ kind, id, list });
    }
  };
  add('user', 'include', users?.includeUsers ?? []);
  add('user', 'exclude', users?.excludeUsers ?? []);
  add('group', 'include', users?.includeGroups ?? []);
  add('group', 'exclude', users?.excludeGroups ?? []);
  add('role', 'include', users?.includeRoles ?? []);
  add('role', 'exclude', users?.excludeRoles ?? []);
  return refs;
}
