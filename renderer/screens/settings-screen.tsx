import {
  Button,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Profile } from '../../shared/models/profile';
import { CardSection } from '../components/card-section';
import { DeleteTenant } from '../components/delete-tenant';
import { ReportBranding } from '../components/report-branding';
import { ScreenHeader } from '../components/screen-header';
import { ErrorState, LoadingState } from '../components/states';
import { useApp } from '../state/app-context';
import { plural } from '../state/format';
import { THEME_LABELS, type ThemeChoice } from '../state/theme';
import { useAsync } from '../state/use-async';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  path: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

function Declarations(props: { tenantId: string }) {
  const { api, navigate } = useApp();
  const state = useAsync(
    () => api.call('tenants.getSettings', { tenantId: props.tenantId }),
    [api, props.tenantId],
  );
  if (state.status === 'loading') return <LoadingState label="Loading your declarations…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={state.reload} />;
  const s = state.data.settings;
  return (
    <>
      <Text as="p">
        {state.data.declared
          ? `You declared ${plural(s.breakGlassAccounts.length, 'emergency account')}, ${plural(s.approvedMailApps.length, 'approved mail app')} and ${plural(s.approvedPublicGroups.length, 'approved public group')}.`
          : 'Nothing declared yet. Until you do, emergency accounts left out of sign-in rules count as gaps.'}
      </Text>
      <div>
        <Button
          onClick={() =>
            navigate({ screen: 'declare', tenantId: props.tenantId, firstTime: false })
          }
        >
          Edit declarations
        </Button>
      </div>
    </>
  );
}

/** Appearance, scan profile, declarations, report branding, where data lives, and deleting a tenant's data. */
export function SettingsScreen() {
  const styles = useStyles();
  const { info, themeChoice, setThemeChoice, profile, setProfile, tenants, tenantId } = useApp();
  const tenant = tenants.find((t) => t.id === tenantId);
  return (
    <>
      <ScreenHeader title="Settings" />
      <div className={styles.grid}>
        <CardSection title="Appearance">
          <Field label="Theme">
            <RadioGroup
              value={themeChoice}
              onChange={(_, d) => setThemeChoice(d.value as ThemeChoice)}
            >
              {(Object.keys(THEME_LABELS) as ThemeChoice[]).map((c) => (
                <Radio key={c} value={c} label={THEME_LABELS[c]} />
              ))}
            </RadioGroup>
          </Field>
        </CardSection>
        <CardSection title="Scan profile">
          <Field label="Thresholds to check against" hint="Applies to the next scan.">
            <RadioGroup value={profile} onChange={(_, d) => setProfile(d.value as Profile)}>
              <Radio
                value="cis"
                label="CIS Microsoft 365 Foundations (recommended for most businesses)"
              />
              <Radio
                value="cisa"
                label="CISA SCuBA (US government baseline; allows more Global Administrators, for example)"
              />
            </RadioGroup>
          </Field>
        </CardSection>
        <CardSection title={tenant ? `Declarations for ${tenant.displayName}` : 'Declarations'}>
          {tenantId ? (
            <Declarations tenantId={tenantId} />
          ) : (
            <Text>
              Scan a tenant first; then you can tell us about its emergency accounts, mail apps and
              public groups.
            </Text>
          )}
        </CardSection>
        <CardSection title="Your data">
          <Text as="p">
            Results are stored on this computer in{' '}
            <span className={styles.path}>{info.dataLocation}</span>.
          </Text>
          <Text as="p">
            {info.tokenStorage === 'encrypted'
              ? 'Sign-ins are stored encrypted on this computer.'
              : 'Sign-ins are kept in memory only and forgotten when Breach Ready closes.'}
          </Text>
          {tenant ? (
            <div>
              <DeleteTenant tenant={tenant} />
            </div>
          ) : null}
        </CardSection>
        <CardSection title="Reports">
          <ReportBranding />
        </CardSection>
        <CardSection title="How the score works">
          <ul className={styles.list}>
            <li>Each check is weighted by severity: critical 10, high 6, medium 3, low 1.</li>
            <li>A pass earns its full weight, “partly met” half, a fail nothing.</li>
            <li>
              Checks we could not assess, that need your answer, or that do not apply are left out
              and shown as coverage.
            </li>
            <li>
              Handled another way or by a third party counts as a pass, labelled as your decision.
              Accepted risks and planned fixes still count as failing.
            </li>
          </ul>
        </CardSection>
        <CardSection title="About">
          <Text as="p">
            Breach Ready {info.version}, check catalog {info.catalogVersion}, running{' '}
            {info.mode === 'desktop' ? 'as a desktop app' : 'in your browser from this computer'}.
          </Text>
        </CardSection>
      </div>
    </>
  );
}
