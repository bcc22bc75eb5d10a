/** Threshold profiles: CIS Microsoft 365 Foundations (default) or CISA SCuBA. */
export const PROFILES = ['cis', 'cisa'] as const;
export type Profile = (typeof PROFILES)[number];

export function isProfile(value: string): value is Profile {
  return (PROFILES as readonly string[]).includes(value);
}
