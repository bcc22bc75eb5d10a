import type { Check } from './check';

/** Email authentication through public DNS (DNS). */
export const DNS_CHECKS: readonly Check[] = [];
