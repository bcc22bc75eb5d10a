import { describe, expect, it } from 'vitest';
import { safeCell } from './csv-cell';

describe('CSV cells', () => {
  it.each(['=1+1', '+44 20', '-2', '@SUM(A1)', '\t=cmd', '\r=cmd'])(
    'neutralises %j so Excel shows it as text',
    (value) => {
      expect(safeCell(value)).toBe(`'${value}`);
    },
  );

  it('leaves ordinary text alone', () => {
    expect(safeCell('Office Scanner (scanner@contoso.com)')).toBe(
      'Office Scanner (scanner@contoso.com)',
    );
    expect(safeCell('')).toBe('');
  });
});
