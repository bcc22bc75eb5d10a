import { AuthError as MsalAuthError } from '@azure/msal-node';

/** A sign-in failure, explained for the person at the keyboard. */
export class SignInError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

const PLAIN: Record<string, string> = {
  invalid_client:
    'Microsoft Entra ID rejected the app credential (client secret or certificate). Check that it is current and belongs to this app registration.',
  unauthorized_client:
    'This app registration is not known in that tenant. An administrator of the tenant must add and consent to it first.',
  invalid_grant: 'The saved sign-in is no longer valid. Sign in again.',
  expired_token: 'The sign-in code expired before it was used. Start the sign-in again.',
  authorization_declined: 'The sign-in was declined.',
  access_denied: 'The sign-in was declined.',
  interaction_required: 'Microsoft asks you to sign in again interactively.',
  consent_required: 'An administrator needs to grant this app its read permissions first.',
};

/** Turns an MSAL or network error into a plain-language SignInError. */
export function toSignInError(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  if (error instanceof MsalAuthError) {
    // Device-code polling reports the server's error only inside the message.
    const serverCode = Object.keys(PLAIN).find((code) => error.errorMessage?.includes(code));
    const plain = PLAIN[error.errorCode] ?? (serverCode ? PLAIN[serverCode] : undefined);
    if (error.errorCode === 'device_code_expired')
      return new SignInError(PLAIN.expired_token!, 'expired_token');
    if (plain)
      return new SignInError(
        plain,
        PLAIN[error.errorCode] ? error.errorCode : (serverCode ?? error.errorCode),
      );
    if (
      /network|fetch/i.test(error.errorCode) ||
      /ECONNREFUSED|ENOTFOUND|fetch failed/i.test(error.message)
    ) {
      return new SignInError(
        'Could not reach Microsoft to sign in. Check the internet connection.',
        'network',
      );
    }
    return new SignInError(`Sign-in failed (${error.errorCode}).`, error.errorCode);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/ECONNREFUSED|ENOTFOUND|fetch failed|network/i.test(message)) {
    return new SignInError(
      'Could not reach Microsoft to sign in. Check the internet connection.',
      'network',
    );
  }
  return new SignInError(`Sign-in failed: ${message}`, 'error');
}
