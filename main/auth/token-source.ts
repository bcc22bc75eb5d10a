/** Where Graph calls get their bearer token from. Tokens never leave the main process. */
export interface TokenSource {
  getAccessToken(): Promise<string>;
  /** Who or what is signed in, for the scan record ("app 1234… in contoso.com"). */
  readonly description: string;
  /** The tenant the tokens are for, once known. */
  tenantId(): string | undefined;
}
