import { z } from 'zod';
import type { AffectedObject } from '../../shared/models/finding';
import type { Check, EvaluationContext, Outcome } from './check';
import { describeUser, hasEntraP1 } from './directory';
import { usersSchema, type GraphUser } from './graph-shapes';
import { LEARN, LINKS } from './links';
import { parseSource, UnexpectedShapeError, unknownFromSource } from './source-data';

/** Sign-in methods (AUTH). */

const P1 = 'Microsoft Entra ID P1 (included in Microsoft 365 Business Premium)';

/** "No group": what Graph puts in an exclude target that excludes nobody. */
const NO_GROUP = '00000000-0000-0000-0000-000000000000';
const ALL_USERS = 'all_users';

// --- Graph shapes -----------------------------------------------------------------------------

const targetSchema = z.looseObject({
  id: z.string().nullish(),
  targetType: z.string().nullish(),
});
const targets = z
  .array(targetSchema)
  .nullish()
  .transform((v) => v ?? []);
type Target = z.infer<typeof targetSchema>;

const featureStateSchema = z.looseObject({
  state: z.string().nullish(),
  includeTarget: targetSchema.nullish(),
  excludeTarget: targetSchema.nullish(),
});
type FeatureState = z.infer<typeof featureStateSchema>;

const methodConfigurationSchema = z.looseObject({
  id: z.string(),
  state: z.string().nullish(),
  includeTargets: targets,
  excludeTargets: targets,
  featureSettings: z
    .looseObject({
      displayAppInformationRequiredState: featureStateSchema.nullish(),
      displayLocationInformationRequiredState: featureStateSchema.nullish(),
    })
    .nullish(),
});
type MethodConfiguration = z.infer<typeof methodConfigurationSchema>;

/** `GET /policies/authenticationMethodsPolicy` (method configurations come expanded). */
const methodsPolicySchema = z.looseObject({
  policyMigrationState: z.string().nullish(),
  authenticationMethodConfigurations: z.array(methodConfigurationSchema),
});

/** `GET /beta/policies/authenticationMethodsPolicy`: adds system-preferred MFA. */
const methodsPolicyBetaSchema = z.looseObject({
  systemCredentialPreferences: z
    .looseObject({ state: z.string().nullish(), includeTargets: targets, excludeTargets: targets })
    .nullish(),
});

/** `GET /reports/authenticationMethods/userRegistrationDetails`. */
const registrationDetailsSchema = z.array(
  z.looseObject({
    id: z.string(),
    userPrincipalName: z.string().nullish(),
    userDisplayName: z.string().nullish(),
    userType: z.string().nullish(),
    isAdmin: z.boolean().nullish(),
    isMfaCapable: z.boolean().nullish(),
    isMfaRegistered: z.boolean().nullish(),
    methodsRegistered: z
      .array(z.string())
      .nullish()
      .transform((v) => v ?? []),
  }),
);
type RegistrationDetail = z.infer<typeof registrationDetailsSchema>[number];

// --- Helpers ----------------------------------------------------------------------------------

function configuration(
  configs: readonly MethodConfiguration[],
  id: string,
): MethodConfiguration | undefined {
  return configs.find((c) => c.id.toLowerCase() === id.toLowerCase());
}

const isAllUsers = (t: Target | null | undefined) => t?.id?.toLowerCase() === ALL_USERS;
const excludesSomeone = (t: Target | null | undefined) => Boolean(t?.id) && t?.id !== NO_GROUP;

function groupObject(id: string, detail: string): AffectedObject {
  return { id, displayName: `Group ${id}`, detail };
}

const METHOD_WORDS: Readonly<Record<string, string>> = {
  mobilePhone: 'text or call to a mobile phone',
  alternateMobilePhone: 'text or call to a second phone',
  officePhone: 'office phone call',
  email: 'email',
  microsoftAuthenticatorPush: 'Authenticator app',
  microsoftAuthenticatorPasswordless: 'Authenticator phone sign-in',
  softwareOneTimePasscode: 'authenticator code',
  hardwareOneTimePasscode: 'hardware token',
  passKeyDeviceBound: 'passkey',
  passKeyDeviceBoundAuthenticator: 'passkey in Authenticator',
  windowsHelloForBusiness: 'Windows Hello',
  temporaryAccessPass: 'temporary access pass',
  securityQuestion: 'security questions',
};

