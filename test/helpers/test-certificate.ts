import { generate } from 'selfsigned';

export interface TestCertificate {
  /** PEM certificate. */
  readonly cert: string;
  /** PEM private key (PKCS#8, no password). */
  readonly key: string;
  /** Lower-case hex SHA-256 thumbprint of the certificate. */
  readonly thumbprintSha256: string;
}

/** A self-signed certificate for the app registration of a test, valid over the given dates. */
export async function makeTestCertificate(
  dates: { readonly notBefore?: Date; readonly notAfter?: Date } = {},
): Promise<TestCertificate> {
  const { X509Certificate } = await import('node:crypto');
  const pems = await generate([{ name: 'commonName', value: 'Breach Ready test' }], {
    keySize: 2048,
    algorithm: 'sha256',
    ...(dates.notBefore ? { notBeforeDate: dates.notBefore } : {}),
    ...(dates.notAfter ? { notAfterDate: dates.notAfter } : {}),
  });
  const thumbprintSha256 = new X509Certificate(pems.cert).fingerprint256
    .replace(/:/g, '')
    .toLowerCase();
  return { cert: pems.cert, key: pems.private, thumbprintSha256 };
}
