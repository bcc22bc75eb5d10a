import {
  compareSafeguards,
  IG1_TOTAL,
  ig1Title,
  isIg1Safeguard,
} from '../../shared/models/cis-ig1';
import type { Verdict } from '../../shared/models/verdict';

export { IG1_TOTAL, isIg1Safeguard };

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
  return [...groups.keys()].sort(compareSafeguards).map((safeguard) => {
    const checks = groups.get(safeguard) ?? [];
    return {
      safeguard,
      title: ig1Title(safeguard),
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
