import { z } from 'zod';
import type { AffectedObject } from '../../shared/models/finding';
import type { Check, EvaluationContext, Outcome } from './check';
import { skusSchema } from './graph-shapes';
import { LEARN, LINKS } from './links';
import {
  parseOptionalSource,
  parseSource,
  UnexpectedShapeError,
  unknownFromSource,
} from './source-data';

const strings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

// --- Shapes ----------------------------------------------------------------------------------

const defaultUserPermissionsSchema = z.looseObject({
  defaultUserRolePermissions: z
    .looseObject({
      allowedToCreateTenants: z.boolean().nullish(),
      allowedToReadBitlockerKeysForOwnedDevice: z.boolean().nullish(),
    })
    .nullish(),
});

const groupsSchema = z.array(
  z.looseObject({
    id: z.string(),
    displayName: z.string().nullish(),
    groupTypes: strings,
    visibility: z.string().nullish(),
  }),
);

const servicePrincipalsSchema = z.array(
  z.looseObject({
    id: z.string(),
    appId: z.string().nullish(),
    displayName: z.string().nullish(),
    accountEnabled: z.boolean().nullish(),
  }),
);

const appsAndServicesSchema = z.looseObject({
  isOfficeStoreEnabled: z.boolean(),
  isAppAndServicesTrialEnabled: z.boolean(),
});

const timeoutPoliciesSchema = z.array(
  z.looseObject({
    id: z.string().nullish(),
    displayName: z.string().nullish(),
    isOrganizationDefault: z.boolean().nullish(),
    definition: strings,
  }),
);

const spoIdleSchema = z.looseObject({
  idleSessionSignOut: z
    .looseObject({
      isEnabled: z.boolean().nullish(),
      signOutAfterInSeconds: z.number().nullish(),
    })
    .nullish(),
});

const organizationSchema = z.array(
  z.looseObject({ id: z.string(), onPremisesSyncEnabled: z.boolean().nullish() }),
);

const onPremisesSyncSchema = z.array(
  z.looseObject({
    id: z.string().nullish(),
    features: z.looseObject({ passwordSyncEnabled: z.boolean().nullish() }).nullish(),
  }),
);

const membership = z.looseObject({ '@odata.type': z.string() });
const deviceRegistrationSchema = z.looseObject({
  userDeviceQuota: z.number().nullish(),
  azureADJoin: z.looseObject({
    allowedToJoin: membership,
    localAdmins: z.looseObject({
      enableGlobalAdmins: z.boolean(),
      registeringUsers: membership,
    }),
  }),
  localAdminPassword: z.looseObject({ isEnabled: z.boolean() }),
});

const intuneSettingsSchema = z.looseObject({ secureByDefault: z.boolean() });

// --- TEN-001 / TEN-002: default user permissions -----------------------------------------------

type DefaultPermission = 'allowedToCreateTenants' | 'allowedToReadBitlockerKeysForOwnedDevice';

function defaultPermission(ctx: EvaluationContext, name: DefaultPermission): boolean {
  const policy = parseSource(ctx, 'authorizationPolicy', defaultUserPermissionsSchema);
  const value = policy.defaultUserRolePermissions?.[name];
  if (typeof value !== 'boolean') {
    throw new UnexpectedShapeError('authorizationPolicy', `${name} is missing`);
  }
  return value;
}

