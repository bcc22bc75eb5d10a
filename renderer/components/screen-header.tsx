import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    width: 'fit-content',
    // The title takes focus only so screen readers announce the new screen; it is not a control.
    ':focus': { outline: 'none' },
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The screen's one h1 (focused when the screen opens), a plain subtitle and the screen's actions. */
export function ScreenHeader(props: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  const styles = useStyles();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // A screen that finished loading replaces its title; keep keyboard focus from falling to the page.
    if (!document.activeElement || document.activeElement === document.body)
      titleRef.current?.focus();
  }, []);
  return (
    <header className={styles.header}>
      <div>
        <h1 ref={titleRef} className={styles.title} tabIndex={-1} data-screen-title>
          {props.title}
        </h1>
        {props.subtitle ? <Text as="p">{props.subtitle}</Text> : null}
      </div>
      {props.actions ? <div className={styles.actions}>{props.actions}</div> : null}
    </header>
  );
}
