import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { ScanDetail } from '../../shared/api/views';
import { SeverityBadge, VerdictBadge } from '../components/badges';
import { FindingsFilterBar } from '../components/findings-filter-bar';
import { ScanGate } from '../components/scan-gate';
import { ScreenHeader } from '../components/screen-header';
import { EmptyState } from '../components/states';
import { VirtualList } from '../components/virtual-list';
import { useApp } from '../state/app-context';
import { DECISION_LABELS } from '../state/decision-form';
import { filterFindings, filterSummary, NO_FILTERS } from '../state/finding-filters';
import { buildFindingRows, type FindingRow } from '../state/finding-rows';
import { plural } from '../state/format';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: '150px minmax(0, 1fr) 200px',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    height: '100%',
    padding: `0 ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
  },
  badge: { justifySelf: 'start' },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  reason: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground2,
  },
  side: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-end',
    gap: tokens.spacingVerticalXXS,
  },
  hint: { display: 'block', margin: `${tokens.spacingVerticalS} 0` },
});

function FindingLine(props: { row: FindingRow }) {
  const styles = useStyles();
  const { row } = props;
  const extra = [
    row.affectedCount > 0 ? plural(row.affectedCount, 'item') + ' affected' : null,
    row.decision ? DECISION_LABELS[row.decision.decision.kind] : null,
    row.stepsDone > 0 ? `${row.stepsDone} of ${row.stepsTotal} steps done` : null,
  ].filter(Boolean);
  return (
    <div className={styles.row}>
      <span className={styles.badge}>
        <VerdictBadge verdict={row.verdict} />
      </span>
      <div className={styles.text}>
        <Text weight="semibold">
          {row.title} <Text size={200}>({row.checkId})</Text>
        </Text>
        <Text size={200} className={styles.reason}>
          {row.reason}
        </Text>
      </div>
      <div className={styles.side}>
        <SeverityBadge severity={row.severity} />
        <Text size={200}>{extra.join(' · ') || row.familyLabel}</Text>
      </div>
    </div>
  );
}

function Findings(props: { detail: ScanDetail }) {
  const styles = useStyles();
  const { catalog, navigate, filters, setFilters } = useApp();
  const rows = useMemo(
    () => buildFindingRows(props.detail, [...catalog.values()]),
    [props.detail, catalog],
  );
  const shown = useMemo(() => filterFindings(rows, filters), [rows, filters]);
  return (
    <>
      <ScreenHeader
        title="Findings"
        subtitle={`Every check of the scan of ${props.detail.tenant.displayName}, worst first.`}
      />
      <FindingsFilterBar filters={filters} onChange={setFilters} />
      <Text role="status" aria-live="polite">
        {filterSummary(shown.length, rows.length, filters)}
      </Text>
      <Text size={200} className={styles.hint}>
        In the list, use the arrow keys to move and Enter to open a finding.
      </Text>
      {shown.length === 0 ? (
        <EmptyState
          title="No findings match"
          action={<Button onClick={() => setFilters(NO_FILTERS)}>Clear filters</Button>}
        >
          Nothing in this scan matches these filters. Clear them to see every finding.
        </EmptyState>
      ) : (
        <VirtualList
          items={shown}
          label="Findings"
          rowHeight={64}
          height="calc(100vh - 250px)"
          getKey={(r) => r.checkId}
          renderItem={(r) => <FindingLine row={r} />}
          onOpen={(r) => navigate({ screen: 'finding', checkId: r.checkId })}
        />
      )}
    </>
  );
}

/** Every finding, filterable by result, severity, area and framework, with search. */
export function FindingsScreen() {
  return <ScanGate title="Findings">{(detail) => <Findings detail={detail} />}</ScanGate>;
}
