import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useApp } from '../state/app-context';
import type { Route } from '../state/navigation';
import { DashboardScreen } from '../screens/dashboard-screen';
import { DeclareScreen } from '../screens/declare-screen';
import { FindingDetailScreen } from '../screens/finding-detail-screen';
import { FindingsScreen } from '../screens/findings-screen';
import { HistoryScreen } from '../screens/history-screen';
import { ScanScreen } from '../screens/scan-screen';
import { SettingsScreen } from '../screens/settings-screen';
import { TenantsScreen } from '../screens/tenants-screen';
import { WelcomeScreen } from '../screens/welcome-screen';
import { NavBar } from './nav-bar';
import { LoadingState } from './states';

const useStyles = makeStyles({
  shell: {
    display: 'grid',
    gridTemplateColumns: '220px 1fr',
    height: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  main: {
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXXL}`,
    minWidth: 0,
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 'auto',
    ':focus': {
      left: tokens.spacingHorizontalM,
      top: tokens.spacingVerticalM,
      zIndex: 10,
      padding: tokens.spacingHorizontalM,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
    },
  },
});

function CurrentScreen(props: { route: Route }) {
  const { route } = props;
  switch (route.screen) {
    case 'loading':
      return <LoadingState label="Opening your last tenant…" />;
    case 'welcome':
      return <WelcomeScreen />;
    case 'scan':
      return (
        <ScanScreen kind={route.kind} {...(route.tenantId ? { tenantId: route.tenantId } : {})} />
      );
    case 'declare':
      return <DeclareScreen tenantId={route.tenantId} firstTime={route.firstTime} />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'findings':
      return <FindingsScreen />;
    case 'finding':
      return <FindingDetailScreen checkId={route.checkId} />;
    case 'history':
      return <HistoryScreen />;
    case 'tenants':
      return <TenantsScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

/** Navigation beside the current screen; focus moves to a screen's title when it opens. */
export function AppShell() {
  const styles = useStyles();
  const { route } = useApp();
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const title = mainRef.current?.querySelector<HTMLElement>('[data-screen-title]');
      title?.focus();
      mainRef.current?.scrollTo?.({ top: 0 });
    });
    return () => cancelAnimationFrame(frame);
  }, [route]);
  return (
    <div className={styles.shell}>
      <a
        href="#content"
        className={styles.skip}
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.querySelector<HTMLElement>('[data-screen-title]')?.focus();
        }}
      >
        Skip to content
      </a>
      <NavBar />
      <main id="content" ref={mainRef} className={styles.main}>
        <CurrentScreen route={route} />
      </main>
    </div>
  );
}
