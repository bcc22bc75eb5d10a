import { describe, expect, it } from 'vitest';
import { scoreNumber, scoreOutOf100 } from './score-text';

describe('score text', () => {
  it('keeps one decimal and drops a trailing zero', () => {
    expect(scoreNumber(26.5)).toBe('26.5');
    expect(scoreNumber(27)).toBe('27');
    expect(scoreNumber(61.96)).toBe('62');
    expect(scoreNumber(0)).toBe('0');
    expect(scoreNumber(100)).toBe('100');
  });

  it('says so when there is no score', () => {
    expect(scoreOutOf100(26.5)).toBe('26.5 out of 100');
    expect(scoreOutOf100(null)).toBe('no score');
    expect(scoreOutOf100(undefined, 'Not scored')).toBe('Not scored');
  });
});
