import type { Check } from './check';

/** Logging and investigation (LOG). */
export const LOG_CHECKS: readonly Check[] = [];
