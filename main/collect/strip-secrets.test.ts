import { describe, expect, it } from 'vitest';
import { stripSecrets } from './strip-secrets';

describe('stripSecrets', () => {
  it('drops secrets, passwords, key material and tokens, and keeps credential metadata', () => {
    const app = {
      id: 'a1',
      passwordCredentials: [
        {
          keyId: 'k1',
          displayName: 'ci',
          endDateTime: '2027-01-01T00:00:00Z',
          secretText: 's3cr3t',
          hint: 's3c',
        },
      ],
      keyCredentials: [
        {
          keyId: 'k2',
          type: 'AsymmetricX509Cert',
          key: 'MIIC...',
          endDateTime: '2027-01-01T00:00:00Z',
        },
      ],
      clientSecret: 'x',
      password: 'hunter2',
      passwordPolicies: 'DisablePasswordExpiration',
      localAdminPassword: { isEnabled: false },
      note: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc',
    };
    expect(stripSecrets(app)).toEqual({
      id: 'a1',
      passwordCredentials: [
        { keyId: 'k1', displayName: 'ci', endDateTime: '2027-01-01T00:00:00Z' },
      ],
      keyCredentials: [
        { keyId: 'k2', type: 'AsymmetricX509Cert', endDateTime: '2027-01-01T00:00:00Z' },
      ],
      passwordPolicies: 'DisablePasswordExpiration',
      localAdminPassword: { isEnabled: false },
      note: '[removed]',
    });
  });
});
