import { makeStyles, Text, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircle20Filled,
  DismissCircle20Filled,
  QuestionCircle20Regular,
  Warning20Filled,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import {
  ig1Summary,
  ig1View,
  SAFEGUARD_STATUS_LABELS,
  type SafeguardStatus,
} from '../state/cis-ig1';
import type { FindingRow } from '../state/finding-rows';
import { CardSection } from './card-section';
import { SimpleTable } from './simple-table';

const ICONS: Record<SafeguardStatus, ReactElement> = {
  met: <CheckmarkCircle20Filled aria-hidden />,
  partly: <Warning20Filled aria-hidden />,
  not_met: <DismissCircle20Filled aria-hidden />,
  not_assessed: <QuestionCircle20Regular aria-hidden />,
};

const useStyles = makeStyles({
  status: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    whiteSpace: 'nowrap',
  },
  met: { color: tokens.colorPaletteGreenForeground1 },
  partly: { color: tokens.colorPaletteMarigoldForeground1 },
  not_met: { color: tokens.colorPaletteRedForeground1 },
  not_assessed: { color: tokens.colorNeutralForeground2 },
});

/** CIS Controls v8 IG1: the safeguards our checks touch, each met, partly met or not met. */
export function Ig1Panel(props: { rows: readonly FindingRow[] }) {
  const styles = useStyles();
  const view = ig1View(
    props.rows.map((r) => ({
      checkId: r.checkId,
      verdict: r.verdict,
      cisControls: r.meta?.mappings.cisControls ?? [],
    })),
  );
  return (
    <CardSection title="CIS Controls IG1">
      <Text as="p">{ig1Summary(view)}</Text>
      <SimpleTable
        caption="CIS Controls v8 Implementation Group 1 safeguards"
        getKey={(r) => r.safeguard}
        rows={view}
        columns={[
          { key: 'id', header: 'Safeguard', cell: (r) => r.safeguard, width: '90px' },
          { key: 'title', header: 'What it asks', cell: (r) => r.title },
          {
            key: 'status',
            header: 'Result',
            width: '140px',
            cell: (r) => (
              <span className={styles.status}>
                <span className={styles[r.status]}>{ICONS[r.status]}</span>
                {SAFEGUARD_STATUS_LABELS[r.status]}
              </span>
            ),
          },
          { key: 'checks', header: 'Checks', width: '70px', cell: (r) => r.checks.length },
        ]}
      />
    </CardSection>
  );
}