export const TEN_001: Check = {
  id: 'TEN-001',
  title: 'Only admins can create new Microsoft Entra tenants',
  family: 'TEN',
  severity: 'low',
  requires: ['authorizationPolicy'],
  licences: [],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v5:5.1.2.3'],
    cisControls: ['4.1'],
    nistCsf: ['PR.AA-05'],
    scuba: [],
  },
  content: {
    why: 'By default any staff member can create a brand-new Microsoft tenant and becomes its owner. Files and apps put there sit outside your security settings, and you may never learn it exists. Letting only admins do this keeps company data in the one place you manage.',
    steps: [
      { text: 'Open Entra admin center › Users › User settings.', link: LINKS.userSettings },
      { text: 'Set "Restrict non-admin users from creating tenants" to Yes.' },
      { text: 'Select Save.' },
    ],
    verify: 'Run this scan again; tenant creation shows as limited to admins.',
    userImpact: 'Staff can no longer create tenants themselves, which almost nobody needs to do.',
    effortMinutes: 5,
    learnMore: [LEARN.defaultUserPermissions],
  },
  evaluate(ctx) {
    const allowed = defaultPermission(ctx, 'allowedToCreateTenants');
    const evidence = [
      { source: 'authorizationPolicy' as const, summary: `allowedToCreateTenants ${allowed}` },
    ];
    return allowed
      ? {
          verdict: 'fail',
          reason: 'Every staff member can create a new Microsoft Entra tenant of their own.',
          affected: [],
          evidence,
        }
      : {
          verdict: 'pass',
          reason: 'Only admins can create new Microsoft Entra tenants.',
          affected: [],
          evidence,
        };
  },
};

export const TEN_002: Check = {
  id: 'TEN-002',
  title: 'Staff cannot look up the BitLocker recovery keys of their own devices',
  family: 'TEN',
  severity: 'low',
  requires: ['authorizationPolicy'],
  licences: [],
  permissions: ['Policy.Read.All'],
  mappings: {
    cisM365: ['v7:5.1.4.6'],
    cisControls: ['3.3'],
    nistCsf: ['PR.AA-05'],
    scuba: [],
  },
  content: {
    why: 'A BitLocker recovery key unlocks a laptop’s encrypted disk. If staff can look up their own keys, a thief who has both the laptop and a stolen password can unlock it and read everything saved on it, such as patient letters. Recovery keys should come from IT only.',
    steps: [
      { text: 'Open Entra admin center › Devices › Device settings.', link: LINKS.deviceSettings },
      {
        text: 'Set "Restrict users from recovering the BitLocker key(s) for their owned devices" to Yes.',
      },
      { text: 'Select Save.' },
    ],
    verify: 'Run this scan again; BitLocker key recovery shows as restricted.',
    userImpact:
      'Someone locked out by BitLocker asks an admin or your IT provider for the recovery key.',
    effortMinutes: 5,
    learnMore: [LEARN.deviceSettings],
  },
  evaluate(ctx) {
    const allowed = defaultPermission(ctx, 'allowedToReadBitlockerKeysForOwnedDevice');
    const evidence = [
      {
        source: 'authorizationPolicy' as const,
        summary: `allowedToReadBitlockerKeysForOwnedDevice ${allowed}`,
      },
    ];
    return allowed
      ? {
          verdict: 'fail',
          reason: 'Staff can look up the BitLocker recovery keys of the devices they own.',
          affected: [],
          evidence,
        }
      : {
          verdict: 'pass',
          reason: 'Only admins can read BitLocker recovery keys.',
          affected: [],
          evidence,
        };
  },
};

// --- TEN-003: public groups --------------------------------------------------------------------

