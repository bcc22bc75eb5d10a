import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useApp } from '../state/app-context';
import type { FindingRow } from '../state/finding-rows';
import { effortText, SEVERITY_LABELS } from '../state/format';
import { topFixes } from '../state/top-fixes';
import { CardSection } from './card-section';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  title: {
    padding: 0,
    minWidth: 0,
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    height: 'auto',
  },
  meta: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/** The five fixes that win the most score for the least work. */
export function TopFixes(props: { rows: readonly FindingRow[] }) {
  const styles = useStyles();
  const { navigate } = useApp();
  const fixes = topFixes(props.rows, 5);
  return (
    <CardSection title="What to fix first">
      {fixes.length === 0 ? (
        <Text>Nothing is failing. Keep scanning every quarter to stay that way.</Text>
      ) : (
        <>
          <Text>Ranked by how much each fix protects you for the time it takes.</Text>
          <ol className={styles.list}>
            {fixes.map((fix) => (
              <li key={fix.item.checkId}>
                <Button
                  appearance="transparent"
                  className={styles.title}
                  onClick={() => navigate({ screen: 'finding', checkId: fix.item.checkId })}
                >
                  {fix.item.row.title}
                </Button>
                <Text size={200} className={styles.meta}>
                  {fix.item.row.reason} · {SEVERITY_LABELS[fix.item.severity]} severity ·{' '}
                  {effortText(fix.item.effortMinutes)}
                </Text>
              </li>
            ))}
          </ol>
        </>
      )}
    </CardSection>
  );
}
