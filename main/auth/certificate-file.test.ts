import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificate, type TestCertificate } from '../../test/helpers/test-certificate';
import {
  CertificateFileError,
  normaliseThumbprint,
  parseCertificatePem,
  readCertificateFile,
} from './certificate-file';

const NOW = new Date('2026-11-28T12:00:00Z');
let good: TestCertificate;
let other: TestCertificate;
let expired: TestCertificate;
let dir: string;

beforeAll(async () => {
  [good, other, expired] = await Promise.all([
    makeTestCertificate({
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2028-01-01T00:00:00Z'),
    }),
    makeTestCertificate(),
    makeTestCertificate({
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2025-01-01T00:00:00Z'),
    }),
  ]);
  dir = mkdtempSync(join(tmpdir(), 'breach-ready-cert-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parse = (pem: string, thumbprint?: string) =>
  parseCertificatePem(pem, { thumbprint, now: NOW });

describe('certificate files', () => {
  it('reads the key and computes the SHA-256 thumbprint from the certificate, in either order', () => {
    for (const pem of [`${good.cert}\n${good.key}`, `${good.key}\n${good.cert}`]) {
      expect(parse(pem)).toEqual({
        thumbprintSha256: good.thumbprintSha256,
        privateKey: good.key.trim(),
      });
    }
    const colons = good.thumbprintSha256.toUpperCase().match(/../g)!.join(':');
    expect(parse(`${good.cert}${good.key}`, colons).thumbprintSha256).toBe(good.thumbprintSha256);
  });

  it('accepts a key-only file with its thumbprint', () => {
    expect(parse(good.key, good.thumbprintSha256)).toEqual({
      thumbprintSha256: good.thumbprintSha256,
      privateKey: good.key.trim(),
    });
  });

  it.each([
    ['no private key', () => parse(good.cert), /no private key/],
    ['a key without a thumbprint', () => parse(good.key), /thumbprint is needed/],
    ['a SHA-1 thumbprint', () => parse(good.key, 'ab'.repeat(20)), /SHA-256 one/],
    ['a key of another certificate', () => parse(`${good.cert}${other.key}`), /does not belong/],
    [
      'an expired certificate',
      () => parse(`${expired.cert}${expired.key}`),
      /expired on 2025-01-01/,
    ],
    [
      'a thumbprint of another certificate',
      () => parse(`${good.cert}${good.key}`, other.thumbprintSha256),
      /does not match/,
    ],
    [
      'a garbled key',
      () => parse('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'),
      /cannot be read/,
    ],
    [
      'a password-protected key',
      () =>
        parse(
          createPrivateKey(good.key)
            .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
            .toString(),
        ),
      /protected by a password/,
    ],
    ['not PEM at all', () => parse('hello'), /no private key/],
  ])('refuses %s with a plain reason', (_label, run, message) => {
    expect(run).toThrow(CertificateFileError);
    expect(run).toThrow(message);
  });

  it('reads a file, and says plainly when there is none', async () => {
    const path = join(dir, 'cert.pem');
    writeFileSync(path, `${good.cert}${good.key}`);
    await expect(readCertificateFile(path, { now: NOW })).resolves.toMatchObject({
      thumbprintSha256: good.thumbprintSha256,
    });
    await expect(readCertificateFile(join(dir, 'missing.pem'), { now: NOW })).rejects.toThrow(
      /There is no file at/,
    );
    await expect(readCertificateFile(dir, { now: NOW })).rejects.toThrow(/There is no file at/);
  });

  it('normalises thumbprints', () => {
    expect(normaliseThumbprint(`  ${'AB:'.repeat(31)}AB `)).toBe('ab'.repeat(32));
    expect(normaliseThumbprint('xyz')).toBeUndefined();
  });
});
