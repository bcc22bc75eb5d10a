import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ApiError } from '../../shared/api/contract';
import { CardSection } from '../components/card-section';
import { ScreenHeader } from '../components/screen-header';
import { ErrorState, LoadingState } from '../components/states';
import { useApp } from '../state/app-context';
import { draftOfSettings, settingsOfDraft, type DeclarationDraft } from '../state/declarations';
import { plural } from '../state/format';
import { asApiError, useAsync } from '../state/use-async';

const useStyles = makeStyles({
  column: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '900px',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

const FIELDS: readonly {
  key: keyof DeclarationDraft;
  label: string;
  hint: string;
  placeholder: string;
}[] = [
  {
    key: 'breakGlassAccounts',
    label: 'Emergency access (“break-glass”) accounts',
    hint: 'Accounts kept for the day normal sign-in fails. They are left out of Conditional Access on purpose, so we will not count those exclusions as gaps. One user name or object id per line.',
    placeholder: 'breakglass@contoso.onmicrosoft.com',
  },
  {
    key: 'approvedMailApps',
    label: 'Apps approved to read mail',
    hint: 'Application (client) ids of apps you trust to read mailboxes, such as your backup or archiving tool. Any other app that can read mail is flagged. One per line.',
    placeholder: '00000000-0000-0000-0000-000000000000',
  },
  {
    key: 'approvedPublicGroups',
    label: 'Groups approved to be public',
    hint: 'Microsoft 365 group ids that anyone in the company may join on purpose, such as an all-staff group. Other public groups are flagged. One per line.',
    placeholder: '00000000-0000-0000-0000-000000000000',
  },
];

/** What only the business knows: its break-glass accounts, trusted mail apps and public groups. */
export function DeclareScreen(props: { tenantId: string; firstTime: boolean }) {
  const styles = useStyles();
  const { api, tenants, scanId, openTenant, navigate } = useApp();
  const loaded = useAsync(
    () => api.call('tenants.getSettings', { tenantId: props.tenantId }),
    [api, props.tenantId],
  );
  const [draft, setDraft] = useState<DeclarationDraft | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const tenant = tenants.find((t) => t.id === props.tenantId);

  useEffect(() => {
    if (loaded.status === 'ready') setDraft(draftOfSettings(loaded.data.settings));
  }, [loaded]);

  const save = async (next: DeclarationDraft) => {
    setSaving(true);
    setError(null);
    try {
      await api.call('tenants.setSettings', {
        tenantId: props.tenantId,
        settings: settingsOfDraft(next),
      });
      if (scanId) {
        const applied = await api.call('scans.reevaluate', { scanId });
        await openTenant(props.tenantId, applied.id);
      }
      navigate(props.firstTime ? { screen: 'dashboard' } : { screen: 'settings' });
    } catch (e) {
      setError(asApiError(e));
      setSaving(false);
    }
  };

  const counts = draft ? settingsOfDraft(draft) : null;
  return (
    <div className={styles.column}>
      <ScreenHeader
        title="Tell us about your tenant"
        subtitle={
          props.firstTime
            ? `Your first scan of ${tenant?.displayName ?? 'this tenant'} is done. Three questions only you can answer make the results fair; you can change them later in Settings.`
            : `What you tell us about ${tenant?.displayName ?? 'this tenant'}. Saving re-checks the latest scan with your answers.`
        }
      />
      {loaded.status === 'loading' || (loaded.status === 'ready' && !draft) ? (
        <LoadingState label="Loading what you told us before…" />
      ) : null}
      {loaded.status === 'error' ? (
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      ) : null}
      {draft ? (
        <CardSection title="Your declarations">
          {FIELDS.map((f) => (
            <Field key={f.key} label={f.label} hint={f.hint}>
              <Textarea
                value={draft[f.key]}
                onChange={(_, d) => setDraft({ ...draft, [f.key]: d.value })}
                placeholder={f.placeholder}
                resize="vertical"
                rows={3}
                textarea={{ className: styles.mono }}
              />
            </Field>
          ))}
          {counts ? (
            <Text size={200}>
              You are declaring {plural(counts.breakGlassAccounts.length, 'emergency account')},{' '}
              {plural(counts.approvedMailApps.length, 'approved mail app')} and{' '}
              {plural(counts.approvedPublicGroups.length, 'approved public group')}.
            </Text>
          ) : null}
          {error ? (
            <MessageBar intent="error">
              <MessageBarBody>{error.message}</MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={styles.row}>
            <Button appearance="primary" disabled={saving} onClick={() => void save(draft)}>
              {props.firstTime ? 'Save and show results' : 'Save'}
            </Button>
            {props.firstTime ? (
              <>
                <Button
                  disabled={saving}
                  onClick={() =>
                    void save(
                      draftOfSettings({
                        breakGlassAccounts: [],
                        approvedMailApps: [],
                        approvedPublicGroups: [],
                      }),
                    )
                  }
                >
                  We have none of these
                </Button>
                <Button
                  appearance="subtle"
                  disabled={saving}
                  onClick={() => navigate({ screen: 'dashboard' })}
                >
                  Decide later
                </Button>
              </>
            ) : (
              <Button disabled={saving} onClick={() => navigate({ screen: 'settings' })}>
                Cancel
              </Button>
            )}
          </div>
        </CardSection>
      ) : null}
    </div>
  );
}
