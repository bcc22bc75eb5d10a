import { describe, expect, it } from 'vitest';
import type { ScanProgressEvent } from '../../shared/api/contract';
import { applyProgress, INITIAL_PROGRESS, sourcesSummary, waitingText } from './scan-progress';

const run = (events: ScanProgressEvent[]) => events.reduce(applyProgress, INITIAL_PROGRESS);
const scanId = 's1';

describe('applyProgress', () => {
  it('tracks each source, the overall count and a throttling wait until the source finishes', () => {
    const state = run([
      { scanId, type: 'source-started', source: 'users', label: 'your user accounts' },
      { scanId, type: 'source-started', source: 'groups', label: 'your groups' },
      { scanId, type: 'waiting', seconds: 4, label: 'your user accounts' },
      {
        scanId,
        type: 'source-finished',
        source: 'groups',
        label: 'your groups',
        ok: false,
        done: 1,
        total: 39,
      },
    ]);
    expect(state.phase).toBe('reading');
    expect(state.sources.map((s) => [s.source, s.state])).toEqual([
      ['users', 'reading'],
      ['groups', 'could-not-read'],
    ]);
    expect(state.overall).toEqual({ done: 1, total: 39 });
    expect(state.waiting).toEqual({ seconds: 4, label: 'your user accounts' });
    const after = applyProgress(state, {
      scanId,
      type: 'source-finished',
      source: 'users',
      label: 'your user accounts',
      ok: true,
      done: 2,
      total: 39,
    });
    expect(after.waiting).toBeNull();
    expect(sourcesSummary(after.sources, 39)).toBe(
      '1 of 39 data sources read, 1 could not be read.',
    );
  });

  it('ends finished, cancelled or failed with plain words', () => {
    expect(
      run([{ scanId, type: 'finished', status: 'partial', tenantId: 't', score: 40 }]),
    ).toMatchObject({
      phase: 'finished',
      finished: { status: 'partial', tenantId: 't', score: 40 },
    });
    expect(run([{ scanId, type: 'cancelled' }]).message).toMatch(/cancelled/);
    expect(
      run([{ scanId, type: 'failed', error: { code: 'sign_in', message: 'Sign in again.' } }]),
    ).toMatchObject({ phase: 'failed', message: 'Sign in again.' });
  });
});

describe('waitingText', () => {
  it('reads well with a short name or a whole sentence', () => {
    expect(waitingText({ seconds: 1.2, label: 'Microsoft Graph' })).toBe(
      'Microsoft asked us to slow down while reading Microsoft Graph. Waiting 1 second before asking again; this is normal and nothing is wrong.',
    );
    expect(
      waitingText({ seconds: 5, label: 'microsoft allows one Conditional Access read per second' }),
    ).toMatch(/^Microsoft allows one Conditional Access read per second\. Waiting 5 seconds/);
  });
});
