import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, DismissCircle20Filled } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { ScanDiff } from '../../shared/history/scan-diff';
import { useApp } from '../state/app-context';
import { diffSummary } from '../state/summaries';
import { CardSection } from './card-section';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  heading: {
    margin: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  link: { padding: 0, minWidth: 0, height: 'auto', textAlign: 'left' },
  fixed: { color: tokens.colorPaletteGreenForeground1 },
  failing: { color: tokens.colorPaletteRedForeground1 },
});

function ChangeList(props: {
  title: string;
  icon: ReactElement;
  ids: readonly string[];
  empty: string;
}) {
  const styles = useStyles();
  const { catalog, navigate } = useApp();
  return (
    <section aria-label={props.title}>
      <h3 className={styles.heading}>
        {props.icon}
        {props.title} ({props.ids.length})
      </h3>
      {props.ids.length === 0 ? (
        <Text>{props.empty}</Text>
      ) : (
        <ul className={styles.list}>
          {props.ids.map((id) => (
            <li key={id}>
              <Button
                appearance="transparent"
                className={styles.link}
                onClick={() => navigate({ screen: 'finding', checkId: id })}
              >
                {catalog.get(id)?.title ?? id}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What changed since the scan before: fixed and newly failing findings. */
export function SinceLastScan(props: { diff: ScanDiff | null }) {
  const styles = useStyles();
  return (
    <CardSection title="Since the last scan">
      <Text as="p" weight="semibold">
        {diffSummary(props.diff)}
      </Text>
      {props.diff ? (
        <div className={styles.columns}>
          <ChangeList
            title="Fixed"
            icon={<CheckmarkCircle20Filled className={styles.fixed} aria-hidden />}
            ids={props.diff.fixed}
            empty="Nothing newly fixed."
          />
          <ChangeList
            title="Newly failing"
            icon={<DismissCircle20Filled className={styles.failing} aria-hidden />}
            ids={props.diff.newlyFailing}
            empty="Nothing newly failing."
          />
        </div>
      ) : null}
    </CardSection>
  );
}
