import { describe, expect, it } from 'vitest';
import { StringPool } from './string-pool';

describe('StringPool', () => {
  it('parses to the same values as plain JSON.parse', () => {
    const text = JSON.stringify({
      value: [
        { id: 'a', plans: [{ status: 'Enabled', n: 1, ok: true, none: null }] },
        {
          id: 'b',
          plans: [{ status: 'Enabled', n: 2, ok: false, none: null }],
          long: 'x'.repeat(100),
        },
      ],
    });
    expect(JSON.parse(text, new StringPool().reviver)).toEqual(JSON.parse(text));
  });
});
