import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

/** What MSAL needs to sign in as the app with a certificate. */
export interface CertificateCredential {
  /** Lower-case hex SHA-256 thumbprint of the certificate (DER). */
  readonly thumbprintSha256: string;
  /** PEM private key. */
  readonly privateKey: string;
}

/** A certificate file that cannot be used, with a plain reason and what to do instead. */
export class CertificateFileError extends Error {
  override readonly name = 'CertificateFileError';
}

const MAX_FILE_BYTES = 1024 * 1024;
const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;
const KEY_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']);
const HOW_TO_EXPORT =
  'Use a PEM file that holds the certificate and its private key without a password (for example: openssl pkcs12 -in cert.pfx -nodes -out cert.pem).';

/** "AB:CD…", "ab cd…" or "abcd…" → "abcd…"; undefined when it is not 64 hex digits. */
export function normaliseThumbprint(value: string): string | undefined {
  const hex = value.replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

function privateKeyOf(pem: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch {
    throw new CertificateFileError(`The private key in the file cannot be read. ${HOW_TO_EXPORT}`);
  }
}

function certificateOf(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw new CertificateFileError(`The certificate in the file cannot be read. ${HOW_TO_EXPORT}`);
  }
}

/**
 * The credential in a PEM text: its private key, and the SHA-256 thumbprint computed from the
 * certificate in the same text (or given, when the text holds only the key).
 */
export function parseCertificatePem(
  pem: string,
  options: { readonly thumbprint?: string | undefined; readonly now: Date },
): CertificateCredential {
  const blocks = [...pem.matchAll(BLOCK)].map((m) => ({ label: m[1]!, text: m[0] }));
  if (blocks.some((b) => b.label === 'ENCRYPTED PRIVATE KEY')) {
    throw new CertificateFileError(`The private key is protected by a password. ${HOW_TO_EXPORT}`);
  }
  const keyBlock = blocks.find((b) => KEY_LABELS.has(b.label));
  if (!keyBlock) {
    throw new CertificateFileError(`The file has no private key. ${HOW_TO_EXPORT}`);
  }
  const key = privateKeyOf(keyBlock.text);
  const given =
    options.thumbprint === undefined || options.thumbprint.trim() === ''
      ? undefined
      : normaliseThumbprint(options.thumbprint);
  if (options.thumbprint?.trim() && !given) {
    throw new CertificateFileError(
      'The thumbprint must be the SHA-256 one: 64 hexadecimal digits. Leave it empty when the file also holds the certificate; it is then read from there.',
    );
  }
  const certBlock = blocks.find((b) => b.label === 'CERTIFICATE');
  if (!certBlock) {
    if (!given) {
      throw new CertificateFileError(
        'The file holds only a private key, so its SHA-256 thumbprint is needed too. Either give it, or use a PEM file with both the certificate and the key.',
      );
    }
    return { thumbprintSha256: given, privateKey: keyBlock.text };
  }
  const certificate = certificateOf(certBlock.text);
  if (!certificate.checkPrivateKey(key)) {
    throw new CertificateFileError(
      'The private key in the file does not belong to the certificate in it. Export both from the same certificate.',
    );
  }
  const validTo = new Date(certificate.validTo);
  if (validTo.getTime() < options.now.getTime()) {
    throw new CertificateFileError(
      `The certificate expired on ${validTo.toISOString().slice(0, 10)}. Upload a new certificate to the app registration and use its file here.`,
    );
  }
  const thumbprintSha256 = normaliseThumbprint(certificate.fingerprint256)!;
  if (given && given !== thumbprintSha256) {
    throw new CertificateFileError(
      'The thumbprint given does not match the certificate in the file. Leave it empty to use the certificate’s own.',
    );
  }
  return { thumbprintSha256, privateKey: keyBlock.text };
}

/** Reads a PEM certificate file (at most 1 MB) and returns its credential. */
export async function readCertificateFile(
  path: string,
  options: { readonly thumbprint?: string | undefined; readonly now: Date },
): Promise<CertificateCredential> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new CertificateFileError(`There is no file at ${path}.`);
  if (info.size > MAX_FILE_BYTES) {
    throw new CertificateFileError(`${path} is too large to be a certificate file.`);
  }
  const text = await readFile(path, 'utf8').catch(() => {
    throw new CertificateFileError(`${path} cannot be read: check that you may open it.`);
  });
  return parseCertificatePem(text, options);
}
