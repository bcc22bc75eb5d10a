import type { Verdict } from '../../shared/models/verdict';

/** CIS Controls v8 Implementation Group 1: the 56 safeguards every organisation should have. */
export const IG1_SAFEGUARDS: Readonly<Record<string, string>> = {
  '1.1': 'Keep a detailed inventory of enterprise assets',
  '1.2': 'Deal with unauthorised assets',
  '2.1': 'Keep a software inventory',
  '2.2': 'Make sure authorised software is still supported',
  '2.3': 'Deal with unauthorised software',
  '3.1': 'Keep a data management process',
  '3.2': 'Keep a data inventory',
  '3.3': 'Configure data access control lists',
  '3.4': 'Enforce data retention',
  '3.5': 'Dispose of data securely',
  '3.6': 'Encrypt data on end-user devices',
  '4.1': 'Keep a secure configuration process',
  '4.2': 'Keep a secure configuration process for network equipment',
  '4.3': 'Lock sessions automatically',
  '4.4': 'Run a firewall on servers',
  '4.5': 'Run a firewall on end-user devices',
  '4.6': 'Manage enterprise assets and software securely',
  '4.7': 'Manage default accounts',
  '5.1': 'Keep an inventory of accounts',
  '5.2': 'Use unique passwords',
  '5.3': 'Disable dormant accounts',
  '5.4': 'Keep admin rights on dedicated admin accounts',
  '6.1': 'Have a process for granting access',
  '6.2': 'Have a process for removing access',
  '6.3': 'Require MFA for externally exposed applications',
  '6.4': 'Require MFA for remote network access',
  '6.5': 'Require MFA for administrative access',
  '7.1': 'Keep a vulnerability management process',
  '7.2': 'Keep a remediation process',
  '7.3': 'Patch operating systems automatically',
  '7.4': 'Patch applications automatically',
  '8.1': 'Keep an audit log management process',
  '8.2': 'Collect audit logs',
  '8.3': 'Keep enough audit log storage',
  '9.1': 'Use only supported browsers and email clients',
  '9.2': 'Use DNS filtering',
  '10.1': 'Run anti-malware software',
  '10.2': 'Update anti-malware signatures automatically',
  '10.3': 'Turn off autorun for removable media',
  '11.1': 'Keep a data recovery process',
  '11.2': 'Run automated backups',
  '11.3': 'Protect recovery data',
  '11.4': 'Keep an isolated copy of recovery data',
  '12.1': 'Keep network infrastructure up to date',
  '14.1': 'Run a security awareness programme',
  '14.2': 'Train staff to recognise social engineering',
  '14.3': 'Train staff on sign-in best practices',
  '14.4': 'Train staff on data handling',
  '14.5': 'Train staff on causes of accidental data exposure',
  '14.6': 'Train staff to recognise and report incidents',
  '14.7': 'Train staff to report missing security updates',
  '14.8': 'Train staff on the dangers of insecure networks',
  '15.1': 'Keep an inventory of service providers',
  '17.1': 'Name the people who handle incidents',
  '17.2': 'Keep contacts for reporting incidents',
  '17.3': 'Keep a process for reporting incidents',
};

export const IG1_TOTAL = Object.keys(IG1_SAFEGUARDS).length;

export function isIg1Safeguard(safeguard: string): boolean {
  return Object.hasOwn(IG1_SAFEGUARDS, safeguard);
}

export type SafeguardStatus = 'met' | 'partly' | 'not_met' | 'not_assessed';

export const SAFEGUARD_STATUS_LABELS: Record<SafeguardStatus, string> = {
  met: 'Met',
  partly: 'Partly met',
  not_met: 'Not met',
  not_assessed: 'Not assessed',
};

export interface Ig1Row {
  readonly safeguard: string;
  readonly title: string;
  readonly status: SafeguardStatus;
  readonly checks: readonly { readonly checkId: string; readonly verdict: Verdict }[];
}

interface Ig1Input {
  readonly checkId: string;
  readonly verdict: Verdict;
  readonly cisControls: readonly string[];
}

function statusOf(verdicts: readonly Verdict[]): SafeguardStatus {
  const assessed = verdicts.filter((v) => v === 'pass' || v === 'warn' || v === 'fail');
  if (assessed.length === 0) return 'not_assessed';
  if (assessed.every((v) => v === 'pass')) return 'met';
  if (assessed.every((v) => v === 'fail')) return 'not_met';
  return 'partly';
}

const bySafeguard = (a: string, b: string): number => {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
};

/** The IG1 safeguards our checks touch, each with the combined result of its checks. */
export function ig1View(inputs: readonly Ig1Input[]): Ig1Row[] {
  const groups = new Map<string, { checkId: string; verdict: Verdict }[]>();
  for (const input of inputs) {
    for (const s of new Set(input.cisControls)) {
      if (!isIg1Safeguard(s)) continue;
      const list = groups.get(s) ?? [];
      list.push({ checkId: input.checkId, verdict: input.verdict });
      groups.set(s, list);
    }
  }
  return [...groups.keys()].sort(bySafeguard).map((safeguard) => {
    const checks = groups.get(safeguard) ?? [];
    return {
      safeguard,
      title: IG1_SAFEGUARDS[safeguard] ?? safeguard,
      status: statusOf(checks.map((c) => c.verdict)),
      checks,
    };
  });
}

/** "Our checks touch 9 of the 56 IG1 safeguards: 4 met, 3 partly met, 2 not met." */
export function ig1Summary(rows: readonly Ig1Row[]): string {
  const count = (s: SafeguardStatus) => rows.filter((r) => r.status === s).length;
  const parts = [
    `${count('met')} met`,
    `${count('partly')} partly met`,
    `${count('not_met')} not met`,
  ];
  const unassessed = count('not_assessed');
  if (unassessed > 0) parts.push(`${unassessed} could not be assessed`);
  return `Our checks touch ${rows.length} of the ${IG1_TOTAL} IG1 safeguards: ${parts.join(', ')}. The rest need a process or device check outside Microsoft 365.`;
}
