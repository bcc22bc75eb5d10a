/**
 * Microsoft Graph Command Line Tools: Microsoft's own public client for Microsoft Graph, present in
 * every tenant, which allows device-code sign-in and a `http://localhost` redirect. A person signs
 * in through it when no app registration of the organisation's own is configured; the first
 * sign-in in a tenant asks an administrator to consent to the read permissions. Signing in as an
 * app with a certificate always needs the organisation's own registration.
 */
export const DEFAULT_PUBLIC_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';
