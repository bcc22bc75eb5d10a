import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { Branding } from '../../shared/api/views';
import { MAX_LOGO_BYTES } from '../../shared/models/branding';
import { useApp } from '../state/app-context';
import { asApiError, useAsync } from '../state/use-async';
import { ErrorState, LoadingState } from './states';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    alignItems: 'center',
  },
  logo: {
    maxHeight: '48px',
    maxWidth: '200px',
    objectFit: 'contain',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalXS,
    backgroundColor: '#ffffff',
  },
  hiddenInput: { display: 'none' },
});

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'error'; readonly message: string };

/** Reads a picked file as a data URL, refusing what is not a small PNG or JPEG. */
function readLogo(file: File): Promise<string> {
  if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
    return Promise.reject(new Error('The logo must be a PNG or JPEG image.'));
  }
  if (file.size > MAX_LOGO_BYTES) {
    return Promise.reject(new Error('The logo is larger than 512 KB; use a smaller image.'));
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('The logo file could not be read.'));
    reader.readAsDataURL(file);
  });
}

function BrandingForm(props: { initial: Branding }) {
  const styles = useStyles();
  const { api } = useApp();
  const [companyName, setCompanyName] = useState(props.initial.companyName);
  const [preparedBy, setPreparedBy] = useState(props.initial.preparedBy);
  const [logo, setLogo] = useState(props.initial.logoDataUrl);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [saving, setSaving] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      setLogo(await readLogo(file));
      setStatus({ kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'error', message: (error as Error).message });
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await api.call('branding.set', {
        companyName,
        preparedBy,
        ...(logo ? { logoDataUrl: logo } : {}),
      });
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: asApiError(error).message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void save(e)} aria-label="Report branding">
      <Text>Shown on every report: who prepared it, for an MSP their company and logo.</Text>
      <Field label="Company preparing the reports">
        <Input
          value={companyName}
          maxLength={200}
          onChange={(_, d) => setCompanyName(d.value)}
          placeholder="Northwind IT"
        />
      </Field>
      <Field label="Prepared by">
        <Input
          value={preparedBy}
          maxLength={200}
          onChange={(_, d) => setPreparedBy(d.value)}
          placeholder="Your name"
        />
      </Field>
      <Field label="Logo" hint="A PNG or JPEG of at most 512 KB.">
        <div className={styles.row}>
          {logo ? (
            <img src={logo} alt="The logo on your reports" className={styles.logo} />
          ) : (
            <Text>No logo.</Text>
          )}
          <input
            ref={picker}
            type="file"
            accept="image/png,image/jpeg"
            className={styles.hiddenInput}
            aria-label="Logo file"
            onChange={(e) => void pick(e)}
          />
          <Button onClick={() => picker.current?.click()}>
            {logo ? 'Choose another logo…' : 'Choose a logo…'}
          </Button>
          {logo ? <Button onClick={() => setLogo(undefined)}>Remove the logo</Button> : null}
        </div>
      </Field>
      {status.kind === 'error' ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={saving}>
          Save branding
        </Button>
        {status.kind === 'saved' ? (
          <Text role="status">Saved. The next report you export uses it.</Text>
        ) : null}
      </div>
    </form>
  );
}

/** The branding of this installation's reports: company, who prepared them, and a logo. */
export function ReportBranding() {
  const { api } = useApp();
  const state = useAsync(() => api.call('branding.get', {}), [api]);
  if (state.status === 'loading') return <LoadingState label="Loading your report branding…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={state.reload} />;
  return <BrandingForm initial={state.data} />;
}
