import type { Check } from './check';

/** Tenant settings (TEN). */
export const TEN_CHECKS: readonly Check[] = [];
