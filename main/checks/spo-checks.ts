import { z } from 'zod';
import type { Check } from './check';
import { LEARN, LINKS } from './links';
import { parseSource } from './source-data';

const SPO = 'SharePoint Online';

const strings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

/** The parts of `GET /admin/sharepoint/settings` the SPO checks read (Graph returns them all). */
const resharingSchema = z.looseObject({ isResharingByExternalUsersEnabled: z.boolean() });
const domainRulesSchema = z.looseObject({
  sharingCapability: z.string(),
  sharingDomainRestrictionMode: z.string(),
  sharingAllowedDomainList: strings,
  sharingBlockedDomainList: strings,
});
const legacyAuthSchema = z.looseObject({ isLegacyAuthProtocolsEnabled: z.boolean() });
const syncSchema = z.looseObject({
  isUnmanagedSyncAppForTenantRestricted: z.boolean(),
  allowedDomainGuidsForSyncApp: strings,
});

function listDomains(domains: readonly string[]): string {
  const shown = domains.slice(0, 5).join(', ');
  return domains.length > 5 ? `${shown} and ${domains.length - 5} more` : shown;
}

export const SPO_002: Check = {
  id: 'SPO-002',
  title: 'Guests cannot share your files with more people',
  family: 'SPO',
  severity: 'medium',
  requires: ['sharepointSettings'],
  licences: [SPO],
  permissions: ['SharePointTenantSettings.Read.All'],
  mappings: {
    cisM365: ['v5:7.2.5'],
    cisControls: ['3.3'],
    nistCsf: ['PR.AA-05'],
    scuba: [],
  },
  content: {
    why: 'When guests can reshare, a folder you shared with your dental lab can be passed on to people you never chose, and they get in as guests too. You lose track of who can open patient and business documents. Only your own staff should decide who gets access.',
    steps: [
      { text: 'Open SharePoint admin center › Policies › Sharing.', link: LINKS.sharepointSharing },
      {
        text: 'Expand "More external sharing settings" and clear "Allow guests to share items they don\'t own".',
      },
      { text: 'Select Save.' },
    ],
    verify: 'Run this scan again; guest resharing shows as off.',
    userImpact: 'Guests ask the owner of a file when someone else needs access to it.',
    effortMinutes: 5,
    learnMore: [LEARN.sharepointSharing],
  },
  evaluate(ctx) {
    const { isResharingByExternalUsersEnabled: on } = parseSource(
      ctx,
      'sharepointSettings',
      resharingSchema,
    );
    const evidence = [
      { source: 'sharepointSettings' as const, summary: `isResharingByExternalUsersEnabled ${on}` },
    ];
    return on
      ? {
          verdict: 'fail',
          reason: 'Guests can share files and folders they do not own with other people.',
          affected: [],
          evidence,
        }
      : {
          verdict: 'pass',
          reason: 'Guests cannot share files and folders they do not own.',
          affected: [],
          evidence,
        };
  },
};

export const SPO_003: Check = {
  id: 'SPO-003',
  title: 'Outside sharing is limited to approved email domains',
  family: 'SPO',
  severity: 'low',
  requires: ['sharepointSettings'],
  licences: [SPO],
  permissions: ['SharePointTenantSettings.Read.All'],
  mappings: {
    cisM365: ['v5:7.2.6'],
    cisControls: ['3.3'],
    nistCsf: ['PR.AA-05'],
    scuba: ['MS.SHAREPOINT.1.3v1'],
  },
  thresholds: {
    cis: 'a list of allowed or blocked domains (or no outside sharing)',
    cisa: 'a list of allowed domains only (or no outside sharing)',
  },
  content: {
    why: 'With no domain rules, staff can share files with any email address, including a typo or someone’s personal account. Limiting outside sharing to the domains of the partners you work with, such as your lab, accountant and insurers, stops files from going to the wrong place by mistake.',
    steps: [
      { text: 'Open SharePoint admin center › Policies › Sharing.', link: LINKS.sharepointSharing },
      {
        text: 'Expand "More external sharing settings", tick "Limit external sharing by domain" and select "Add domains".',
      },
      {
        text: 'Choose "Allow only specific domains", enter your partners’ domains (for example bridgewaterdentallab.com), then select Save on the page.',
      },
    ],
    verify: 'Run this scan again; outside sharing shows an allow list of domains.',
    userImpact:
      'Files can be shared outside only with the listed domains; an admin adds a new partner’s domain first.',
    effortMinutes: 15,
    learnMore: [LEARN.sharepointDomains],
  },
  evaluate(ctx) {
    const s = parseSource(ctx, 'sharepointSettings', domainRulesSchema);
    const mode = s.sharingDomainRestrictionMode;
    const evidence = [
      {
        source: 'sharepointSettings' as const,
        summary: `sharingCapability ${s.sharingCapability}, sharingDomainRestrictionMode ${mode}, ${s.sharingAllowedDomainList.length} allowed, ${s.sharingBlockedDomainList.length} blocked`,
      },
    ];
    if (s.sharingCapability === 'disabled') {
      return {
        verdict: 'pass',
        reason: 'Files cannot be shared outside your organisation, so domain rules are not needed.',
        affected: [],
        evidence,
      };
    }
    if (mode === 'allowList') {
      return {
        verdict: 'pass',
        reason: s.sharingAllowedDomainList.length
          ? `Files can be shared outside only with ${s.sharingAllowedDomainList.length} approved domain(s): ${listDomains(s.sharingAllowedDomainList)}.`
          : 'Outside sharing is limited to an allow list of domains, which is currently empty.',
        affected: [],
        evidence,
      };
    }
    if (mode === 'blockList' && s.sharingBlockedDomainList.length) {
      const blocked = `${s.sharingBlockedDomainList.length} blocked domain(s) (${listDomains(s.sharingBlockedDomainList)})`;
      return ctx.profile === 'cisa'
        ? {
            verdict: 'fail',
            reason: `Files can be shared with any outside domain except ${blocked}; the CISA profile expects a list of allowed domains.`,
            affected: [],
            evidence,
          }
        : {
            verdict: 'pass',
            reason: `Outside sharing is managed with a list of ${blocked}.`,
            affected: [],
            evidence,
          };
    }
    return {
      verdict: 'fail',
      reason:
        'Files can be shared with any outside email address: there is no list of allowed domains.',
      affected: [],
      evidence,
    };
  },
};

