import type { Check } from './check';

/** Microsoft Secure Score (SS). */
export const SS_CHECKS: readonly Check[] = [];
