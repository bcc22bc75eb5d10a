import { z } from 'zod';
import type { Check, EvaluationContext } from './check';
import { hasEntraP1 } from './directory';
import { LEARN, LINKS } from './links';
import { parseSource } from './source-data';

/** The directory setting template "Password Rule Settings". */
const PASSWORD_RULE_TEMPLATE = '5cf42378-d67d-4f36-ba46-e8b86229381d';

/** Microsoft's defaults when no "Password Rule Settings" object exists. */
const DEFAULT_LOCKOUT_THRESHOLD = 10;
const DEFAULT_LOCKOUT_SECONDS = 60;
const MAX_LOCKOUT_THRESHOLD = 10;
const MIN_LOCKOUT_SECONDS = 60;

const groupSettingsSchema = z.array(
  z.looseObject({
    id: z.string(),
    displayName: z.string().nullish(),
    templateId: z.string().nullish(),
    values: z.array(z.looseObject({ name: z.string(), value: z.string().nullish() })),
  }),
);
type GroupSetting = z.infer<typeof groupSettingsSchema>[number];

const organizationSchema = z
  .array(z.looseObject({ id: z.string(), onPremisesSyncEnabled: z.boolean().nullish() }))
  .min(1);

/** The "Password Rule Settings" object, when someone has created one. */
function passwordRules(ctx: EvaluationContext): GroupSetting | undefined {
  return parseSource(ctx, 'groupSettings', groupSettingsSchema).find(
    (s) =>
      s.templateId?.toLowerCase() === PASSWORD_RULE_TEMPLATE ||
      s.displayName?.toLowerCase() === 'password rule settings',
  );
}

/** A setting's value (values are strings in Graph), matched without regard to case. */
function valueOf(setting: GroupSetting | undefined, name: string): string | undefined {
  const v = setting?.values.find((x) => x.name.toLowerCase() === name.toLowerCase())?.value;
  return v ?? undefined;
}

const isTrue = (v: string | undefined) => v?.trim().toLowerCase() === 'true';

