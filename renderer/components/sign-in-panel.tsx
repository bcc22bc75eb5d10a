import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { DeviceCodeEvent, SignInMethod, SignInRequest } from '../../shared/api/contract';
import type { SignedInAccount } from '../../shared/api/views';
import { useApp } from '../state/app-context';
import { formatDateTime } from '../state/format';
import { asApiError, useAsync } from '../state/use-async';
import { CertificateSignIn } from './certificate-sign-in';
import { CopyButton } from './copy-button';
import { ExternalLink } from './external-link';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    letterSpacing: '0.1em',
    fontWeight: tokens.fontWeightSemibold,
  },
});

type SignInState =
  | { readonly step: 'idle' }
  | { readonly step: 'certificate' }
  | {
      readonly step: 'waiting';
      readonly method: SignInMethod;
      readonly code: DeviceCodeEvent | null;
    }
  | { readonly step: 'error'; readonly message: string };

/** "Signed in as Sam Owner (sam@contoso.com)" or "Connected as the app". */
function accountText(account: SignedInAccount): string {
  if (account.kind === 'app') {
    return `Connected as the Breach Ready app (certificate) to tenant ${account.tenantId}.`;
  }
  const who = account.name ? `${account.name} (${account.username})` : account.username;
  return `Signed in as ${who}.`;
}

/**
 * Live sign-in: in the browser, with a code on another device, or as the app with a certificate;
 * then the scan starts. When already signed in, offers to scan or to sign out.
 */
export function SignInPanel() {
  const styles = useStyles();
  const { api, navigate, info } = useApp();
  const [tenant, setTenant] = useState('');
  const [state, setState] = useState<SignInState>({ step: 'idle' });
  const status = useAsync(() => api.call('auth.status', {}), [api]);
  const account = status.status === 'ready' ? status.data.account : null;

  useEffect(
    () =>
      api.on('auth.deviceCode', (code) =>
        setState((s) => (s.step === 'waiting' ? { ...s, code } : s)),
      ),
    [api],
  );

  const signIn = async (request: SignInRequest) => {
    setState({ step: 'waiting', method: request.method, code: null });
    try {
      await api.call('auth.signIn', request);
      navigate({ screen: 'scan', kind: 'live' });
    } catch (error) {
      const e = asApiError(error);
      setState(e.code === 'cancelled' ? { step: 'idle' } : { step: 'error', message: e.message });
    }
  };
  const asPerson = (method: 'browser' | 'device-code') => {
    const hint = tenant.trim();
    void signIn(hint ? { method, tenant: hint } : { method });
  };
  const cancel = () => {
    api.call('auth.cancelSignIn', {}).catch(() => undefined);
    setState({ step: 'idle' });
  };
  const signOut = async () => {
    try {
      await api.call('auth.signOut', {});
    } catch (error) {
      setState({ step: 'error', message: asApiError(error).message });
    }
    status.reload();
  };

  if (state.step === 'waiting') {
    return (
      <div className={styles.column} aria-live="polite">
        {state.method === 'certificate' ? (
          <Spinner label="Signing in as the app with the certificate…" labelPosition="after" />
        ) : state.method === 'browser' ? (
          <Spinner
            label="Finish signing in in the browser window that opened. This page continues by itself."
            labelPosition="after"
          />
        ) : state.code ? (
          <>
            <Text>On any device, open this page and enter the code below:</Text>
            <div className={styles.row}>
              <ExternalLink
                link={{ label: state.code.verificationUri, url: state.code.verificationUri }}
              />
              <CopyButton text={state.code.verificationUri} label="Copy the sign-in address" />
            </div>
            <div className={styles.row}>
              <span
                className={styles.code}
                aria-label={`Code: ${state.code.userCode.split('').join(' ')}`}
              >
                {state.code.userCode}
              </span>
              <CopyButton text={state.code.userCode} label="Copy the code" />
            </div>
            <Text size={200}>
              The code works until {formatDateTime(state.code.expiresAt)}. This page continues by
              itself once you have signed in.
            </Text>
          </>
        ) : (
          <Spinner label="Asking Microsoft for a sign-in code…" labelPosition="after" />
        )}
        <div>
          <Button onClick={cancel}>Cancel sign-in</Button>
        </div>
      </div>
    );
  }

  if (state.step === 'certificate') {
    return (
      <CertificateSignIn
        tenant={tenant}
        clientId={info.appRegistration}
        {...(info.canChooseFiles
          ? {
              onChooseFile: async () => (await api.call('files.chooseCertificate', {})).path,
            }
          : {})}
        onSubmit={(request) => void signIn(request)}
        onBack={() => setState({ step: 'idle' })}
      />
    );
  }

  if (account && state.step === 'idle') {
    return (
      <div className={styles.column}>
        <Text>{accountText(account)}</Text>
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => navigate({ screen: 'scan', kind: 'live' })}>
            Scan this tenant
          </Button>
          <Button onClick={() => void signOut()}>Sign out</Button>
        </div>
      </div>
    );
  }

  return (
    <div className={styles.column}>
      {state.step === 'error' ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Sign-in did not finish</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field
        label="Customer tenant (optional)"
        hint="For technicians working in a customer's tenant: its domain, such as contoso.com. Leave empty to use your own."
      >
        <Input value={tenant} onChange={(_, d) => setTenant(d.value)} placeholder="contoso.com" />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => asPerson('browser')}>
          Sign in with your browser
        </Button>
        <Button onClick={() => asPerson('device-code')}>Sign in with a code instead</Button>
      </div>
      <div>
        <Button appearance="subtle" onClick={() => setState({ step: 'certificate' })}>
          Technicians: sign in as your app with a certificate
        </Button>
      </div>
      <Text size={200}>
        Use a Global Reader account if you have one: it can see everything we check and change
        nothing.
        {info.appRegistration
          ? ''
          : ' Microsoft shows the sign-in as “Microsoft Graph Command Line Tools”, Microsoft’s own app for reading settings; the first time in a tenant, an administrator approves the read permissions.'}
      </Text>
    </div>
  );
}
