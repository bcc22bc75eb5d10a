import { describe, expect, it } from 'vitest';
import { batchBody, readBatchResponse, relativeUrl } from './batch-body';

describe('batch bodies', () => {
  it('keeps inner URLs relative to the version', () => {
    const { url, version } = relativeUrl('https://graph.microsoft.com/v1.0/users?$top=999');
    expect(version).toBe('v1.0');
    expect(batchBody([{ id: '1', url }])).toEqual({
      requests: [{ id: '1', method: 'GET', url: '/users?$top=999' }],
    });
    expect(() => batchBody([{ id: '1', url: '/v1.0/users' }])).toThrow(RangeError);
  });

  it('holds at most 20 requests', () => {
    const items = Array.from({ length: 21 }, (_, i) => ({ id: String(i), url: '/users' }));
    expect(() => batchBody(items)).toThrow(/1 to 20/);
    expect(batchBody(items.slice(0, 20)).requests).toHaveLength(20);
  });

  it('reads responses by id, whatever their order, and refuses something else', () => {
    const read = readBatchResponse({
      responses: [
        { id: '2', status: 429, headers: { 'Retry-After': '3' } },
        { id: '1', status: 200, body: { value: [] } },
      ],
    });
    expect(read?.get('2')).toMatchObject({ status: 429, headers: { 'retry-after': '3' } });
    expect(read?.get('1')?.body).toEqual({ value: [] });
    expect(readBatchResponse({ value: [] })).toBeUndefined();
  });
});
