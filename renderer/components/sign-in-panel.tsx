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
import type { DeviceCodeEvent, SignInMethod } from '../../shared/api/contract';
import { useApp } from '../state/app-context';
import { formatDateTime } from '../state/format';
import { asApiError } from '../state/use-async';
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
  | {
      readonly step: 'waiting';
      readonly method: SignInMethod;
      readonly code: DeviceCodeEvent | null;
    }
  | { readonly step: 'error'; readonly message: string };

/** Live sign-in: in the browser, or with a code on another device; then the scan starts. */
export function SignInPanel() {
  const styles = useStyles();
  const { api, navigate } = useApp();
  const [tenant, setTenant] = useState('');
  const [state, setState] = useState<SignInState>({ step: 'idle' });

  useEffect(
    () =>
      api.on('auth.deviceCode', (code) =>
        setState((s) => (s.step === 'waiting' ? { ...s, code } : s)),
      ),
    [api],
  );

  const signIn = async (method: SignInMethod) => {
    setState({ step: 'waiting', method, code: null });
    try {
      const hint = tenant.trim();
      await api.call('auth.signIn', hint ? { method, tenant: hint } : { method });
      navigate({ screen: 'scan', kind: 'live' });
    } catch (error) {
      const e = asApiError(error);
      setState(e.code === 'cancelled' ? { step: 'idle' } : { step: 'error', message: e.message });
    }
  };
  const cancel = () => {
    api.call('auth.cancelSignIn', {}).catch(() => undefined);
    setState({ step: 'idle' });
  };

  if (state.step === 'waiting') {
    return (
      <div className={styles.column} aria-live="polite">
        {state.method === 'browser' ? (
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
        <Button appearance="primary" onClick={() => void signIn('browser')}>
          Sign in with your browser
        </Button>
        <Button onClick={() => void signIn('device-code')}>Sign in with a code instead</Button>
      </div>
      <Text size={200}>
        Use a Global Reader account if you have one: it can see everything we check and change
        nothing.
      </Text>
    </div>
  );
}