// --- AUTH-001 ---------------------------------------------------------------------------------

export const AUTH_001: Check = {
  id: 'AUTH-001',
  title: 'Authenticator prompts show the app and the location (stops MFA fatigue)',
  family: 'AUTH',
  severity: 'medium',
  requires: ['authenticationMethodsPolicy'],
  licences: [],
  permissions: ['Policy.Read.AuthenticationMethod'],
  mappings: {
    cisM365: ['v5:5.2.3.1'],
    cisControls: ['6.3'],
    nistCsf: ['PR.AA-03'],
    scuba: ['MS.AAD.3.3v2'],
  },
  content: {
    why: 'Attackers with a stolen password send approval prompt after prompt until a tired staff member taps "Approve". When the prompt shows which app and which city the sign-in comes from, people can see it is not them and deny it.',
    steps: [
      {
        text: 'Open Entra admin center › Authentication methods › Policies › Microsoft Authenticator and select the "Configure" tab.',
        link: LINKS.authMethodsPolicies,
      },
      {
        text: 'Set "Show application name in push and passwordless notifications" to Enabled, target "All users", and exclude no group.',
      },
      {
        text: 'Set "Show geographic location in push and passwordless notifications" to Enabled, target "All users", and exclude no group. Select Save.',
      },
    ],
    verify:
      'Sign in on a new browser: the Authenticator prompt shows the app name and a map of where the sign-in comes from.',
    userImpact:
      'Approval prompts show more detail. Tell staff to deny any prompt they did not start and to report it.',
    effortMinutes: 5,
    learnMore: [LEARN.authenticatorContext],
  },
  evaluate(ctx) {
    const policy = parseSource(ctx, 'authenticationMethodsPolicy', methodsPolicySchema);
    const authenticator = configuration(
      policy.authenticationMethodConfigurations,
      'MicrosoftAuthenticator',
    );
    if (!authenticator) {
      throw new UnexpectedShapeError(
        'authenticationMethodsPolicy',
        'no Microsoft Authenticator configuration',
      );
    }
    if (authenticator.state !== 'enabled') {
      return {
        verdict: 'not_applicable',
        reasonCode: 'not_in_use',
        reason:
          'The Microsoft Authenticator app is turned off as a sign-in method, so its prompt settings do not apply.',
        affected: [],
        evidence: [
          { source: 'authenticationMethodsPolicy', summary: 'Microsoft Authenticator: disabled' },
        ],
      };
    }
    const problems: string[] = [];
    const affected: AffectedObject[] = [];
    const missing: string[] = [];
    const features: [string, FeatureState | null | undefined][] = [
      ['the app name', authenticator.featureSettings?.displayAppInformationRequiredState],
      [
        'the sign-in location',
        authenticator.featureSettings?.displayLocationInformationRequiredState,
      ],
    ];
    for (const [what, feature] of features) {
      const state = feature?.state ?? 'not set';
      if (state !== 'enabled') {
        missing.push(what);
        problems.push(
          state === 'default'
            ? `${what} setting is left to Microsoft's default instead of turned on`
            : state === 'disabled'
              ? `${what} setting is turned off`
              : `${what} setting is not set`,
        );
        continue;
      }
      if (!isAllUsers(feature?.includeTarget)) {
        missing.push(what);
        problems.push(`${what} is shown only to some people`);
      }
      if (excludesSomeone(feature?.excludeTarget)) {
        missing.push(what);
        problems.push(`a group is left out of showing ${what}`);
        affected.push(groupObject(feature!.excludeTarget!.id!, `does not see ${what}`));
      }
    }
    const summary = features.map(([what, f]) => `${what}: ${f?.state ?? 'not set'}`).join(', ');
    const evidence = [
      {
        source: 'authenticationMethodsPolicy' as const,
        summary: `Microsoft Authenticator enabled; ${summary}`,
      },
    ];
    if (problems.length === 0) {
      return {
        verdict: 'pass',
        reason:
          'Microsoft Authenticator prompts show everyone the app name and the sign-in location.',
        affected: [],
        evidence,
      };
    }
    const unique = [...new Set(missing)];
    return {
      verdict: 'fail',
      reason: `Authenticator prompts may not show ${unique.join(' and ')}: ${problems.join('; ')}.`,
      affected,
      evidence,
    };
  },
};

