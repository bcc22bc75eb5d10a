import demoFixture from '../assets/demo/contoso-dental.json';
import { tenantFixtureSchema, type TenantFixture } from '../shared/fixture/tenant-fixture';

export type TenantSize = 'S' | 'M' | 'L' | 'XL';

/** Users per size; groups, apps and sign-ins follow from it. */
export const SIZE_USERS: Record<TenantSize, number> = { S: 25, M: 300, L: 5_000, XL: 50_000 };

export interface GeneratedCounts {
  readonly users: number;
  readonly groups: number;
  readonly servicePrincipals: number;
  readonly applications: number;
  readonly signIns: number;
}

type Item = Record<string, unknown>;

const DEMO = tenantFixtureSchema.parse(demoFixture);
const DAY_MS = 24 * 60 * 60 * 1000;

/** A GUID from a kind and a number: deterministic, distinct from every demo id. */
function guid(kind: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `b3c4d5e6-${kind.toString(16).padStart(4, '0')}-4000-8000-${hex}`;
}

function collection(key: string): Item[] {
  const body = DEMO.graph[key]?.body as { value?: Item[] } | undefined;
  return body?.value ?? [];
}

/**
 * Grows a collection to `count` items by copying the demo's items in turn under new ids. Nested
 * values are shared between copies (the simulator only reads them), which keeps memory honest for
 * the client side: every copy still travels as its own JSON.
 */
function grow(
  items: readonly Item[],
  count: number,
  make: (template: Item, i: number) => Item,
): Item[] {
  const out = items.slice(0, count);
  for (let i = out.length; i < count; i += 1) out.push(make(items[i % items.length]!, i));
  return out;
}

/** Service plans kept per generated user (the demo's licensed users carry 27). */
const USER_PLANS = Number(process.env.BENCH_USER_PLANS ?? 27);

/** A generated user: the template without its phone numbers, with `USER_PLANS` service plans. */
function lightUser(template: Item): Item {
  const plans = Array.isArray(template.assignedPlans)
    ? template.assignedPlans.slice(0, USER_PLANS)
    : [];
  const { businessPhones: _b, ...rest } = template;
  return { ...rest, assignedPlans: plans };
}

/**
 * A generated tenant of the given size, in memory and deterministic: the demo tenant's policies
 * and settings, with users, registration details, sign-ins (one per user in the last week),
 * groups (one per 10 users), service principals (one per 50) and app registrations (one per 200)
 * grown to size.
 */
export function generateTenant(size: TenantSize): {
  fixture: TenantFixture;
  counts: GeneratedCounts;
} {
  const users = SIZE_USERS[size];
  const counts: GeneratedCounts = {
    users,
    groups: Math.max(4, Math.round(users / 10)),
    servicePrincipals: Math.max(5, Math.round(users / 50)),
    applications: Math.max(2, Math.round(users / 200)),
    signIns: users,
  };
  const domain = DEMO.tenant.defaultDomain;
  const recordedAt = Date.parse(DEMO.recordedAt ?? '2026-11-20T18:00:00Z');
  const upn = (i: number) => `user${i}@${domain}`;

  const userList = grow(collection('GET /v1.0/users'), users, (t, i) => ({
    ...lightUser(t),
    id: guid(1, i),
    displayName: `User ${i}`,
    userPrincipalName: upn(i),
    mail: upn(i),
  }));
  const registrations = grow(
    collection('GET /v1.0/reports/authenticationMethods/userRegistrationDetails'),
    users,
    (t, i) => ({
      ...t,
      id: guid(1, i),
      userPrincipalName: upn(i),
      userDisplayName: `User ${i}`,
      isAdmin: false,
    }),
  );
  const signIns = grow(collection('GET /v1.0/auditLogs/signIns'), counts.signIns, (t, i) => ({
    ...t,
    id: guid(2, i),
    createdDateTime: new Date(recordedAt - ((i * 7919) % (6 * DAY_MS))).toISOString(),
    userId: guid(1, i % users),
    userPrincipalName: upn(i % users),
    userDisplayName: `User ${i % users}`,
  }));
  const groups = grow(collection('GET /v1.0/groups'), counts.groups, (t, i) => ({
    ...t,
    id: guid(3, i),
    displayName: `Group ${i}`,
    mailNickname: `group${i}`,
    mail: `group${i}@${domain}`,
  }));
  const servicePrincipals = grow(
    collection('GET /v1.0/servicePrincipals'),
    counts.servicePrincipals,
    (t, i) => ({ ...t, id: guid(4, i), appId: guid(5, i), displayName: `App ${i}` }),
  );
  const applications = grow(collection('GET /v1.0/applications'), counts.applications, (t, i) => ({
    ...t,
    id: guid(6, i),
    appId: guid(5, i),
    displayName: `App ${i}`,
  }));

  const withValue = (key: string, value: Item[]) => ({ [key]: { status: 200, body: { value } } });
  const fixture: TenantFixture = {
    ...DEMO,
    tenant: { ...DEMO.tenant, displayName: `${DEMO.tenant.displayName} (${size})` },
    graph: {
      ...DEMO.graph,
      ...withValue('GET /v1.0/users', userList),
      ...withValue(
        'GET /v1.0/reports/authenticationMethods/userRegistrationDetails',
        registrations,
      ),
      ...withValue('GET /v1.0/auditLogs/signIns', signIns),
      ...withValue('GET /v1.0/groups', groups),
      ...withValue('GET /v1.0/servicePrincipals', servicePrincipals),
      ...withValue('GET /v1.0/applications', applications),
    },
  };
  return { fixture, counts };
}
