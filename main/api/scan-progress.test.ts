import { describe, expect, it } from 'vitest';
import { toProgressEvent } from './scan-progress';

describe('scan progress for the screens', () => {
  it('carries the scan id, passes throttling waits on, and leaves "finished" to the runner', () => {
    expect(toProgressEvent('s1', { type: 'waiting', seconds: 12, label: 'Users' })).toEqual({
      scanId: 's1',
      type: 'waiting',
      seconds: 12,
      label: 'Users',
    });
    expect(toProgressEvent('s1', { type: 'evaluating', checks: 69 })).toEqual({
      scanId: 's1',
      type: 'evaluating',
      checks: 69,
    });
    expect(toProgressEvent('s1', { type: 'finished', score: 50 })).toBeUndefined();
  });
});
