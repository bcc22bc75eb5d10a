import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { SignInRequest } from '../../shared/api/contract';
import { asApiError } from '../state/use-async';

const CLIENT_ID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  fileRow: { display: 'flex', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
});

/**
 * For technicians with an app registration of their own: sign in as the app with a certificate
 * (application permissions, no person needed). Breach Ready reads the file itself; the key never
 * reaches this screen.
 */
export function CertificateSignIn(props: {
  readonly tenant: string;
  /** The configured app registration, if any. */
  readonly clientId: string | null;
  /**
   * Opens the system's file chooser (desktop app) and resolves to the chosen path, or null. Absent
   * in browser mode, where the path is typed.
   */
  readonly onChooseFile?: () => Promise<string | null>;
  readonly onSubmit: (request: Extract<SignInRequest, { method: 'certificate' }>) => void;
  readonly onBack: () => void;
}) {
  const styles = useStyles();
  const [tenant, setTenant] = useState(props.tenant);
  const [clientId, setClientId] = useState(props.clientId ?? '');
  const [keyFile, setKeyFile] = useState('');
  const [thumbprint, setThumbprint] = useState('');
  const [tried, setTried] = useState(false);
  const [chooserProblem, setChooserProblem] = useState<string | null>(null);
  const missingTenant = tried && tenant.trim() === '';
  const missingFile = tried && keyFile.trim() === '';
  const badClientId = tried && !CLIENT_ID.test(clientId.trim());

  const choose = async () => {
    if (!props.onChooseFile) return;
    setChooserProblem(null);
    try {
      const path = await props.onChooseFile();
      if (path) setKeyFile(path);
    } catch (error) {
      setChooserProblem(asApiError(error).message);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!tenant.trim() || !keyFile.trim() || !CLIENT_ID.test(clientId.trim())) return;
    props.onSubmit({
      method: 'certificate',
      tenant: tenant.trim(),
      clientId: clientId.trim(),
      keyFile: keyFile.trim(),
      ...(thumbprint.trim() ? { thumbprint: thumbprint.trim() } : {}),
    });
  };

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-label="Sign in with a certificate"
    >
      <Text>
        Sign in as your app registration instead of as a person. The app needs the read-only
        Microsoft Graph <em>application</em> permissions listed in the README, with admin consent in
        the customer’s tenant.
      </Text>
      <Field
        label="Customer tenant"
        required
        validationMessage={missingTenant ? 'Enter the tenant’s domain or id.' : undefined}
        hint="Its domain, such as contoso.com, or its tenant id."
      >
        <Input value={tenant} onChange={(_, d) => setTenant(d.value)} placeholder="contoso.com" />
      </Field>
      <Field
        label="Application (client) ID"
        required
        validationMessage={
          badClientId
            ? 'Enter the application (client) id of your app registration, such as 1b2c3d4e-….'
            : undefined
        }
        hint="From your app registration’s Overview page in the Entra admin center."
      >
        <Input value={clientId} onChange={(_, d) => setClientId(d.value)} />
      </Field>
      <Field
        label="Certificate file (PEM)"
        required
        validationMessage={
          missingFile
            ? props.onChooseFile
              ? 'Choose the certificate file, or enter where it is.'
              : 'Enter where the certificate file is.'
            : (chooserProblem ?? undefined)
        }
        hint="The full path of a .pem file holding the certificate and its private key, without a password. Breach Ready reads it only to sign in and keeps nothing of it."
      >
        <div className={styles.fileRow}>
          <Input
            className={styles.grow}
            value={keyFile}
            onChange={(_, d) => setKeyFile(d.value)}
            placeholder="C:\Users\you\Documents\breach-ready.pem"
          />
          {props.onChooseFile ? <Button onClick={() => void choose()}>Choose file…</Button> : null}
        </div>
      </Field>
      <Field
        label="SHA-256 thumbprint (only if the file holds just the key)"
        hint="Left empty, it is read from the certificate in the file."
      >
        <Input value={thumbprint} onChange={(_, d) => setThumbprint(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" type="submit">
          Connect with the certificate
        </Button>
        <Button onClick={props.onBack}>Back</Button>
      </div>
    </form>
  );
}
