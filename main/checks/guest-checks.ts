import type { Check } from './check';

/** Guests (GST-003 onwards). */
export const GUEST_CHECKS: readonly Check[] = [];
