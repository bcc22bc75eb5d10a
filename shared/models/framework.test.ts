import { describe, expect, it } from 'vitest';
import { csfFunctionOf, validateMappings } from './framework';

describe('framework references', () => {
  it('finds the CSF function of a subcategory', () => {
    expect(csfFunctionOf('PR.AA-03')).toBe('PR');
    expect(csfFunctionOf('DE.CM-09')).toBe('DE');
    expect(csfFunctionOf('PR.AA3')).toBeUndefined();
  });

  it('rejects malformed references', () => {
    expect(
      validateMappings({
        cisM365: ['v5:5.2.2.3', '5.2.2.3'],
        cisControls: ['4.8', 'IG1'],
        nistCsf: ['PR.AA-03', 'XX.AA-01'],
        scuba: ['MS.AAD.1.1v1', 'AAD.1'],
      }),
    ).toEqual(['nistCsf "XX.AA-01"', 'cisM365 "5.2.2.3"', 'cisControls "IG1"', 'scuba "AAD.1"']);
  });
});
