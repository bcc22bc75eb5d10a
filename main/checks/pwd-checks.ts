import type { Check } from './check';

/** Password protection (PWD-002 onwards). */
export const PWD_CHECKS: readonly Check[] = [];
