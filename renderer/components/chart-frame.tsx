import { makeStyles, Skeleton, SkeletonItem } from '@fluentui/react-components';
import { Suspense, type ReactNode } from 'react';

const useStyles = makeStyles({ frame: { width: '100%', minHeight: '220px' } });

/** Holds a lazily loaded chart; the chart is a picture of the summary, which names it. */
export function ChartFrame(props: { summary: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.frame} role="img" aria-label={props.summary}>
      <Suspense
        fallback={
          <Skeleton aria-label="Loading the chart">
            <SkeletonItem style={{ height: '220px' }} />
          </Skeleton>
        }
      >
        {props.children}
      </Suspense>
    </div>
  );
}
