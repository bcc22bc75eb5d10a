import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { lazy, useState } from 'react';
import type { ScanDetail } from '../../shared/api/views';
import type { ScanSummary } from '../../shared/models/scan-summary';
import { CardSection } from '../components/card-section';
import { ChartFrame } from '../components/chart-frame';
import { DecisionsLog } from '../components/decisions-log';
import { ScanGate } from '../components/scan-gate';
import { ScreenHeader } from '../components/screen-header';
import { SimpleTable } from '../components/simple-table';
import { SinceLastScan } from '../components/since-last-scan';
import { ErrorState, LoadingState } from '../components/states';
import { useApp } from '../state/app-context';
import { rescanRoute } from '../state/navigation';
import { coverageText, formatDateTime, formatScore } from '../state/format';
import { SCAN_STATUS_LABELS, trendPoints } from '../state/history';
import { trendSummary } from '../state/summaries';
import { asApiError, useAsync } from '../state/use-async';

const ScoreTrendChart = lazy(() => import('../components/score-trend-chart'));

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

function ScanTable(props: { scans: readonly ScanSummary[]; currentId: string }) {
  const { openTenant, tenantId } = useApp();
  const newestFirst = [...props.scans].sort(
    (a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt),
  );
  return (
    <SimpleTable
      caption="Every scan of this tenant, newest first"
      getKey={(s) => s.id}
      rows={newestFirst}
      columns={[
        { key: 'when', header: 'When', cell: (s) => formatDateTime(s.finishedAt ?? s.startedAt) },
        { key: 'score', header: 'Score', cell: (s) => formatScore(s.score) },
        { key: 'cov', header: 'Coverage', cell: (s) => coverageText(s.coverage) },
        {
          key: 'status',
          header: 'Status',
          cell: (s) =>
            `${SCAN_STATUS_LABELS[s.status]}${s.reevaluatedFrom ? ' (re-evaluated)' : ''}`,
        },
        {
          key: 'open',
          header: 'Shown',
          cell: (s) =>
            s.id === props.currentId ? (
              <Text weight="semibold">Shown now</Text>
            ) : s.status === 'complete' || s.status === 'partial' ? (
              <Button size="small" onClick={() => tenantId && void openTenant(tenantId, s.id)}>
                Show this scan
              </Button>
            ) : (
              'No results'
            ),
        },
      ]}
    />
  );
}

function History(props: { detail: ScanDetail }) {
  const styles = useStyles();
  const { api, tenantId, navigate, openTenant } = useApp();
  const scans = useAsync(
    () => api.call('scans.list', { tenantId: tenantId ?? '' }),
    [api, tenantId, props.detail.summary.id],
  );
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const reevaluate = async () => {
    setBusy(true);
    try {
      const next = await api.call('scans.reevaluate', { scanId: props.detail.summary.id });
      if (tenantId) await openTenant(tenantId, next.id);
      setMessage({
        ok: true,
        text: 'Re-checked the stored evidence with the current checks and your declarations.',
      });
    } catch (e) {
      setMessage({ ok: false, text: asApiError(e).message });
    } finally {
      setBusy(false);
    }
  };
  const points = scans.status === 'ready' ? trendPoints(scans.data) : [];
  const summary = trendSummary(points);
  return (
    <div className={styles.column}>
      <ScreenHeader
        title="History"
        subtitle={`How ${props.detail.tenant.displayName} has changed from scan to scan.`}
        actions={
          <>
            <Button
              appearance="primary"
              icon={<ArrowClockwise20Regular />}
              onClick={() => navigate(rescanRoute(props.detail))}
            >
              Scan again
            </Button>
            <Button onClick={() => void reevaluate()} disabled={busy}>
              Re-check without scanning
            </Button>
          </>
        }
      />
      {message ? (
        <MessageBar intent={message.ok ? 'success' : 'error'} role="status">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <SinceLastScan diff={props.detail.sincePrevious} />
      <CardSection title="Score over time">
        {scans.status === 'loading' ? <LoadingState label="Loading earlier scans…" /> : null}
        {scans.status === 'error' ? (
          <ErrorState error={scans.error} onRetry={scans.reload} />
        ) : null}
        {scans.status === 'ready' ? (
          <>
            <Text as="p">{summary}</Text>
            {points.length > 1 ? (
              <ChartFrame summary={`Line chart of the score over time. ${summary}`}>
                <ScoreTrendChart points={points} />
              </ChartFrame>
            ) : null}
            <ScanTable scans={scans.data} currentId={props.detail.summary.id} />
          </>
        ) : null}
      </CardSection>
      {tenantId ? <DecisionsLog tenantId={tenantId} refreshKey={props.detail.summary.id} /> : null}
    </div>
  );
}

/** Score trend, what changed since the last scan, and every scan of the tenant. */
export function HistoryScreen() {
  return <ScanGate title="History">{(detail) => <History detail={detail} />}</ScanGate>;
}
