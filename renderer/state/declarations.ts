import type { TenantSettings } from '../../shared/models/tenant';

/** One entry per line (commas and semicolons also separate); blanks and repeats dropped. */
export function parseList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[\n,;]+/)) {
    const value = raw.trim();
    if (!value || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push(value);
  }
  return out;
}

export interface DeclarationDraft {
  readonly breakGlassAccounts: string;
  readonly approvedMailApps: string;
  readonly approvedPublicGroups: string;
}

export function draftOfSettings(settings: TenantSettings): DeclarationDraft {
  return {
    breakGlassAccounts: settings.breakGlassAccounts.join('\n'),
    approvedMailApps: settings.approvedMailApps.join('\n'),
    approvedPublicGroups: settings.approvedPublicGroups.join('\n'),
  };
}

export function settingsOfDraft(draft: DeclarationDraft): TenantSettings {
  return {
    breakGlassAccounts: parseList(draft.breakGlassAccounts),
    approvedMailApps: parseList(draft.approvedMailApps),
    approvedPublicGroups: parseList(draft.approvedPublicGroups),
  };
}