// --- AUTH-002 ---------------------------------------------------------------------------------

const WEAK_METHODS: readonly { id: string; name: string }[] = [
  { id: 'Sms', name: 'text message (SMS)' },
  { id: 'Voice', name: 'phone call' },
  { id: 'Email', name: 'email one-time passcode' },
];

function whoCanUse(config: MethodConfiguration): string {
  if (config.includeTargets.some(isAllUsers)) return 'turned on for all users';
  const n = config.includeTargets.length;
  return `turned on for ${n} group${n === 1 ? '' : 's'}`;
}

const joinWords = (words: readonly string[]) =>
  words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;

export const AUTH_002: Check = {
  id: 'AUTH-002',
  title: 'Text message, phone call and email codes are turned off',
  family: 'AUTH',
  severity: 'medium',
  requires: ['authenticationMethodsPolicy'],
  licences: [],
  permissions: ['Policy.Read.AuthenticationMethod'],
  mappings: {
    cisM365: ['v5:5.2.3.5', 'v7:5.2.3.5', 'v7:5.2.3.7'],
    cisControls: ['6.3'],
    nistCsf: ['PR.AA-03'],
    scuba: ['MS.AAD.3.5v2'],
  },
  content: {
    why: 'Codes sent by text, phone call or email can be stolen: attackers move a phone number to their own SIM card, or trick people into reading a code out. The Authenticator app and passkeys are much harder to steal, so weaker methods should not be offered at all.',
    steps: [
      {
        text: 'First make sure everyone has registered the Authenticator app or a passkey (see the check "All staff accounts can use MFA").',
      },
      {
        text: 'Open Entra admin center › Authentication methods › Policies.',
        link: LINKS.authMethodsPolicies,
      },
      { text: 'Open "SMS", set Enable to off, and select Save. Do the same for "Voice call".' },
      {
        text: 'Open "Email OTP" and set Enable to off. Guests from other companies can still receive one-time email codes to sign in to shared files.',
      },
    ],
    verify:
      'The Policies list shows SMS, Voice call and Email OTP as "Disabled". Run this scan again.',
    userImpact:
      'People who still approve sign-ins by text or call must switch to the Authenticator app; check the registration report first.',
    effortMinutes: 15,
    learnMore: [LEARN.authMethodsManage],
  },
  evaluate(ctx) {
    const policy = parseSource(ctx, 'authenticationMethodsPolicy', methodsPolicySchema);
    const configs = policy.authenticationMethodConfigurations;
    const evidenceSummary = WEAK_METHODS.map(
      (m) => `${m.id}: ${configuration(configs, m.id)?.state ?? 'not returned'}`,
    ).join(', ');
    const evidence = [{ source: 'authenticationMethodsPolicy' as const, summary: evidenceSummary }];
    const enabled = WEAK_METHODS.flatMap((m) => {
      const config = configuration(configs, m.id);
      return config?.state === 'enabled' ? [{ method: m, config }] : [];
    });
    if (enabled.length) {
      return {
        verdict: 'fail',
        reason: `${enabled.length === 1 ? 'A weak sign-in method is' : `${enabled.length} weak sign-in methods are`} still turned on: ${joinWords(enabled.map((e) => e.method.name))}.`,
        affected: enabled.map(({ method, config }) => ({
          id: method.id,
          displayName: method.name.charAt(0).toUpperCase() + method.name.slice(1),
          detail: whoCanUse(config),
        })),
        evidence,
      };
    }
    const notReturned = WEAK_METHODS.filter((m) => !configuration(configs, m.id));
    if (notReturned.length) {
      return {
        verdict: 'unknown',
        reasonCode: 'invalid_response',
        reason: `Microsoft did not return the settings for ${joinWords(notReturned.map((m) => m.name))}, so we could not confirm they are turned off.`,
        affected: [],
        evidence,
      };
    }
    if (policy.policyMigrationState !== 'migrationComplete') {
      return {
        verdict: 'warn',
        reason:
          'Text message, phone call and email codes are off in the sign-in methods policy, but the move away from the old MFA settings is not finished, so the old settings may still offer text or call codes.',
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: 'Text message, phone call and email codes are all turned off as sign-in methods.',
      affected: [],
      evidence,
    };
  },
};

// --- AUTH-003 ---------------------------------------------------------------------------------

export const AUTH_003: Check = {
  id: 'AUTH-003',
  title: 'Sign-in methods are managed in one place (migration finished)',
  family: 'AUTH',
  severity: 'low',
  requires: ['authenticationMethodsPolicy'],
  licences: [],
  permissions: ['Policy.Read.AuthenticationMethod'],
  mappings: { cisM365: [], cisControls: ['4.1'], nistCsf: ['PR.PS-01'], scuba: ['MS.AAD.3.4v1'] },
  content: {
    why: 'Until the migration is finished, two separate settings pages decide which sign-in methods work, and a method you turned off in one may still be allowed by the other. Microsoft is retiring the old MFA and password-reset pages, so finishing the move avoids surprises.',
    steps: [
      {
        text: 'Open Entra admin center › Authentication methods › Policies and select "Manage migration".',
        link: LINKS.authMethodsPolicies,
      },
      {
        text: 'Compare with the old pages (legacy MFA settings and password reset › Authentication methods) and turn on the same methods in the new Policies list.',
      },
      { text: 'Choose "Migration Complete" and select Save.' },
    ],
    verify: 'The Manage migration panel shows "Migration Complete". Run this scan again.',
    userImpact:
      'None if the same methods are enabled in the new policy; people keep signing in as before.',
    effortMinutes: 30,
    learnMore: [LEARN.authMethodsMigration],
  },
  evaluate(ctx) {
    const policy = parseSource(ctx, 'authenticationMethodsPolicy', methodsPolicySchema);
    const state = policy.policyMigrationState;
    const evidence = [
      {
        source: 'authenticationMethodsPolicy' as const,
        summary: `policyMigrationState: ${state ?? 'not returned'}`,
      },
    ];
    if (!state) {
      return {
        verdict: 'unknown',
        reasonCode: 'invalid_response',
        reason:
          'Microsoft did not say how far the move to the sign-in methods policy has got, so this could not be checked.',
        affected: [],
        evidence,
      };
    }
    if (state === 'migrationComplete') {
      return {
        verdict: 'pass',
        reason:
          'All sign-in methods are managed in the sign-in methods policy; the migration is complete.',
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'fail',
      reason:
        state === 'migrationInProgress'
          ? 'The move to the sign-in methods policy was started but not finished, so the old MFA and password-reset settings still apply as well.'
          : 'The move to the sign-in methods policy has not started, so the old MFA and password-reset settings still decide which methods work.',
      affected: [],
      evidence,
    };
  },
};

// --- AUTH-004 ---------------------------------------------------------------------------------

export const AUTH_004: Check = {
  id: 'AUTH-004',
  title: 'Sign-in asks for the strongest method each person has (system-preferred MFA)',
  family: 'AUTH',
  severity: 'low',
  requires: ['authenticationMethodsPolicyBeta'],
  licences: [],
  permissions: ['Policy.Read.AuthenticationMethod'],
  mappings: { cisM365: ['v5:5.2.3.6'], cisControls: ['6.3'], nistCsf: ['PR.AA-03'], scuba: [] },
  content: {
    why: 'Many people register both a phone number and the Authenticator app, then keep using the weaker text code out of habit. System-preferred MFA makes sign-in ask for the strongest method each person has, so phishable codes are used only when nothing better exists.',
    steps: [
      {
        text: 'Open Entra admin center › Authentication methods › Settings.',
        link: LINKS.authMethodsSettings,
      },
      {
        text: 'Under "System-preferred multifactor authentication", set State to Enabled, include "All users" and exclude no group. Select Save.',
      },
    ],
    verify:
      'The Settings page shows system-preferred MFA as Enabled for All users. Run this scan again.',
    userImpact:
      'People who registered the Authenticator app or a passkey are asked for it instead of a text code.',
    effortMinutes: 5,
    learnMore: [LEARN.systemPreferredMfa],
  },
  evaluate(ctx) {
    const policy = parseSource(ctx, 'authenticationMethodsPolicyBeta', methodsPolicyBetaSchema);
    const prefs = policy.systemCredentialPreferences;
    const evidence = [
      {
        source: 'authenticationMethodsPolicyBeta' as const,
        summary: `systemCredentialPreferences.state: ${prefs?.state ?? 'not returned'}`,
      },
    ];
    if (!prefs?.state) {
      return {
        verdict: 'unknown',
        reasonCode: 'invalid_response',
        reason:
          'Microsoft did not return the system-preferred MFA setting, so this could not be checked.',
        affected: [],
        evidence,
      };
    }
    if (prefs.state === 'disabled') {
      return {
        verdict: 'fail',
        reason:
          'System-preferred MFA is turned off, so people can keep using a weaker method such as a text code even when they have a stronger one.',
        affected: [],
        evidence,
      };
    }
    if (prefs.state !== 'enabled') {
      return {
        verdict: 'warn',
        reason:
          "System-preferred MFA is left to Microsoft's default instead of being turned on, so Microsoft can change it without you deciding.",
        affected: [],
        evidence,
      };
    }
    const excluded = prefs.excludeTargets.filter(excludesSomeone);
    if (!prefs.includeTargets.some(isAllUsers) || excluded.length) {
      return {
        verdict: 'warn',
        reason: prefs.includeTargets.some(isAllUsers)
          ? `System-preferred MFA is on, but ${excluded.length} group${excluded.length === 1 ? ' is' : 's are'} left out.`
          : 'System-preferred MFA is on only for some groups, not for all users.',
        affected: excluded.map((t) => groupObject(t.id!, 'left out of system-preferred MFA')),
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: 'System-preferred MFA is on for all users.',
      affected: [],
      evidence,
    };
  },
};

// --- AUTH-005 ---------------------------------------------------------------------------------

function notLicensedForReport(evidenceSummary: string): Outcome {
  return {
    verdict: 'not_applicable',
    reasonCode: 'not_licensed',
    reason: `Your licences do not include the MFA registration report (${P1}), so we cannot list who has set up MFA.`,
    affected: [],
    evidence: [{ source: 'userRegistrationDetails', summary: evidenceSummary }],
  };
}

function isMember(u: GraphUser, reg: RegistrationDetail | undefined): boolean {
  const type = (u.userType ?? reg?.userType ?? 'member').toLowerCase();
  return type === 'member';
}

function registeredWords(reg: RegistrationDetail): string {
  if (!reg.methodsRegistered.length) return 'no MFA method registered';
  const words = [...new Set(reg.methodsRegistered.map((m) => METHOD_WORDS[m] ?? m))];
  return `only registered: ${words.join(', ')}`;
}

export const AUTH_005: Check = {
  id: 'AUTH-005',
  title: 'All staff accounts can use MFA',
  family: 'AUTH',
  severity: 'high',
  requires: ['users'],
  uses: ['userRegistrationDetails', 'subscribedSkus'],
  licences: [P1],
  permissions: ['User.Read.All', 'AuditLog.Read.All'],
  mappings: { cisM365: ['v5:5.2.3.4'], cisControls: ['6.3'], nistCsf: ['PR.AA-03'], scuba: [] },
  content: {
    why: 'An account with no MFA method set up can be taken over with its password alone, even when a policy requires MFA: whoever signs in first gets to register their own phone. Every active staff account should have the Authenticator app or a passkey.',
    steps: [
      {
        text: 'Open Entra admin center › Authentication methods › User registration details and filter "Multifactor authentication capable" to "Not capable".',
        link: LINKS.authRegistrationDetails,
      },
      {
        text: 'Ask each person listed to open https://aka.ms/mysecurityinfo at the office and add the Microsoft Authenticator app.',
      },
      {
        text: 'For accounts nobody signs in to (such as a scanner or an old contractor), block sign-in in Microsoft 365 admin center › Users › Active users, or delete them.',
        link: LINKS.activeUsers,
      },
    ],
    verify:
      'The User registration details page shows every active staff account as "Capable". Run this scan again.',
    userImpact:
      'Each person listed spends about 5 minutes installing and registering the Authenticator app.',
    effortMinutes: 60,
    learnMore: [LEARN.mfaRegistrationReport],
  },
  evaluate(ctx: EvaluationContext): Outcome {
    if (hasEntraP1(ctx) === false) return notLicensedForReport('no Entra ID P1 or P2 service plan');
    const read = ctx.snapshot.sources.userRegistrationDetails;
    if (!read?.ok) {
      if (read?.error.kind === 'not_licensed') {
        return notLicensedForReport('Microsoft refused the report: no Entra ID P1');
      }
      return unknownFromSource('userRegistrationDetails', read);
    }
    const registrations = parseSource(ctx, 'userRegistrationDetails', registrationDetailsSchema);
    const users = parseSource(ctx, 'users', usersSchema);
    const byId = new Map(registrations.map((r) => [r.id.toLowerCase(), r]));
    const directory = new Map(users.map((u) => [u.id, u]));
    const members = users.filter(
      (u) => u.accountEnabled !== false && isMember(u, byId.get(u.id.toLowerCase())),
    );
    const evidence = [
      { source: 'users' as const, summary: `${members.length} enabled member accounts` },
      {
        source: 'userRegistrationDetails' as const,
        summary: `${registrations.length} MFA registration records`,
      },
    ];
    if (members.length === 0) {
      return {
        verdict: 'unknown',
        reasonCode: 'invalid_response',
        reason:
          'The user list we read has no enabled staff accounts, which cannot be right for a working tenant, so this could not be checked.',
        affected: [],
        evidence,
      };
    }
    const notCapable: { user: GraphUser; reg: RegistrationDetail }[] = [];
    const unconfirmed: GraphUser[] = [];
    for (const user of members) {
      const reg = byId.get(user.id.toLowerCase());
      if (reg?.isMfaCapable === true) continue;
      if (reg?.isMfaCapable === false) notCapable.push({ user, reg });
      else unconfirmed.push(user);
    }
    const name = (u: GraphUser) => (u.displayName ?? u.userPrincipalName ?? u.id).toLowerCase();
    notCapable.sort(
      (a, b) =>
        Number(Boolean(b.reg.isAdmin)) - Number(Boolean(a.reg.isAdmin)) ||
        name(a.user).localeCompare(name(b.user)),
    );
    if (notCapable.length) {
      const admins = notCapable.filter((n) => n.reg.isAdmin);
      const adminPart = admins.length
        ? `, including ${admins.length === 1 ? 'an admin' : `${admins.length} admins`} (${admins
            .map((a) => a.user.displayName ?? a.user.userPrincipalName ?? a.user.id)
            .join(', ')})`
        : '';
      const affected: AffectedObject[] = [
        ...notCapable.map(({ user, reg }) =>
          describeUser(
            user.id,
            directory,
            `${reg.isAdmin ? 'admin; ' : ''}${registeredWords(reg)}`,
          ),
        ),
        ...unconfirmed.map((u) => describeUser(u.id, directory, 'no MFA registration record')),
      ];
      return {
        verdict: 'fail',
        reason: `${notCapable.length} of your ${members.length} active staff accounts cannot use MFA yet${adminPart}.`,
        affected,
        evidence,
      };
    }
    if (unconfirmed.length) {
      return {
        verdict: 'warn',
        reason: `Microsoft's MFA registration report has no record for ${unconfirmed.length} of your ${members.length} active staff accounts, so we could not confirm they can use MFA.`,
        affected: unconfirmed.map((u) =>
          describeUser(u.id, directory, 'no MFA registration record'),
        ),
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: `All ${members.length} active staff accounts have an MFA method set up.`,
      affected: [],
      evidence,
    };
  },
};

export const AUTH_CHECKS: readonly Check[] = [AUTH_001, AUTH_002, AUTH_003, AUTH_004, AUTH_005];
