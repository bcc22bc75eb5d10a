import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ApiError } from '../../shared/api/contract';

const useStyles = makeStyles({
  centre: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalXXL,
    maxWidth: '640px',
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/** A spinner with words saying what is loading. */
export function LoadingState(props: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.centre} role="status">
      <Spinner label={props.label} />
    </div>
  );
}

/** A plain error with what to do next. */
export function ErrorState(props: {
  title?: string;
  error: ApiError;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.title ?? 'That did not work'}</MessageBarTitle>
        {props.error.message}
        {props.children}
      </MessageBarBody>
      {props.onRetry ? (
        <MessageBarActions>
          <Button onClick={props.onRetry}>Try again</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

/** Nothing to show yet: why, and the next step. */
export function EmptyState(props: { title: string; children: ReactNode; action?: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.centre} aria-label={props.title}>
      <h2 className={styles.title}>{props.title}</h2>
      <Text as="p">{props.children}</Text>
      {props.action}
    </section>
  );
}