export const SPO_004: Check = {
  id: 'SPO-004',
  title: 'SharePoint and OneDrive refuse old sign-in methods that skip MFA',
  family: 'SPO',
  severity: 'high',
  requires: ['sharepointSettings'],
  licences: [SPO],
  permissions: ['SharePointTenantSettings.Read.All'],
  mappings: {
    cisM365: ['v5:7.2.1'],
    cisControls: ['4.8'],
    nistCsf: ['PR.AA-03'],
    scuba: [],
  },
  content: {
    why: 'Old Office apps and tools sign in to SharePoint with just a password and never ask for MFA. Attackers who steal or guess a password use these old methods to download files even when MFA is switched on. Blocking them makes every file access go through your modern sign-in protection.',
    steps: [
      {
        text: "Open SharePoint admin center › Policies › Access control › Apps that don't use modern authentication.",
        link: LINKS.sharepointAccessControl,
      },
      { text: 'Select "Block access" and then Save.' },
      {
        text: 'Also keep a Conditional Access policy that blocks legacy authentication for everyone (see the Conditional Access checks).',
        link: LINKS.caPolicies,
      },
    ],
    verify: 'Run this scan again; SharePoint shows legacy authentication as blocked.',
    userImpact:
      'Office 2010 and older, and some old sync tools, can no longer open SharePoint files; current Microsoft 365 apps are not affected.',
    effortMinutes: 5,
    learnMore: [LEARN.sharepointLegacyAuth, LEARN.caBlockLegacy],
  },
  evaluate(ctx) {
    const { isLegacyAuthProtocolsEnabled: on } = parseSource(
      ctx,
      'sharepointSettings',
      legacyAuthSchema,
    );
    const evidence = [
      { source: 'sharepointSettings' as const, summary: `isLegacyAuthProtocolsEnabled ${on}` },
    ];
    return on
      ? {
          verdict: 'fail',
          reason:
            'SharePoint and OneDrive still accept old sign-in methods that use only a password, without MFA.',
          affected: [],
          evidence,
        }
      : {
          verdict: 'pass',
          reason: 'SharePoint and OneDrive accept only modern sign-in.',
          affected: [],
          evidence,
        };
  },
};

export const SPO_005: Check = {
  id: 'SPO-005',
  title: 'OneDrive sync works only on company PCs',
  family: 'SPO',
  severity: 'low',
  requires: ['sharepointSettings'],
  licences: [SPO],
  permissions: ['SharePointTenantSettings.Read.All'],
  mappings: {
    cisM365: ['v5:7.3.2'],
    cisControls: ['13.5'],
    nistCsf: ['PR.AA-05'],
    scuba: [],
  },
  content: {
    why: 'The OneDrive app copies every file a person can reach onto any computer they sign in on, including a home PC shared with family. If that PC is lost or infected, your files go with it. Allowing sync only on company computers keeps full copies off personal machines.',
    steps: [
      {
        text: 'Open SharePoint admin center › Settings › Sync.',
        link: LINKS.sharepointSettings,
      },
      {
        text: 'Tick "Allow syncing only on computers joined to specific domains", add the GUID of your Active Directory domain (run Get-ADDomain on your office server and copy ObjectGUID) and select Save.',
      },
      {
        text: 'If your PCs are joined to Microsoft Entra only (no office server), this option cannot list them: require compliant devices with Conditional Access instead, and record that as a compensating control for this check.',
        link: LINKS.caPolicies,
      },
    ],
    verify: 'Run this scan again; OneDrive sync shows as limited to your domain.',
    userImpact:
      'Staff can still open OneDrive in a browser at home, but the sync app only works on company PCs.',
    effortMinutes: 20,
    learnMore: [LEARN.onedriveSyncDomains],
  },
  evaluate(ctx) {
    const s = parseSource(ctx, 'sharepointSettings', syncSchema);
    const on = s.isUnmanagedSyncAppForTenantRestricted;
    const domains = s.allowedDomainGuidsForSyncApp.length;
    const evidence = [
      {
        source: 'sharepointSettings' as const,
        summary: `isUnmanagedSyncAppForTenantRestricted ${on}, ${domains} allowed domain(s)`,
      },
    ];
    if (on && domains) {
      return {
        verdict: 'pass',
        reason: `OneDrive sync works only on computers joined to ${domains} approved domain(s).`,
        affected: [],
        evidence,
      };
    }
    return {
      verdict: 'fail',
      reason: on
        ? 'OneDrive sync is set to be limited to company PCs, but no company domain is listed.'
        : 'The OneDrive sync app works on any computer, including personal ones.',
      affected: [],
      evidence,
    };
  },
};

/** SharePoint and OneDrive (SPO-002 onwards). */
export const SPO_CHECKS: readonly Check[] = [SPO_002, SPO_003, SPO_004, SPO_005];
