import type { Check } from './check';

/** SharePoint and OneDrive (SPO-002 onwards). */
export const SPO_CHECKS: readonly Check[] = [];
