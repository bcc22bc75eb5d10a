export interface AccessTokenOptions {
  /**
   * Skip the cached token and ask Microsoft Entra for a new one. For a token Graph rejected as
   * expired while the cache still holds it as valid (clock skew, revocation).
   */
  readonly forceRefresh?: boolean;
}

/** Where Graph calls get their bearer token from. Tokens never leave the main process. */
export interface TokenSource {
  getAccessToken(options?: AccessTokenOptions): Promise<string>;
  /** Who or what is signed in, for the scan record ("app 1234… in contoso.com"). */
  readonly description: string;
  /** The tenant the tokens are for, once known. */
  tenantId(): string | undefined;
}
