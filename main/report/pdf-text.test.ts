import { describe, expect, it } from 'vitest';
import { pdfSafe } from './pdf-text';

describe('text for the standard PDF fonts', () => {
  it('keeps what Helvetica can draw', () => {
    const text = 'Café “MFA” – 5 € › Entra … Œuvre ÿ';
    expect(pdfSafe(text)).toBe(text);
  });

  it('keeps base letters of accented names and replaces the rest', () => {
    expect(pdfSafe('Łukasz Ődön Đặng')).toBe('Lukasz Odön Dang');
    expect(pdfSafe('山田 😀')).toBe('?? ?');
    expect(pdfSafe('a ≥ b → c ✓')).toBe('a >= b -> c v');
  });

  it('drops control characters but keeps line breaks', () => {
    expect(pdfSafe('one\u0007\ntwo\tthree\u200b')).toBe('one\ntwo three');
  });
});
