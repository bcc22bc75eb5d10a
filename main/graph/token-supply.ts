/** Asks the token source for a bearer token; `forceRefresh` skips the source's cache. */
export type GetAccessToken = (options?: { forceRefresh?: boolean }) => Promise<string>;

/**
 * Bearer tokens for the gateway's requests. Requests normally take the source's cached token.
 * When Graph rejects a token as expired while the cache still holds it as valid, the requests
 * that saw it rejected need a new one: the first asks the source for a fresh token, those that
 * ask while it is on its way share it, and those that ask later find it in the cache. Many
 * parallel requests failing together cause one token request, not one each.
 */
export class TokenSupply {
  private refreshing: Promise<string> | undefined;

  constructor(private readonly source: GetAccessToken) {}

  /** The token for a normal request. */
  current(): Promise<string> {
    return this.refreshing ?? this.source();
  }

  /**
   * A token to retry with after Graph rejected `rejected` as expired (`undefined`: the rejected
   * token is not known, so a fresh one is fetched unless one is already on its way).
   */
  async replacing(rejected: string | undefined): Promise<string> {
    if (this.refreshing) return this.refreshing;
    if (rejected !== undefined) {
      const cached = await this.source();
      // Another request already replaced it (or the cache saw it expire).
      if (cached !== rejected) return cached;
      if (this.refreshing) return this.refreshing;
    }
    const refresh = this.source({ forceRefresh: true });
    this.refreshing = refresh;
    const done = () => {
      if (this.refreshing === refresh) this.refreshing = undefined;
    };
    refresh.then(done, done);
    return refresh;
  }
}
