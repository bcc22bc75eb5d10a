import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useReducer, useRef, useState } from 'react';
import { ApiError, type ScanProgressEvent } from '../../shared/api/contract';
import { CardSection } from '../components/card-section';
import { ScreenHeader } from '../components/screen-header';
import { SourceList } from '../components/source-list';
import { ErrorState } from '../components/states';
import { useApp } from '../state/app-context';
import { formatScore } from '../state/format';
import {
  applyProgress,
  INITIAL_PROGRESS,
  sourcesSummary,
  waitingText,
} from '../state/scan-progress';
import { asApiError } from '../state/use-async';

const useStyles = makeStyles({
  column: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '1100px',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Action = { type: 'event'; event: ScanProgressEvent } | { type: 'reset' };

function reducer(state: typeof INITIAL_PROGRESS, action: Action) {
  return action.type === 'reset' ? INITIAL_PROGRESS : applyProgress(state, action.event);
}

/** A running scan: each data source as it is read, honest waits, cancel; then what comes next. */
export function ScanScreen(props: { kind: 'demo' | 'live'; tenantId?: string }) {
  const styles = useStyles();
  const { api, profile, navigate, refreshTenants, openTenant, tenantId } = useApp();
  const [progress, dispatch] = useReducer(reducer, INITIAL_PROGRESS);
  const [scanId, setScanId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const [continuing, setContinuing] = useState(false);
  const started = useRef(-1);
  const pending = useRef<ScanProgressEvent[]>([]);
  const currentScan = useRef<string | null>(null);
  const continueRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const off = api.on('scan.progress', (event) => {
      if (currentScan.current === null) pending.current.push(event);
      else if (event.scanId === currentScan.current) dispatch({ type: 'event', event });
    });
    if (started.current !== attempt) {
      started.current = attempt;
      dispatch({ type: 'reset' });
      setStartError(null);
      currentScan.current = null;
      pending.current = [];
      const target =
        props.kind === 'live'
          ? { kind: 'live' as const, ...(props.tenantId ? { tenantId: props.tenantId } : {}) }
          : { kind: 'demo' as const };
      api.call('scan.start', { target, profile }).then(
        ({ scanId: id }) => {
          currentScan.current = id;
          setScanId(id);
          for (const event of pending.current)
            if (event.scanId === id) dispatch({ type: 'event', event });
          pending.current = [];
        },
        (error: unknown) => setStartError(asApiError(error)),
      );
    }
    return off;
  }, [api, attempt, profile, props.kind, props.tenantId]);

  useEffect(() => {
    if (progress.phase === 'finished') continueRef.current?.focus();
  }, [progress.phase]);

  const cancel = () => {
    if (scanId) api.call('scan.cancel', { scanId }).catch(() => undefined);
  };
  const goBack = () => navigate(tenantId ? { screen: 'dashboard' } : { screen: 'welcome' });

  const finished = progress.finished;
  const onContinue = async () => {
    if (!finished || !scanId) return;
    setContinuing(true);
    try {
      await refreshTenants();
      const { declared } = await api.call('tenants.getSettings', { tenantId: finished.tenantId });
      await openTenant(finished.tenantId, scanId);
      navigate(
        declared
          ? { screen: 'dashboard' }
          : { screen: 'declare', tenantId: finished.tenantId, firstTime: true },
      );
    } catch (error) {
      setStartError(asApiError(error));
      setContinuing(false);
    }
  };

  const stopped = progress.phase === 'cancelled' || progress.phase === 'failed';
  const running = !startError && !stopped && progress.phase !== 'finished';

  return (
    <div className={styles.column}>
      <ScreenHeader
        title={props.kind === 'demo' ? 'Scanning the demo tenant' : 'Scanning your tenant'}
        subtitle={`Reading settings only; nothing in the tenant is changed. Profile: ${profile === 'cis' ? 'CIS Microsoft 365 Foundations' : 'CISA SCuBA'}.`}
        actions={
          running ? (
            <Button onClick={cancel} disabled={!scanId}>
              Cancel scan
            </Button>
          ) : stopped ? (
            <>
              <Button appearance="primary" onClick={() => setAttempt((a) => a + 1)}>
                Start again
              </Button>
              <Button onClick={goBack}>Go back</Button>
            </>
          ) : undefined
        }
      />
      {startError ? (
        <ErrorState
          title="The scan could not start"
          error={startError}
          onRetry={() => setAttempt((a) => a + 1)}
        >
          <div>
            {startError.code === 'sign_in' ? (
              <Button appearance="primary" onClick={() => navigate({ screen: 'welcome' })}>
                Sign in
              </Button>
            ) : null}
            <Button appearance="transparent" onClick={goBack}>
              Go back
            </Button>
          </div>
        </ErrorState>
      ) : null}
      {finished ? (
        <MessageBar
          intent={finished.status === 'complete' ? 'success' : 'warning'}
          layout="multiline"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {finished.status === 'complete' ? 'Scan complete' : 'Scan complete, with gaps'}
            </MessageBarTitle>
            Your score is {formatScore(finished.score)}.{' '}
            {finished.status === 'partial'
              ? 'Some settings could not be read, often features the tenant has no licence for. Any check that needed them says why.'
              : ''}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {finished ? (
        <div className={styles.row}>
          <Button
            appearance="primary"
            ref={continueRef}
            onClick={() => void onContinue()}
            disabled={continuing}
          >
            See your results
          </Button>
        </div>
      ) : null}
      {progress.phase === 'failed' && progress.error ? (
        <ErrorState
          title="The scan stopped"
          error={new ApiError(progress.error.code, progress.error.message)}
        >
          <div>Nothing from this scan was saved. Your earlier results are unchanged.</div>
        </ErrorState>
      ) : null}
      {progress.phase === 'cancelled' ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Scan cancelled</MessageBarTitle>
            Nothing was saved from it, and your earlier results are unchanged.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {!startError ? (
        <CardSection title="Progress">
          <div role="status" aria-live="polite">
            <Text weight="semibold">{progress.message}</Text>
          </div>
          {running ? (
            <ProgressBar
              aria-label="Scan progress"
              thickness="large"
              {...(progress.overall && progress.phase === 'reading'
                ? { value: progress.overall.done / progress.overall.total }
                : {})}
            />
          ) : null}
          {progress.waiting ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Waiting for Microsoft</MessageBarTitle>
                {waitingText(progress.waiting)}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {progress.sources.length > 0 ? (
            <>
              <Text>{sourcesSummary(progress.sources, progress.overall?.total)}</Text>
              <SourceList sources={progress.sources} />
            </>
          ) : null}
        </CardSection>
      ) : null}
    </div>
  );
}
