import type { ApiErrorBody, ScanProgressEvent } from '../../shared/api/contract';

export type SourceState = 'reading' | 'read' | 'could-not-read';

export interface SourceProgress {
  readonly source: string;
  readonly label: string;
  readonly state: SourceState;
}

export interface ScanProgress {
  readonly phase:
    'starting' | 'signing-in' | 'reading' | 'evaluating' | 'finished' | 'cancelled' | 'failed';
  readonly message: string;
  readonly sources: readonly SourceProgress[];
  readonly waiting: { readonly seconds: number; readonly label: string } | null;
  readonly checks: number | null;
  /** Sources finished and the number the scan will read, once the engine says. */
  readonly overall: { readonly done: number; readonly total: number } | null;
  readonly finished: {
    readonly status: 'complete' | 'partial';
    readonly tenantId: string;
    readonly score: number | null;
  } | null;
  readonly error: ApiErrorBody | null;
}

export const INITIAL_PROGRESS: ScanProgress = {
  phase: 'starting',
  message: 'Starting the scan…',
  sources: [],
  waiting: null,
  checks: null,
  overall: null,
  finished: null,
  error: null,
};

function upsert(sources: readonly SourceProgress[], next: SourceProgress): SourceProgress[] {
  const i = sources.findIndex((s) => s.source === next.source);
  if (i === -1) return [...sources, next];
  const copy = [...sources];
  copy[i] = { ...copy[i], ...next };
  return copy;
}

/** Folds one progress event into what the scan screen shows. */
export function applyProgress(state: ScanProgress, event: ScanProgressEvent): ScanProgress {
  switch (event.type) {
    case 'signing-in':
      return { ...state, phase: 'signing-in', message: event.description };
    case 'source-started':
    case 'source-finished': {
      const finished = event.type === 'source-finished';
      const sourceState: SourceState = !finished
        ? 'reading'
        : event.ok === false
          ? 'could-not-read'
          : 'read';
      return {
        ...state,
        phase: 'reading',
        message: 'Reading your tenant’s settings…',
        waiting: finished && state.waiting?.label === event.label ? null : state.waiting,
        overall:
          event.done !== undefined && event.total !== undefined && event.total > 0
            ? { done: Math.max(event.done, state.overall?.done ?? 0), total: event.total }
            : state.overall,
        sources: upsert(state.sources, {
          source: event.source,
          label: event.label,
          state: sourceState,
        }),
      };
    }
    case 'waiting':
      return { ...state, waiting: { seconds: event.seconds, label: event.label } };
    case 'evaluating':
      return {
        ...state,
        phase: 'evaluating',
        waiting: null,
        checks: event.checks,
        message: `Checking the results against ${event.checks} checks…`,
      };
    case 'finished':
      return {
        ...state,
        phase: 'finished',
        waiting: null,
        message:
          event.status === 'complete'
            ? 'Scan finished.'
            : 'Scan finished, but some settings could not be read.',
        finished: { status: event.status, tenantId: event.tenantId, score: event.score },
      };
    case 'cancelled':
      return {
        ...state,
        phase: 'cancelled',
        waiting: null,
        message: 'The scan was cancelled. Nothing was saved from it.',
      };
    case 'failed':
      return {
        ...state,
        phase: 'failed',
        waiting: null,
        message: event.error.message,
        error: event.error,
      };
  }
}

/** "12 of 39 sources read, 2 could not be read". */
export function sourcesSummary(sources: readonly SourceProgress[], total?: number): string {
  const read = sources.filter((s) => s.state === 'read').length;
  const failed = sources.filter((s) => s.state === 'could-not-read').length;
  const reading = sources.filter((s) => s.state === 'reading').length;
  const parts = [`${read} of ${Math.max(total ?? 0, sources.length)} data sources read`];
  if (reading > 0) parts.push(`${reading} in progress`);
  if (failed > 0) parts.push(`${failed} could not be read`);
  return `${parts.join(', ')}.`;
}

/** Plain words for a throttling wait; the label is either a short name or a sentence of its own. */
export function waitingText(waiting: { seconds: number; label: string }): string {
  const s = Math.max(1, Math.round(waiting.seconds));
  const label = waiting.label.trim();
  const reason =
    label.split(/\s+/).length < 5
      ? `Microsoft asked us to slow down while reading ${label}.`
      : `${label.charAt(0).toUpperCase()}${label.slice(1)}${/[.!?]$/.test(label) ? '' : '.'}`;
  return `${reason} Waiting ${s} ${s === 1 ? 'second' : 'seconds'} before asking again; this is normal and nothing is wrong.`;
}
