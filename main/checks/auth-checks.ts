import type { Check } from './check';

/** Sign-in methods (AUTH). */
export const AUTH_CHECKS: readonly Check[] = [];
