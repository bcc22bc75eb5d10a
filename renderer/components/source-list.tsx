import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, Warning20Filled } from '@fluentui/react-icons';
import type { SourceProgress } from '../state/scan-progress';
import { groupSources, groupText } from '../state/source-groups';

const useStyles = makeStyles({
  groups: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))',
    gap: tokens.spacingVerticalL,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  count: { color: tokens.colorNeutralForeground2 },
  list: {
    listStyle: 'none',
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '20px 1fr',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
  },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const STATE_WORDS = {
  reading: 'reading…',
  read: 'read',
  'could-not-read': 'could not be read',
} as const;

const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** Data sources by area, each with its count and every source's state in words and an icon. */
export function SourceList(props: { sources: readonly SourceProgress[] }) {
  const styles = useStyles();
  return (
    <div className={styles.groups}>
      {groupSources(props.sources).map((g) => (
        <section key={g.group} aria-label={g.group}>
          <h3 className={styles.heading}>
            {g.group} <span className={styles.count}>({groupText(g)})</span>
          </h3>
          <ul className={styles.list}>
            {g.sources.map((s) => (
              <li key={s.source} className={styles.item}>
                {s.state === 'reading' ? (
                  <Spinner size="extra-tiny" aria-hidden />
                ) : s.state === 'read' ? (
                  <CheckmarkCircle20Filled className={styles.ok} aria-hidden />
                ) : (
                  <Warning20Filled className={styles.bad} aria-hidden />
                )}
                <Text size={200}>
                  {capital(s.label)}: {STATE_WORDS[s.state]}
                </Text>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
