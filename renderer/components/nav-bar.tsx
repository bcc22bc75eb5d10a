import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import {
  Board20Regular,
  BuildingMultiple20Regular,
  History20Regular,
  List20Regular,
  Settings20Regular,
  ShieldCheckmark20Regular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useApp } from '../state/app-context';
import { NAV_SECTIONS, sectionOf, type NavSection } from '../state/navigation';

const ICONS: Record<NavSection, ReactElement> = {
  dashboard: <Board20Regular />,
  findings: <List20Regular />,
  history: <History20Regular />,
  tenants: <BuildingMultiple20Regular />,
  settings: <Settings20Regular />,
};

const useStyles = makeStyles({
  nav: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: 0,
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
  },
  tenant: {
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalM}`,
    color: tokens.colorNeutralForeground2,
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: { width: '100%', justifyContent: 'flex-start' },
  current: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    color: tokens.colorNeutralForeground1Selected,
    fontWeight: tokens.fontWeightSemibold,
    borderLeft: `3px solid ${tokens.colorCompoundBrandStroke}`,
  },
});

/** The app's sections; the current one is marked for screen readers as well as visually. */
export function NavBar() {
  const styles = useStyles();
  const { route, navigate, tenants, tenantId } = useApp();
  const current = sectionOf(route);
  const tenant = tenants.find((t) => t.id === tenantId);
  return (
    <nav className={styles.nav} aria-label="Main">
      <div className={styles.brand}>
        <ShieldCheckmark20Regular aria-hidden />
        Breach Ready
      </div>
      <Text size={200} className={styles.tenant}>
        {tenant ? `Tenant: ${tenant.displayName}` : 'No tenant scanned yet'}
      </Text>
      <ul className={styles.list}>
        {NAV_SECTIONS.map((s) => (
          <li key={s.screen}>
            <Button
              appearance="subtle"
              icon={ICONS[s.screen]}
              className={`${styles.item} ${current === s.screen ? styles.current : ''}`}
              aria-current={current === s.screen ? 'page' : undefined}
              onClick={() => navigate({ screen: s.screen })}
            >
              {s.label}
            </Button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
