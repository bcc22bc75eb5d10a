/** Microsoft Entra ID, public cloud. Production code always talks to these hosts. */
export const AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
/** App-only tokens ask for the permissions granted to the app registration. */
export const GRAPH_DEFAULT_SCOPE = `${GRAPH_RESOURCE}/.default`;

const TENANT =
  /^(organizations|common|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i;

/** `organizations` for a first sign-in; a tenant id or domain to act in that tenant. */
export function authorityFor(tenant: string): string {
  if (!TENANT.test(tenant)) {
    throw new Error(`"${tenant}" is not a tenant id (GUID) or a domain name.`);
  }
  return `${AUTHORITY_HOST}/${tenant}`;
}

/** Delegated scopes for the given Graph permissions (read-only names only). */
export function delegatedScopes(permissions: readonly string[]): string[] {
  for (const p of permissions) {
    if (!/^[A-Za-z-]+\.Read(\.[A-Za-z]+)*$/.test(p)) {
      throw new Error(`Refusing to ask for a permission that is not read-only: ${p}`);
    }
  }
  return permissions.map((p) => `${GRAPH_RESOURCE}/${p}`);
}
