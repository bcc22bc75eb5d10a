import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { ScanDetail } from '../../shared/api/views';
import { CsfPanel } from '../components/csf-panel';
import { ExportReport } from '../components/export-report';
import { Ig1Panel } from '../components/ig1-panel';
import { InvestigatePanel } from '../components/investigate-panel';
import { ScanGate } from '../components/scan-gate';
import { ScoreCard } from '../components/score-card';
import { ScreenHeader } from '../components/screen-header';
import { TopFixes } from '../components/top-fixes';
import { useApp } from '../state/app-context';
import { rescanRoute } from '../state/navigation';
import { buildFindingRows } from '../state/finding-rows';
import { formatDateTime } from '../state/format';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  wide: { gridColumn: '1 / -1' },
  message: { marginBottom: tokens.spacingVerticalL },
});

function Dashboard(props: { detail: ScanDetail }) {
  const styles = useStyles();
  const { catalog, navigate } = useApp();
  const { detail } = props;
  const rows = useMemo(() => buildFindingRows(detail, [...catalog.values()]), [detail, catalog]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <>
      <ScreenHeader
        title={detail.tenant.displayName}
        subtitle={`${detail.tenant.defaultDomain} · scanned ${formatDateTime(detail.summary.finishedAt ?? detail.summary.startedAt)} · ${detail.summary.profile === 'cis' ? 'CIS profile' : 'CISA SCuBA profile'}`}
        actions={
          <>
            <Button
              appearance="primary"
              icon={<ArrowClockwise20Regular />}
              onClick={() => navigate(rescanRoute(detail))}
            >
              Scan again
            </Button>
            <ExportReport scanId={detail.summary.id} onResult={setMessage} />
          </>
        }
      />
      {message ? (
        <MessageBar
          intent={message.ok ? 'success' : 'warning'}
          className={styles.message}
          role="status"
        >
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.grid}>
        <ScoreCard detail={detail} rows={rows} />
        <TopFixes rows={rows} />
        <InvestigatePanel rows={rows} />
        <CsfPanel score={detail.score} />
        <div className={styles.wide}>
          <Ig1Panel rows={rows} />
        </div>
      </div>
    </>
  );
}

/** "Are we OK, and what first?": score, top fixes, investigation readiness, frameworks. */
export function DashboardScreen() {
  return <ScanGate title="Dashboard">{(detail) => <Dashboard detail={detail} />}</ScanGate>;
}
