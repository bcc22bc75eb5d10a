import { makeStyles, SearchBox, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { AffectedObject } from '../../shared/models/finding';
import { plural } from '../state/format';
import { VirtualList } from './virtual-list';

const ROW = 52;

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    height: '100%',
    padding: `0 ${tokens.spacingHorizontalM}`,
  },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, minWidth: 0 },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  id: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground3,
  },
});

/** The accounts, apps or policies a finding lists; stays fast with thousands. */
export function AffectedObjects(props: { objects: readonly AffectedObject[] }) {
  const styles = useStyles();
  const [search, setSearch] = useState('');
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q
      ? props.objects.filter((o) =>
          `${o.displayName} ${o.detail ?? ''} ${o.id}`.toLowerCase().includes(q),
        )
      : props.objects;
  }, [props.objects, search]);
  return (
    <div className={styles.column}>
      {props.objects.length > 8 ? (
        <SearchBox
          aria-label="Search the affected items"
          placeholder="Search by name"
          value={search}
          onChange={(_, d) => setSearch(d.value)}
        />
      ) : null}
      <Text role="status">
        {search
          ? `${shown.length} of ${plural(props.objects.length, 'item')} match.`
          : `${plural(props.objects.length, 'item')} affected.`}
      </Text>
      <VirtualList
        items={shown}
        label="Affected items"
        rowHeight={ROW}
        height={Math.min(Math.max(shown.length, 1) * ROW + 2, 320)}
        getKey={(o) => o.id}
        renderItem={(o) => (
          <div className={styles.row}>
            <Text weight="semibold" className={styles.cell} title={o.displayName}>
              {o.displayName}
            </Text>
            <span className={styles.line}>
              {o.detail ? (
                <Text size={200} className={styles.cell} title={o.detail}>
                  {o.detail}
                </Text>
              ) : null}
              <Text size={200} className={styles.id} title={o.id}>
                {o.id}
              </Text>
            </span>
          </div>
        )}
      />
    </div>
  );
}
