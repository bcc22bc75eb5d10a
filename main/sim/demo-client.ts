import { randomBytes } from 'node:crypto';
import type { SimClient } from './clients';
import { SeededIds } from './seeded-ids';

/** The demo tenant's app registration: a stable client id and a secret made fresh at run time. */
export type DemoClient = SimClient & { readonly clientId: string; readonly secret: string };

/**
 * The app registration the demo signs in with. The client id depends only on the seed; the secret
 * is generated at run time and never written anywhere. Public client flows are allowed, so the
 * same registration serves device code and interactive sign-in.
 */
export function createDemoClient(seed = 0): DemoClient {
  return {
    clientId: new SeededIds(seed).guid('demo-app-registration'),
    secret: randomBytes(30).toString('base64url'),
    publicClient: true,
  };
}
