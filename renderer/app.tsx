import {
  FluentProvider,
  makeStyles,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { getApiClient } from './api/client';
import { AppShell } from './components/app-shell';
import { ScreenHeader } from './components/screen-header';
import { ErrorState, LoadingState } from './components/states';
import { useSystemTheme } from './components/use-system-theme';
import { Session } from './components/session';
import { loadThemeChoice, saveThemeChoice } from './state/preferences';
import { resolveTheme, type ThemeChoice } from './state/theme';
import { useAsync } from './state/use-async';

const THEMES = {
  light: webLightTheme,
  dark: webDarkTheme,
  'high-contrast': teamsHighContrastTheme,
} as const;

const useStyles = makeStyles({
  provider: { height: '100%' },
  boot: { padding: '32px', maxWidth: '720px' },
});

/** The app: theme, then what the api knows (app info, check catalog, tenants), then the screens. */
export function App() {
  const styles = useStyles();
  const [themeChoice, setThemeChoiceState] = useState<ThemeChoice>(loadThemeChoice);
  const system = useSystemTheme();
  const themeName = resolveTheme(themeChoice, system);
  const setThemeChoice = useCallback((choice: ThemeChoice) => {
    saveThemeChoice(choice);
    setThemeChoiceState(choice);
  }, []);
  const api = getApiClient();
  const boot = useAsync(
    () =>
      Promise.all([
        api.call('app.info', {}),
        api.call('catalog.list', {}),
        api.call('tenants.list', {}),
      ]),
    [api],
  );

  return (
    <FluentProvider theme={THEMES[themeName]} className={styles.provider} data-theme={themeName}>
      {boot.status === 'ready' ? (
        <Session
          api={api}
          info={boot.data[0]}
          catalog={boot.data[1]}
          initialTenants={boot.data[2]}
          themeChoice={themeChoice}
          setThemeChoice={setThemeChoice}
        >
          <AppShell />
        </Session>
      ) : (
        <main className={styles.boot}>
          <ScreenHeader
            title="Breach Ready"
            subtitle="Checks how ready your Microsoft 365 tenant is to prevent a breach, and to investigate one."
          />
          {boot.status === 'loading' ? (
            <LoadingState label="Opening Breach Ready…" />
          ) : (
            <ErrorState
              title="Breach Ready could not start"
              error={boot.error}
              onRetry={boot.reload}
            />
          )}
        </main>
      )}
    </FluentProvider>
  );
}
