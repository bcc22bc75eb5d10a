import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useApp } from '../state/app-context';
import type { FindingRow } from '../state/finding-rows';
import { investigationRows, investigationSummary } from '../state/top-fixes';
import { VerdictBadge } from './badges';
import { CardSection } from './card-section';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '150px 1fr',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
  },
  badge: { justifySelf: 'start' },
  title: {
    padding: 0,
    minWidth: 0,
    textAlign: 'left',
    justifyContent: 'flex-start',
    height: 'auto',
  },
  story: { color: tokens.colorNeutralForeground2 },
});

/** The Storm-0558 view: the logging and inventory a business needs to investigate a break-in. */
export function InvestigatePanel(props: { rows: readonly FindingRow[] }) {
  const styles = useStyles();
  const { navigate } = useApp();
  const rows = investigationRows(props.rows);
  return (
    <CardSection title="Could you investigate a breach?">
      <Text as="p" className={styles.story}>
        In 2023 attackers with a stolen Microsoft signing key read email at about 25 organisations,
        and it was spotted only because one customer kept mailbox access logs.
      </Text>
      <Text as="p" weight="semibold">
        {investigationSummary(rows)}
      </Text>
      <ul className={styles.list}>
        {rows.map((r) => (
          <li key={r.checkId} className={styles.item}>
            <span className={styles.badge}>
              <VerdictBadge verdict={r.verdict} />
            </span>
            <Button
              appearance="transparent"
              className={styles.title}
              onClick={() => navigate({ screen: 'finding', checkId: r.checkId })}
            >
              {r.title}
            </Button>
          </li>
        ))}
      </ul>
    </CardSection>
  );
}
