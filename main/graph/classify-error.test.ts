import { describe, expect, it } from 'vitest';
import { classifyHttpError } from './classify-error';

const body = (code: string, message: string) => ({ error: { code, message } });

describe('classifyHttpError', () => {
  it('reads a missing licence as not_licensed, including PIM answering 400 without P2', () => {
    expect(
      classifyHttpError(
        400,
        body('AadPremiumLicenseRequired', 'The tenant needs an AAD Premium 2 license.'),
      ),
    ).toMatchObject({ kind: 'not_licensed', status: 400, code: 'AadPremiumLicenseRequired' });
    expect(
      classifyHttpError(
        403,
        body('Authentication_RequestFromNonPremiumTenantOrB2CTenant', 'no premium licence'),
      ).kind,
    ).toBe('not_licensed');
  });

  it('keeps other 400 and 403 answers apart from licence gaps', () => {
    expect(classifyHttpError(400, body('BadRequest', 'Invalid filter clause')).kind).toBe(
      'invalid_response',
    );
    expect(classifyHttpError(403, body('Authorization_RequestDenied', 'Insufficient')).kind).toBe(
      'forbidden',
    );
  });
});
