import type { AffectedObject } from '../../shared/models/finding';
import type { EvaluationContext } from './check';
import { skusSchema, usersSchema, type GraphUser, type RoleAssignment } from './graph-shapes';
import { parseOptionalSource } from './source-data';

export const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';

/** The highly privileged roles (template ids), as in CISA SCuBA's defaults. */
export const PRIVILEGED_ROLES: Readonly<Record<string, string>> = {
  [GLOBAL_ADMIN]: 'Global Administrator',
  'e8611ab8-c189-46e8-94e1-60213ab1f814': 'Privileged Role Administrator',
  'fe930be7-5e62-47db-91af-98c3a49a38b1': 'User Administrator',
  'f28a1f50-f6e7-4571-818b-6a12f2af6b6c': 'SharePoint Administrator',
  '29232cdf-9323-42fd-ade2-1d097af3e4de': 'Exchange Administrator',
  '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2': 'Hybrid Identity Administrator',
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3': 'Application Administrator',
  '158c047a-c907-4556-b7ef-446551a6b5f7': 'Cloud Application Administrator',
};

/** Entra ID P1 / P2 service plans. */
const ENTRA_P1_PLANS = new Set([
  '41781fb2-bc02-4b7c-bd55-b576c07bb09d', // AAD_PREMIUM
  'eec0eb4f-6444-4f95-aba0-50c24d67f998', // AAD_PREMIUM_P2
]);
const ENTRA_ONLY_SKUS = new Set(['AAD_PREMIUM', 'AAD_PREMIUM_P2']);

export function roleName(templateId: string): string {
  return PRIVILEGED_ROLES[templateId] ?? `role ${templateId}`;
}

/** Tenant-wide assignments of highly privileged roles. */
export function privilegedAssignments(assignments: readonly RoleAssignment[]): RoleAssignment[] {
  return assignments.filter(
    (a) => a.roleDefinitionId in PRIVILEGED_ROLES && (a.directoryScopeId ?? '/') === '/',
  );
}

export function principalKind(a: RoleAssignment): 'user' | 'group' | 'servicePrincipal' | 'other' {
  const type = (a.principal?.['@odata.type'] ?? '').toLowerCase();
  if (type.endsWith('.user')) return 'user';
  if (type.endsWith('.group')) return 'group';
  if (type.endsWith('.serviceprincipal')) return 'servicePrincipal';
  return 'other';
}

/** Users by id, when the user list was read. */
export function usersById(ctx: EvaluationContext): Map<string, GraphUser> | undefined {
  const users = parseOptionalSource(ctx, 'users', usersSchema);
  return users ? new Map(users.map((u) => [u.id, u])) : undefined;
}

export function userLabel(u: Pick<GraphUser, 'displayName' | 'userPrincipalName' | 'id'>): string {
  if (u.displayName && u.userPrincipalName) return `${u.displayName} (${u.userPrincipalName})`;
  return u.displayName ?? u.userPrincipalName ?? u.id;
}

/** Does the tenant have Entra ID P1 or better? `undefined` when licences could not be read. */
export function hasEntraP1(ctx: EvaluationContext): boolean | undefined {
  const skus = parseOptionalSource(ctx, 'subscribedSkus', skusSchema);
  if (!skus) return undefined;
  return skus.some(
    (sku) =>
      !['Suspended', 'Deleted', 'LockedOut'].includes(sku.capabilityStatus ?? 'Enabled') &&
      sku.servicePlans.some(
        (p) => ENTRA_P1_PLANS.has(p.servicePlanId) && p.provisioningStatus !== 'Disabled',
      ),
  );
}

/** SKU part numbers by SKU id, when licences were read. */
export function skuNames(ctx: EvaluationContext): Map<string, string> | undefined {
  const skus = parseOptionalSource(ctx, 'subscribedSkus', skusSchema);
  return skus ? new Map(skus.map((s) => [s.skuId, s.skuPartNumber ?? s.skuId])) : undefined;
}

export function isEntraOnlySku(partNumber: string): boolean {
  return ENTRA_ONLY_SKUS.has(partNumber);
}

/** SKU ids of the Entra ID P1 / P2 stand-alone licences, for when SKU names could not be read. */
const ENTRA_ONLY_SKU_IDS = new Set([
  '078d2b04-f1bd-4111-bbd4-b4b1b354cef4', // AAD_PREMIUM
  '84a661c4-e949-4bd2-a560-ed7766fcaf2b', // AAD_PREMIUM_P2
]);

export function isEntraOnlySkuId(skuId: string): boolean {
  return ENTRA_ONLY_SKU_IDS.has(skuId.toLowerCase());
}

/** Names people recognise, for the licences small businesses most often hold. */
const SKU_NAMES: Readonly<Record<string, string>> = {
  SPB: 'Microsoft 365 Business Premium',
  O365_BUSINESS_PREMIUM: 'Microsoft 365 Business Standard',
  O365_BUSINESS_ESSENTIALS: 'Microsoft 365 Business Basic',
  SPE_E3: 'Microsoft 365 E3',
  SPE_E5: 'Microsoft 365 E5',
  ENTERPRISEPACK: 'Office 365 E3',
  ENTERPRISEPREMIUM: 'Office 365 E5',
  EXCHANGESTANDARD: 'Exchange Online (Plan 1)',
  AAD_PREMIUM: 'Microsoft Entra ID P1',
  AAD_PREMIUM_P2: 'Microsoft Entra ID P2',
};

export function friendlySkuName(partNumber: string): string {
  return SKU_NAMES[partNumber] ?? partNumber;
}

/** Ids of the declared break-glass accounts (UPNs resolved through the user list). */
export function breakGlassIds(ctx: EvaluationContext): Set<string> {
  const users = usersById(ctx);
  const ids = new Set<string>();
  for (const entry of ctx.settings.breakGlassAccounts) {
    const wanted = entry.toLowerCase();
    ids.add(wanted);
    if (users) {
      for (const u of users.values()) {
        if (u.userPrincipalName?.toLowerCase() === wanted) ids.add(u.id.toLowerCase());
      }
    }
  }
  return ids;
}

export function describeUser(
  id: string,
  users: Map<string, GraphUser> | undefined,
  detail?: string,
): AffectedObject {
  const u = users?.get(id);
  return { id, displayName: u ? userLabel(u) : id, ...(detail ? { detail } : {}) };
}

/**
 * Does an active licence include one of these service plans? `undefined` when licences could not
 * be read. Suspended, deleted and locked-out subscriptions and disabled plans do not count.
 */
export function hasServicePlan(
  ctx: EvaluationContext,
  planIds: ReadonlySet<string>,
): boolean | undefined {
  const skus = parseOptionalSource(ctx, 'subscribedSkus', skusSchema);
  if (!skus) return undefined;
  return skus.some(
    (sku) =>
      !['Suspended', 'Deleted', 'LockedOut'].includes(sku.capabilityStatus ?? 'Enabled') &&
      sku.servicePlans.some(
        (p) => planIds.has(p.servicePlanId) && p.provisioningStatus !== 'Disabled',
      ),
  );
}

/** AAD_PREMIUM_P2 service plan (Identity Protection, Privileged Identity Management). */
export const ENTRA_P2_PLAN = 'eec0eb4f-6444-4f95-aba0-50c24d67f998';
/** INTUNE_A service plan (Microsoft Intune). */
export const INTUNE_PLAN = 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5';

/** Does the tenant have Entra ID P2? `undefined` when licences could not be read. */
export function hasEntraP2(ctx: EvaluationContext): boolean | undefined {
  return hasServicePlan(ctx, new Set([ENTRA_P2_PLAN]));
}
