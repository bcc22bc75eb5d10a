import { z } from 'zod';

export interface TenantInfo {
  readonly id: string;
  readonly displayName: string;
  readonly defaultDomain: string;
}

/** What the user declares about the tenant (asked up front, editable later). */
export const tenantSettingsSchema = z
  .object({
    /** Emergency-access accounts: UPN or object id. */
    breakGlassAccounts: z.array(z.string().min(1).max(320)).max(50).default([]),
    /** Application (client) ids approved to read mail. */
    approvedMailApps: z.array(z.string().min(1).max(100)).max(500).default([]),
    /** Microsoft 365 group ids approved to be public. */
    approvedPublicGroups: z.array(z.string().min(1).max(100)).max(5000).default([]),
  })
  .strict();
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export const EMPTY_TENANT_SETTINGS: TenantSettings = {
  breakGlassAccounts: [],
  approvedMailApps: [],
  approvedPublicGroups: [],
};
