/**
 * Graph's key segments in parentheses: `servicePrincipals(appId='…')/appRoleAssignedTo` (an
 * alternate key) or `users('…')` (the id). The fixture stores items under their id, so such a
 * path is answered by finding the item in its stored collection and reading `collection/{id}/…`.
 */

export interface KeySegment {
  /** The collection the key addresses, e.g. `servicePrincipals`. */
  readonly collection: string;
  /** The property the key names; `id` for `collection('value')`. */
  readonly property: string;
  readonly value: string;
  /** What follows the key segment, with its leading `/` (may be empty). */
  readonly rest: string;
}

const KEY_SEGMENT = /^(.*?)\((?:([A-Za-z_][A-Za-z0-9_]*)=)?'((?:[^']|'')*)'\)(\/.*)?$/;

/** The key segment of a resource path, when it has one. */
export function parseKeySegment(resource: string): KeySegment | undefined {
  const match = KEY_SEGMENT.exec(resource);
  if (!match || !match[1] || match[1].includes('(')) return undefined;
  return {
    collection: match[1],
    property: match[2] ?? 'id',
    value: match[3]!.replace(/''/g, "'"),
    rest: match[4] ?? '',
  };
}

/** The id of the item whose `property` equals `value` (case-insensitively), if any. */
export function findByKey(items: readonly unknown[], key: KeySegment): string | undefined {
  const wanted = key.value.toLowerCase();
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as Record<string, unknown>;
    const value = record[key.property];
    if (
      typeof value === 'string' &&
      value.toLowerCase() === wanted &&
      typeof record.id === 'string'
    )
      return record.id;
  }
  return undefined;
}
