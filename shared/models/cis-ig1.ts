/**
 * CIS Critical Security Controls v8, Implementation Group 1: the 56 safeguards every organisation
 * should have ("essential cyber hygiene"). Titles shortened to plain words.
 */
export interface Safeguard {
  readonly id: string;
  readonly title: string;
}

export const CIS_IG1_SAFEGUARDS: readonly Safeguard[] = [
  { id: '1.1', title: 'Keep a detailed inventory of company devices' },
  { id: '1.2', title: 'Deal with unauthorised devices' },
  { id: '2.1', title: 'Keep a software inventory' },
  { id: '2.2', title: 'Use only supported software' },
  { id: '2.3', title: 'Deal with unauthorised software' },
  { id: '3.1', title: 'Have a data management process' },
  { id: '3.2', title: 'Keep a data inventory' },
  { id: '3.3', title: 'Control who can access data' },
  { id: '3.4', title: 'Enforce data retention' },
  { id: '3.5', title: 'Dispose of data securely' },
  { id: '3.6', title: 'Encrypt data on staff devices' },
  { id: '4.1', title: 'Have a secure configuration process' },
  { id: '4.2', title: 'Secure configuration of network equipment' },
  { id: '4.3', title: 'Lock idle sessions automatically' },
  { id: '4.4', title: 'Firewalls on servers' },
  { id: '4.5', title: 'Firewalls on staff devices' },
  { id: '4.6', title: 'Manage devices and software securely' },
  { id: '4.7', title: 'Manage default accounts' },
  { id: '5.1', title: 'Keep an inventory of accounts' },
  { id: '5.2', title: 'Use unique passwords' },
  { id: '5.3', title: 'Disable dormant accounts' },
  { id: '5.4', title: 'Admin rights only on dedicated admin accounts' },
  { id: '6.1', title: 'Have a process for granting access' },
  { id: '6.2', title: 'Have a process for removing access' },
  { id: '6.3', title: 'MFA for internet-facing applications' },
  { id: '6.4', title: 'MFA for remote network access' },
  { id: '6.5', title: 'MFA for admin access' },
  { id: '7.1', title: 'Have a vulnerability management process' },
  { id: '7.2', title: 'Have a remediation process' },
  { id: '7.3', title: 'Patch operating systems automatically' },
  { id: '7.4', title: 'Patch applications automatically' },
  { id: '8.1', title: 'Have an audit log management process' },
  { id: '8.2', title: 'Collect audit logs' },
  { id: '8.3', title: 'Keep enough audit log storage' },
  { id: '9.1', title: 'Use only supported browsers and email clients' },
  { id: '9.2', title: 'Use DNS filtering' },
  { id: '10.1', title: 'Run anti-malware software' },
  { id: '10.2', title: 'Update anti-malware signatures automatically' },
  { id: '10.3', title: 'Disable autorun for removable media' },
  { id: '11.1', title: 'Have a data recovery process' },
  { id: '11.2', title: 'Back up automatically' },
  { id: '11.3', title: 'Protect backup data' },
  { id: '11.4', title: 'Keep an isolated copy of backups' },
  { id: '12.1', title: 'Keep network equipment up to date' },
  { id: '14.1', title: 'Run a security awareness programme' },
  { id: '14.2', title: 'Train staff to recognise social engineering' },
  { id: '14.3', title: 'Train staff on sign-in best practice' },
  { id: '14.4', title: 'Train staff on data handling' },
  { id: '14.5', title: 'Train staff on accidental data exposure' },
  { id: '14.6', title: 'Train staff to recognise and report incidents' },
  { id: '14.7', title: 'Train staff to report missing security updates' },
  { id: '14.8', title: 'Train staff on the dangers of insecure networks' },
  { id: '15.1', title: 'Keep an inventory of service providers' },
  { id: '17.1', title: 'Name the people who handle incidents' },
  { id: '17.2', title: 'Keep contact details for reporting incidents' },
  { id: '17.3', title: 'Have a process for reporting incidents' },
];

const IG1_IDS: ReadonlySet<string> = new Set(CIS_IG1_SAFEGUARDS.map((s) => s.id));

export const IG1_TOTAL = CIS_IG1_SAFEGUARDS.length;

export function isIg1Safeguard(id: string): boolean {
  return IG1_IDS.has(id);
}

/** The plain title of an IG1 safeguard, or its number when it is not one. */
export function ig1Title(id: string): string {
  return CIS_IG1_SAFEGUARDS.find((s) => s.id === id)?.title ?? id;
}

/** Orders safeguard numbers as CIS does: 1.2 before 1.10, 2.1 after 1.10. */
export function compareSafeguards(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}