export const TEN_003: Check = {
  id: 'TEN-003',
  title: 'Only approved Microsoft 365 groups are public',
  family: 'TEN',
  severity: 'low',
  requires: ['groups'],
  licences: [],
  permissions: ['GroupMember.Read.All'],
  mappings: {
    cisM365: ['v5:1.2.1'],
    cisControls: ['3.3'],
    nistCsf: ['PR.AA-05'],
    scuba: [],
  },
  content: {
    why: 'Anyone in your organisation can join a public Microsoft 365 group and read its files, email and Teams chats without asking. A marketing or billing group left public is open to every staff member and to any hijacked account. Groups should be private unless you chose otherwise.',
    steps: [
      {
        text: 'Open Microsoft 365 admin center › Teams & groups › Active teams & groups.',
        link: LINKS.groups,
      },
      {
        text: 'Select each group this scan lists, open the Settings tab, set Privacy to "Private" and save.',
      },
      {
        text: 'If a group really must stay public, add its id to the approved public groups in this tenant’s declared settings so it is no longer reported.',
      },
    ],
    verify: 'Run this scan again: no unapproved public group is listed.',
    userImpact: 'People who are not members ask a group owner to add them.',
    effortMinutes: 10,
    learnMore: [LEARN.groupPrivacy],
  },
  evaluate(ctx) {
    const groups = parseSource(ctx, 'groups', groupsSchema);
    const unified = groups.filter((g) => g.groupTypes.some((t) => t.toLowerCase() === 'unified'));
    const isPublic = unified.filter((g) => g.visibility?.toLowerCase() === 'public');
    const approved = new Set(ctx.settings.approvedPublicGroups.map((id) => id.toLowerCase()));
    const unapproved = isPublic.filter((g) => !approved.has(g.id.toLowerCase()));
    const evidence = [
      {
        source: 'groups' as const,
        summary: `${unified.length} Microsoft 365 group(s), ${isPublic.length} public, ${isPublic.length - unapproved.length} of them approved`,
      },
    ];
    if (unapproved.length) {
      return {
        verdict: 'fail',
        reason: `${unapproved.length} of your ${unified.length} Microsoft 365 group(s) are public without being approved: anyone in your organisation can join them and read their content.`,
        affected: unapproved.map((g) => ({
          id: g.id,
          displayName: g.displayName ?? g.id,
          detail: 'public, not on your approved list',
        })),
        evidence,
      };
    }
    if (!unified.length) {
      return {
        verdict: 'pass',
        reason: 'You have no Microsoft 365 groups, so none is public.',
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: isPublic.length
        ? `Your ${isPublic.length} public Microsoft 365 group(s) are all on your approved list.`
        : `All ${unified.length} of your Microsoft 365 groups are private.`,
      affected: [],
      evidence,
    };
  },
};

// --- TEN-004: third-party storage ---------------------------------------------------------------

/** "Microsoft 365 on the web" third-party storage: disabled when this app's account is off. */
const THIRD_PARTY_STORAGE_APP = 'c1f33bc0-bdb4-4248-ba9b-096807ddb43e';

export const TEN_004: Check = {
  id: 'TEN-004',
  title: 'Microsoft 365 on the web cannot save files to outside storage (Dropbox, Google Drive)',
  family: 'TEN',
  severity: 'low',
  requires: ['servicePrincipals'],
  licences: [],
  permissions: ['Application.Read.All'],
  mappings: {
    cisM365: ['v5:1.3.7'],
    cisControls: ['3.3'],
    nistCsf: ['PR.DS-01'],
    scuba: [],
  },
  content: {
    why: 'Microsoft 365 on the web lets staff open and save files in Dropbox, Google Drive or Box, often personal accounts. Files saved there leave your protected SharePoint and OneDrive, your backups and your audit trail. Turning this off keeps business files where you can protect and find them.',
    steps: [
      {
        text: 'Open Microsoft 365 admin center › Settings › Org settings › Services › Microsoft 365 on the web.',
        link: LINKS.officeOnWeb,
      },
      {
        text: 'Clear "Let users open files stored in third-party storage services in Microsoft 365 on the web".',
      },
      { text: 'Select Save.' },
    ],
    verify: 'Run this scan again; third-party storage shows as turned off.',
    userImpact:
      'Staff can no longer open Dropbox or Google Drive files from Office on the web; those services still work on their own.',
    effortMinutes: 5,
    learnMore: [LEARN.thirdPartyStorage],
  },
  evaluate(ctx) {
    const principals = parseSource(ctx, 'servicePrincipals', servicePrincipalsSchema);
    const app = principals.find((p) => p.appId?.toLowerCase() === THIRD_PARTY_STORAGE_APP);
    const evidence = [
      {
        source: 'servicePrincipals' as const,
        summary: app
          ? `third-party storage app present, accountEnabled ${String(app.accountEnabled)}`
          : `third-party storage app not among ${principals.length} service principal(s)`,
      },
    ];
    if (app?.accountEnabled === false) {
      return {
        verdict: 'pass',
        reason: 'Microsoft 365 on the web cannot open or save files in outside storage services.',
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'fail',
      reason: app
        ? 'Staff can open and save files in outside storage services such as Dropbox and Google Drive from Microsoft 365 on the web.'
        : 'Staff can open and save files in outside storage services such as Dropbox and Google Drive from Microsoft 365 on the web (the setting has never been turned off).',
      affected: [],
      evidence,
    };
  },
};

// --- TEN-005: user-owned apps and trials --------------------------------------------------------

export const TEN_005: Check = {
  id: 'TEN-005',
  title: 'Staff cannot install store add-ins or start trials on their own',
  family: 'TEN',
  severity: 'low',
  requires: ['appsAndServicesSettings'],
  licences: [],
  permissions: ['OrgSettings-AppsAndServices.Read.All'],
  mappings: {
    cisM365: ['v5:1.3.4'],
    cisControls: ['2.5'],
    nistCsf: ['PR.PS-05'],
    scuba: [],
  },
  content: {
    why: 'When staff can add Office Store add-ins and start free trials themselves, new apps and services get at company email and files without anyone checking them first. A forgotten trial can also turn into an unexpected bill. Keeping these choices with an admin means every new app was looked at.',
    steps: [
      {
        text: 'Open Microsoft 365 admin center › Settings › Org settings › Services › User owned apps and services.',
        link: LINKS.userOwnedApps,
      },
      {
        text: 'Clear "Let users access the Office Store" and "Let users start trials on behalf of your organization".',
      },
      { text: 'Select Save.' },
    ],
    verify: 'Run this scan again; both options show as off.',
    userImpact: 'Staff ask an admin when they need an add-in or want to try a new service.',
    effortMinutes: 5,
    learnMore: [LEARN.userOwnedApps],
  },
  evaluate(ctx) {
    const settings = parseSource(ctx, 'appsAndServicesSettings', appsAndServicesSchema);
    const open = [
      settings.isOfficeStoreEnabled ? 'install add-ins from the Office Store' : '',
      settings.isAppAndServicesTrialEnabled ? 'start trials of apps and services' : '',
    ].filter(Boolean);
    const evidence = [
      {
        source: 'appsAndServicesSettings' as const,
        summary: `isOfficeStoreEnabled ${settings.isOfficeStoreEnabled}, isAppAndServicesTrialEnabled ${settings.isAppAndServicesTrialEnabled}`,
      },
    ];
    if (open.length) {
      return {
        verdict: 'fail',
        reason: `Staff can ${open.join(' and ')} on their own, without an admin.`,
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason: 'Only admins can add store add-ins and start trials for your organisation.',
      affected: [],
      evidence,
    };
  },
};

// --- TEN-006: idle session timeout ---------------------------------------------------------------

const MAX_IDLE_SECONDS = 3 * 60 * 60;

/** "hh:mm:ss" or "d.hh:mm:ss" (optionally with fractions of a second) → seconds. */
function timeSpanSeconds(text: string): number | undefined {
  const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, d, h, m, s] = match;
  return Number(d ?? 0) * 86400 + Number(h) * 3600 + Number(m) * 60 + Number(s);
}

function duration(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts = [
    days ? `${days} day${days === 1 ? '' : 's'}` : '',
    hours ? `${hours} hour${hours === 1 ? '' : 's'}` : '',
    minutes ? `${minutes} minute${minutes === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : `${seconds} seconds`;
}

function field(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, v] of Object.entries(value)) if (key.toLowerCase() === wanted) return v;
  return undefined;
}

const applicationPoliciesSchema = z.array(
  z.looseObject({
    ApplicationId: z.string().nullish(),
    WebSessionIdleTimeout: z.string().nullish(),
  }),
);

interface IdleTimeout {
  readonly seconds: number;
  readonly tenantWide: boolean;
}

/** Every web-session idle timeout the activity-based timeout policies set. */
function idleTimeouts(policies: z.infer<typeof timeoutPoliciesSchema>): IdleTimeout[] {
  const bad = (detail: string) => new UnexpectedShapeError('activityBasedTimeoutPolicies', detail);
  const timeouts: IdleTimeout[] = [];
  for (const policy of policies) {
    for (const text of policy.definition) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw bad('a timeout policy definition is not valid JSON');
      }
      const parsed = applicationPoliciesSchema.safeParse(
        field(field(json, 'ActivityBasedTimeoutPolicy'), 'ApplicationPolicies'),
      );
      if (!parsed.success) throw bad('a timeout policy has no list of application policies');
      for (const entry of parsed.data) {
        if (!entry.WebSessionIdleTimeout) continue;
        const seconds = timeSpanSeconds(entry.WebSessionIdleTimeout);
        if (seconds === undefined) {
          throw bad(`idle timeout "${entry.WebSessionIdleTimeout}" is not a duration`);
        }
        const app = (entry.ApplicationId ?? '').toLowerCase();
        timeouts.push({
          seconds,
          tenantWide: policy.isOrganizationDefault === true && (app === 'default' || app === '*'),
        });
      }
    }
  }
  return timeouts;
}

export const TEN_006: Check = {
  id: 'TEN-006',
  title: 'Idle browser sessions are signed out after 3 hours or less',
  family: 'TEN',
  severity: 'low',
  requires: ['activityBasedTimeoutPolicies'],
  uses: ['sharepointSettings'],
  licences: [],
  permissions: ['Policy.Read.All', 'SharePointTenantSettings.Read.All'],
  mappings: {
    cisM365: ['v5:1.3.2'],
    cisControls: ['4.3'],
    nistCsf: ['PR.AA-03'],
    scuba: [],
  },
  content: {
    why: 'A computer left signed in to Outlook or SharePoint in a browser, at the front desk or in a treatment room, lets anyone walking past read email and patient files. Signing people out after a few idle hours closes that gap without interrupting a normal working day.',
    steps: [
      {
        text: 'Open Microsoft 365 admin center › Settings › Org settings › Security & privacy › Idle session timeout.',
        link: LINKS.idleSessionTimeout,
      },
      {
        text: 'Turn on "Set the period of inactivity for users to be signed off of Microsoft 365 web apps" and choose 3 hours or less (1 hour suits shared front-desk computers).',
      },
      { text: 'Select Save. It takes effect the next time people sign in.' },
    ],
    verify: 'Run this scan again; the idle session timeout shows 3 hours or less.',
    userImpact:
      'People who leave a Microsoft 365 browser tab idle longer than the limit are signed out and sign in again.',
    effortMinutes: 10,
    learnMore: [LEARN.idleSessionTimeout],
  },
  evaluate(ctx) {
    const policies = parseSource(ctx, 'activityBasedTimeoutPolicies', timeoutPoliciesSchema);
    const timeouts = idleTimeouts(policies);
    const evidence: Outcome['evidence'][number][] = [
      {
        source: 'activityBasedTimeoutPolicies',
        summary: `${policies.length} idle timeout policy(ies), ${timeouts.length} web-session timeout(s)`,
      },
    ];
    const tenantWide = timeouts.filter((t) => t.tenantWide);
    if (tenantWide.length) {
      const longest = Math.max(...tenantWide.map((t) => t.seconds));
      return longest <= MAX_IDLE_SECONDS
        ? {
            verdict: 'pass',
            reason: `Idle Microsoft 365 browser sessions are signed out after ${duration(longest)}.`,
            affected: [],
            evidence,
          }
        : {
            verdict: 'fail',
            reason: `Idle Microsoft 365 browser sessions are signed out only after ${duration(longest)}; 3 hours or less is recommended.`,
            affected: [],
            evidence,
          };
    }
    const spo = parseOptionalSource(ctx, 'sharepointSettings', spoIdleSchema);
    const spoIdle = spo?.idleSessionSignOut;
    const spoSeconds = spoIdle?.isEnabled ? (spoIdle.signOutAfterInSeconds ?? 0) : 0;
    if (spoSeconds > 0 && spoSeconds <= MAX_IDLE_SECONDS) {
      return {
        verdict: 'warn',
        reason: `Only SharePoint and OneDrive sign idle browser sessions out (after ${duration(spoSeconds)}); Outlook and the other Microsoft 365 web apps stay signed in.`,
        affected: [],
        evidence: [
          ...evidence,
          {
            source: 'sharepointSettings',
            summary: `idleSessionSignOut on, ${spoSeconds} seconds`,
          },
        ],
      };
    }
    return {
      verdict: 'fail',
      reason: timeouts.length
        ? 'Idle Microsoft 365 browser sessions are not signed out across your organisation: the only idle timeout set covers specific apps.'
        : 'Idle Microsoft 365 browser sessions are never signed out: no idle session timeout is set.',
      affected: [],
      evidence,
    };
  },
};

// --- TEN-007: password hash sync ----------------------------------------------------------------

export const TEN_007: Check = {
  id: 'TEN-007',
  title: 'Password hash sync is on for accounts synced from your office server',
  family: 'TEN',
  severity: 'low',
  requires: ['organization'],
  uses: ['onPremisesSynchronization'],
  licences: [],
  permissions: ['Organization.Read.All', 'OnPremDirectorySynchronization.Read.All'],
  mappings: {
    cisM365: ['v5:5.1.8.1'],
    cisControls: ['5.6'],
    nistCsf: ['PR.AA-01'],
    scuba: [],
  },
  content: {
    why: 'Your staff accounts are copied from an on-premises Active Directory. Password hash sync lets Microsoft warn you when a staff password shows up in a leak, and lets people keep signing in to Microsoft 365 if the office server goes down. It is a free safety net.',
    steps: [
      {
        text: 'On the server that runs Microsoft Entra Connect, open Microsoft Entra Connect › Configure › Customize synchronization options and sign in as a Global Administrator.',
      },
      {
        text: 'On the "Optional features" page tick "Password hash synchronization", then finish the wizard.',
      },
      {
        text: 'Open Entra admin center › Hybrid management › Microsoft Entra Connect and check that "Password Hash Sync" shows Enabled.',
        link: LINKS.entraConnect,
      },
    ],
    verify: 'Run this scan again; password hash sync shows as enabled.',
    userImpact: 'Nothing changes for staff; they sign in exactly as before.',
    effortMinutes: 30,
    learnMore: [LEARN.passwordHashSync],
  },
  evaluate(ctx) {
    const [org] = parseSource(ctx, 'organization', organizationSchema);
    if (!org) throw new UnexpectedShapeError('organization', 'no organisation was returned');
    const evidence: Outcome['evidence'][number][] = [
      {
        source: 'organization',
        summary: `onPremisesSyncEnabled ${String(org.onPremisesSyncEnabled ?? null)}`,
      },
    ];
    if (org.onPremisesSyncEnabled !== true) {
      return {
        verdict: 'not_applicable',
        reasonCode: 'not_in_use',
        reason:
          'Your accounts are created in Microsoft 365, not synced from an office server, so password hash sync does not apply.',
        affected: [],
        evidence,
      };
    }
    const result = ctx.snapshot.sources.onPremisesSynchronization;
    if (!result?.ok) return unknownFromSource('onPremisesSynchronization', result);
    const sync = parseSource(ctx, 'onPremisesSynchronization', onPremisesSyncSchema);
    const flags = sync.map((s) => s.features?.passwordSyncEnabled);
    if (!flags.length || flags.some((f) => typeof f !== 'boolean')) {
      return unknownFromSource('onPremisesSynchronization', {
        ok: false,
        error: { kind: 'not_found', message: 'no password sync setting returned' },
        fetchedAt: result.fetchedAt,
      });
    }
    const on = flags.some((f) => f === true);
    const allEvidence = [
      ...evidence,
      {
        source: 'onPremisesSynchronization' as const,
        summary: `passwordSyncEnabled ${on}`,
      },
    ];
    return on
      ? {
          verdict: 'pass',
          reason: 'Password hash sync is on for the accounts synced from your office server.',
          affected: [],
          evidence: allEvidence,
        }
      : {
          verdict: 'fail',
          reason:
            'Password hash sync is off: Microsoft cannot warn you about leaked staff passwords, and sign-in depends on your office server.',
          affected: [],
          evidence: allEvidence,
        };
  },
};

// --- TEN-008: device join and local administrators ----------------------------------------------

const isAll = (type: string) => type.toLowerCase().endsWith('alldeviceregistrationmembership');

export const TEN_008: Check = {
  id: 'TEN-008',
  title: 'Device join is limited, users are not local admins, and LAPS is on',
  family: 'TEN',
  severity: 'low',
  requires: ['deviceRegistrationPolicy'],
  licences: [],
  permissions: ['Policy.Read.DeviceConfiguration'],
  mappings: {
    cisM365: ['v7:5.1.4.1', 'v7:5.1.4.2', 'v7:5.1.4.3', 'v7:5.1.4.4', 'v7:5.1.4.5'],
    cisControls: ['5.4'],
    nistCsf: ['PR.AA-05'],
    scuba: [],
  },
  content: {
    why: 'By default anyone can join a Windows PC to your organisation and becomes its administrator, and PCs may share one local admin password. With a single stolen password an attacker can add their own PC, and malware on any PC gets full control. Tightening these settings limits both.',
    steps: [
      { text: 'Open Entra admin center › Devices › Device settings.', link: LINKS.deviceSettings },
      {
        text: 'Set "Users may join devices to Microsoft Entra" to Selected and choose the people who set up PCs (for example your IT provider’s account).',
      },
      {
        text: 'Under "Local administrator settings", set "Global administrator role is added as local administrator on the device during Microsoft Entra join" to No, and "Registering user is added as local administrator on the device during Microsoft Entra join" to None.',
      },
      {
        text: 'Set "Enable Microsoft Entra Local Administrator Password Solution (LAPS)" to Yes and select Save.',
      },
      {
        text: 'Ask whoever manages your PCs to turn on Windows LAPS in Intune (Endpoint security › Account protection) so each PC gets its own rotating admin password.',
        link: LINKS.intuneAccountProtection,
      },
    ],
    verify: 'Run this scan again; the four device settings show as restricted.',
    userImpact:
      'Staff can no longer join new PCs or install software that needs admin rights by themselves; IT does it for them.',
    effortMinutes: 30,
    learnMore: [LEARN.localAdmins, LEARN.laps],
  },
  evaluate(ctx) {
    const policy = parseSource(ctx, 'deviceRegistrationPolicy', deviceRegistrationSchema);
    const join = policy.azureADJoin;
    const gaps: AffectedObject[] = [];
    if (isAll(join.allowedToJoin['@odata.type'])) {
      gaps.push({
        id: 'azureADJoin.allowedToJoin',
        displayName: 'Who may join devices',
        detail: 'every user can join devices to your organisation',
      });
    }
    if (join.localAdmins.enableGlobalAdmins) {
      gaps.push({
        id: 'azureADJoin.localAdmins.enableGlobalAdmins',
        displayName: 'Global Administrators as local admins',
        detail: 'Global Administrators are administrators on every joined PC',
      });
    }
    if (isAll(join.localAdmins.registeringUsers['@odata.type'])) {
      gaps.push({
        id: 'azureADJoin.localAdmins.registeringUsers',
        displayName: 'Registering user as local admin',
        detail: 'whoever joins a PC becomes its administrator',
      });
    }
    if (!policy.localAdminPassword.isEnabled) {
      gaps.push({
        id: 'localAdminPassword.isEnabled',
        displayName: 'Microsoft Entra LAPS',
        detail: 'local admin passwords are not managed or rotated',
      });
    }
    const evidence = [
      {
        source: 'deviceRegistrationPolicy' as const,
        summary: `allowedToJoin ${join.allowedToJoin['@odata.type']}, enableGlobalAdmins ${join.localAdmins.enableGlobalAdmins}, registeringUsers ${join.localAdmins.registeringUsers['@odata.type']}, LAPS ${policy.localAdminPassword.isEnabled}`,
      },
    ];
    if (gaps.length) {
      return {
        verdict: 'fail',
        reason: `${gaps.length === 4 ? 'All 4' : `${gaps.length} of 4`} device join settings are left open: ${gaps.map((g) => g.detail).join('; ')}.`,
        affected: gaps,
        evidence,
      };
    }
    return {
      verdict: 'pass',
      reason:
        'Device join is limited, users and Global Administrators do not become local admins, and LAPS is on.',
      affected: [],
      evidence,
    };
  },
};

// --- TEN-009: Intune devices without a compliance policy -----------------------------------------

const INTUNE_PLAN = 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5'; // INTUNE_A
const INTUNE = 'Microsoft Intune (included in Microsoft 365 Business Premium)';

function hasIntune(ctx: EvaluationContext): boolean {
  const skus = parseSource(ctx, 'subscribedSkus', skusSchema);
  return skus.some(
    (sku) =>
      !['Suspended', 'Deleted'].includes(sku.capabilityStatus ?? 'Enabled') &&
      sku.servicePlans.some(
        (p) => p.servicePlanId.toLowerCase() === INTUNE_PLAN && p.provisioningStatus !== 'Disabled',
      ),
  );
}

function withoutIntune(detail: string): Outcome {
  return {
    verdict: 'not_applicable',
    reasonCode: 'not_licensed',
    reason:
      'Your licences do not include Microsoft Intune, so there are no Intune device settings.',
    affected: [],
    evidence: [{ source: 'subscribedSkus', summary: detail }],
  };
}

export const TEN_009: Check = {
  id: 'TEN-009',
  title: 'Intune treats devices without a compliance policy as not compliant',
  family: 'TEN',
  severity: 'medium',
  requires: ['subscribedSkus'],
  uses: ['intuneSettings'],
  licences: [INTUNE],
  permissions: ['Organization.Read.All', 'DeviceManagementServiceConfig.Read.All'],
  mappings: {
    cisM365: ['v5:4.1'],
    cisControls: ['4.1'],
    nistCsf: ['PR.PS-01'],
    scuba: [],
  },
  content: {
    why: 'Out of the box, Intune calls every device that has no compliance policy "compliant". Any rule that only lets in compliant devices then also lets in laptops and phones nobody has checked. Marking them not compliant makes your device rules mean what they say.',
    steps: [
      {
        text: 'Open Intune admin center › Devices › Compliance and check that every kind of device you use (Windows, iPhone, Android, Mac) has a compliance policy assigned.',
        link: LINKS.intuneCompliance,
      },
      {
        text: 'Open the "Compliance settings" tab and set "Mark devices with no compliance policy assigned as" to "Not compliant".',
      },
      { text: 'Select Save.' },
    ],
    verify: 'Run this scan again; the setting shows "Not compliant".',
    userImpact:
      'Devices with no compliance policy lose access to apps that require a compliant device until one is assigned.',
    effortMinutes: 15,
    learnMore: [LEARN.intuneCompliance],
  },
  evaluate(ctx) {
    if (!hasIntune(ctx)) return withoutIntune('no Intune (INTUNE_A) service plan');
    const result = ctx.snapshot.sources.intuneSettings;
    if (result && !result.ok && result.error.kind === 'not_licensed') {
      return withoutIntune('Microsoft answered that Intune is not licensed for this tenant');
    }
    if (!result?.ok) return unknownFromSource('intuneSettings', result);
    const settings = parseSource(ctx, 'intuneSettings', intuneSettingsSchema);
    const evidence = [
      { source: 'intuneSettings' as const, summary: `secureByDefault ${settings.secureByDefault}` },
    ];
    return settings.secureByDefault
      ? {
          verdict: 'pass',
          reason: 'Intune marks devices without a compliance policy as not compliant.',
          affected: [],
          evidence,
        }
      : {
          verdict: 'fail',
          reason:
            'Intune marks devices that have no compliance policy as compliant, so unchecked devices pass your device rules.',
          affected: [],
          evidence,
        };
  },
};

/** Tenant settings (TEN). */
export const TEN_CHECKS: readonly Check[] = [
  TEN_001,
  TEN_002,
  TEN_003,
  TEN_004,
  TEN_005,
  TEN_006,
  TEN_007,
  TEN_008,
  TEN_009,
];
