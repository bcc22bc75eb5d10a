/** Strings longer than this are rarely repeated (names, ids of single objects). */
const MAX_POOLED_LENGTH = 64;
/** The pool stops growing here; later strings are kept as they are. */
const MAX_POOLED_STRINGS = 200_000;

/**
 * One copy of each short string value seen in large Graph answers. A tenant's users repeat the
 * same service plan ids, statuses and dates tens of times each; parsed naively every repeat is
 * its own string in memory.
 */
export class StringPool {
  private readonly pool = new Map<string, string>();

  /** A `JSON.parse` reviver that returns pooled strings. */
  readonly reviver = (_key: string, value: unknown): unknown => {
    if (typeof value !== 'string' || value.length > MAX_POOLED_LENGTH) return value;
    const pooled = this.pool.get(value);
    if (pooled !== undefined) return pooled;
    if (this.pool.size < MAX_POOLED_STRINGS) this.pool.set(value, value);
    return value;
  };
}