export const PWD_002: Check = {
  id: 'PWD-002',
  title: 'Repeated wrong passwords lock the account for a while (smart lockout)',
  family: 'PWD',
  severity: 'low',
  requires: ['groupSettings'],
  licences: [],
  permissions: ['Directory.Read.All'],
  mappings: {
    cisM365: ['v7:5.2.3.8', 'v7:5.2.3.9'],
    cisControls: ['4.10'],
    nistCsf: ['PR.AA-03'],
    scuba: [],
  },
  content: {
    why: 'Attackers try common passwords against every account, again and again. Smart lockout pauses sign-ins after a few wrong guesses, which makes guessing far too slow to work while your staff barely notice it.',
    steps: [
      {
        text: 'Open Entra admin center › Authentication methods › Password protection.',
        link: LINKS.passwordProtection,
      },
      { text: 'Set "Lockout threshold" to 10 or fewer failed sign-ins.' },
      { text: 'Set "Lockout duration in seconds" to 60 or more, and select Save.' },
    ],
    verify: 'Run this scan again: the lockout threshold and duration are within the limits.',
    userImpact:
      'Someone who mistypes their password many times in a row waits a minute before trying again.',
    effortMinutes: 5,
    learnMore: [LEARN.smartLockout],
  },
  evaluate(ctx) {
    const rules = passwordRules(ctx);
    const thresholdText = valueOf(rules, 'LockoutThreshold');
    const durationText = valueOf(rules, 'LockoutDurationInSeconds');
    const threshold =
      thresholdText === undefined ? DEFAULT_LOCKOUT_THRESHOLD : Number(thresholdText.trim());
    const duration =
      durationText === undefined ? DEFAULT_LOCKOUT_SECONDS : Number(durationText.trim());
    const evidence = [
      {
        source: 'groupSettings' as const,
        summary: rules
          ? `Password Rule Settings: LockoutThreshold ${thresholdText ?? '(default)'}, LockoutDurationInSeconds ${durationText ?? '(default)'}`
          : 'no Password Rule Settings object: Microsoft defaults apply',
      },
    ];
    if (!Number.isInteger(threshold) || !Number.isInteger(duration)) {
      return {
        verdict: 'unknown',
        reasonCode: 'invalid_response',
        reason:
          'Microsoft returned lockout settings we could not read as numbers, so this could not be checked.',
        affected: [],
        evidence,
      };
    }
    const problems: string[] = [];
    if (threshold > MAX_LOCKOUT_THRESHOLD || threshold < 1) {
      problems.push(`an account locks only after ${threshold} wrong passwords`);
    }
    if (duration < MIN_LOCKOUT_SECONDS) problems.push(`the lockout lasts only ${duration} seconds`);
    if (problems.length) {
      return {
        verdict: 'fail',
        reason: `Smart lockout is weaker than recommended: ${problems.join(' and ')}.`,
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: rules
        ? `Accounts lock for ${duration} seconds after ${threshold} wrong passwords.`
        : `Microsoft's defaults apply: accounts lock for ${duration} seconds after ${threshold} wrong passwords.`,
      affected: [],
      evidence,
    };
  },
};

export const PWD_003: Check = {
  id: 'PWD-003',
  title: 'Passwords with your business name and other easy guesses are banned',
  family: 'PWD',
  severity: 'low',
  requires: ['groupSettings', 'organization'],
  uses: ['subscribedSkus'],
  licences: ['Microsoft Entra ID P1 (included in Microsoft 365 Business Premium)'],
  permissions: ['Directory.Read.All', 'Organization.Read.All'],
  mappings: {
    cisM365: ['v5:5.2.3.2', 'v5:5.2.3.3'],
    cisControls: ['5.2'],
    nistCsf: ['PR.AA-01'],
    scuba: [],
  },
  content: {
    why: 'People build passwords from what is around them: the practice name, the street, the town, "Smile2025". Attackers guess exactly those. A custom banned list stops staff from choosing passwords that anyone who knows your business would try first.',
    steps: [
      {
        text: 'Open Entra admin center › Authentication methods › Password protection.',
        link: LINKS.passwordProtection,
      },
      {
        text: 'Set "Enforce custom list" to Yes and add words linked to your business: its name and short forms, products, street, town and local sports teams.',
      },
      {
        text: 'If you sync accounts from an office server, also set "Enable password protection on Windows Server Active Directory" to Yes and "Mode" to Enforced, and install the password protection agent there.',
      },
      { text: 'Select Save.' },
    ],
    verify:
      'Run this scan again; or try changing a test account’s password to one with a banned word: it is refused.',
    userImpact: 'Staff choosing a new password may be asked to pick a less predictable one.',
    effortMinutes: 15,
    learnMore: [LEARN.bannedPasswords, LEARN.bannedPasswordsOnPremises],
  },
  evaluate(ctx) {
    const rules = passwordRules(ctx);
    const [org] = parseSource(ctx, 'organization', organizationSchema);
    if (hasEntraP1(ctx) === false) {
      return {
        verdict: 'not_applicable',
        reasonCode: 'not_licensed',
        reason:
          'A custom banned-password list needs Microsoft Entra ID P1 (included in Microsoft 365 Business Premium), which your licences do not include.',
        affected: [],
        evidence: [{ source: 'subscribedSkus', summary: 'no Entra ID P1 or P2 service plan' }],
      };
    }
    const hybrid = org?.onPremisesSyncEnabled === true;
    const enforced = isTrue(valueOf(rules, 'EnableBannedPasswordCheck'));
    const words = (valueOf(rules, 'BannedPasswordList') ?? '')
      .split(/[\t,\r\n]+/)
      .map((w) => w.trim())
      .filter(Boolean);
    const onPremises = isTrue(valueOf(rules, 'EnableBannedPasswordCheckOnPremises'));
    const mode = valueOf(rules, 'BannedPasswordCheckOnPremisesMode') ?? 'Audit';
    const evidence = [
      {
        source: 'groupSettings' as const,
        summary: rules
          ? `Password Rule Settings: custom list ${enforced ? 'enforced' : 'not enforced'} with ${words.length} word(s); on-premises protection ${onPremises ? 'on' : 'off'}, mode ${mode}`
          : 'no Password Rule Settings object: no custom banned-password list',
      },
      {
        source: 'organization' as const,
        summary: hybrid ? 'accounts are synced from an office server' : 'cloud-only directory',
      },
    ];
    const problems: string[] = [];
    if (!rules) problems.push('no custom list of banned passwords is set up');
    else if (!enforced) problems.push('the custom list of banned passwords is not enforced');
    else if (!words.length)
      problems.push('the custom list of banned passwords is switched on but empty');
    if (hybrid && !(onPremises && mode.toLowerCase() === 'enforce')) {
      problems.push(
        onPremises
          ? 'on your office server password protection only audits (mode "Audit") instead of enforcing'
          : 'password protection is not switched on for your office server (Active Directory)',
      );
    }
    if (problems.length) {
      return {
        verdict: 'fail',
        reason: `Easy-to-guess passwords are not fully blocked: ${problems.join(', and ')}.`,
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: hybrid
        ? `A custom list of ${words.length} banned word(s) is enforced, in the cloud and on your office server.`
        : `A custom list of ${words.length} banned word(s) is enforced (your directory is cloud-only, so the office-server part does not apply).`,
      affected: [],
      evidence,
    };
  },
};

/** Password protection (PWD-002 onwards). */
export const PWD_CHECKS: readonly Check[] = [PWD_002, PWD_003];
