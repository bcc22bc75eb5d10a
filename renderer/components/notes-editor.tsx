import { Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useApp } from '../state/app-context';
import { asApiError } from '../state/use-async';

const useStyles = makeStyles({
  column: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
  },
  full: { width: '100%' },
});

/** Free-text notes on a finding, kept with the tenant. */
export function NotesEditor(props: {
  tenantId: string;
  checkId: string;
  text: string;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const { api } = useApp();
  const [text, setText] = useState(props.text);
  const [status, setStatus] = useState('');
  const save = async () => {
    try {
      await api.call('notes.set', { tenantId: props.tenantId, checkId: props.checkId, text });
      setStatus('Notes saved.');
      props.onSaved();
    } catch (e) {
      setStatus(`Notes not saved: ${asApiError(e).message}`);
    }
  };
  return (
    <div className={styles.column}>
      <Field
        label="Your notes on this finding"
        hint="For example who you asked, or what you tried."
        className={styles.full}
      >
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={3} resize="vertical" />
      </Field>
      <Button onClick={() => void save()} disabled={text === props.text}>
        Save notes
      </Button>
      <Text role="status">{status}</Text>
    </div>
  );
}
