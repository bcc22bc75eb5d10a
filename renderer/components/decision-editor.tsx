import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  DECISION_KINDS,
  type DecisionKind,
  type StoredDecision,
} from '../../shared/models/decision';
import { useApp } from '../state/app-context';
import {
  DECISION_HELP,
  DECISION_LABELS,
  decisionSummary,
  draftOf,
  validateDecision,
  type DecisionDraft,
  type DecisionField,
} from '../state/decision-form';
import { formatDateTime, isoDay } from '../state/format';
import { asApiError } from '../state/use-async';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Records what the business decided about a finding: planned, accepted, handled elsewhere, or wrong. */
export function DecisionEditor(props: {
  tenantId: string;
  checkId: string;
  stored: StoredDecision | undefined;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const { api } = useApp();
  const [draft, setDraft] = useState<DecisionDraft>(() => draftOf(props.stored?.decision));
  const [errors, setErrors] = useState<Partial<Record<DecisionField, string>>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const today = isoDay(new Date());

  const set = (patch: Partial<DecisionDraft>) => setDraft({ ...draft, ...patch });
  const save = async () => {
    const result = validateDecision(draft, today);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus({ ok: false, text: 'Some answers are missing; see the messages above.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await api.call('decisions.set', {
        tenantId: props.tenantId,
        checkId: props.checkId,
        decision: result.decision,
      });
      setStatus({ ok: true, text: 'Decision saved.' });
      props.onSaved();
    } catch (e) {
      setStatus({ ok: false, text: asApiError(e).message });
    } finally {
      setBusy(false);
    }
  };
  const clear = async () => {
    setBusy(true);
    try {
      await api.call('decisions.clear', { tenantId: props.tenantId, checkId: props.checkId });
      setDraft(draftOf(undefined));
      setStatus({ ok: true, text: 'Decision removed; the finding counts as it was scanned.' });
      props.onSaved();
    } catch (e) {
      setStatus({ ok: false, text: asApiError(e).message });
    } finally {
      setBusy(false);
    }
  };

  const reasonLabel =
    draft.kind === 'planned'
      ? 'Notes (optional)'
      : draft.kind === 'risk_accepted'
        ? 'Why the business accepts this risk'
        : 'Explanation';
  return (
    <div className={styles.column}>
      {props.stored ? (
        <Text>
          Current decision: {decisionSummary(props.stored)} Recorded by {props.stored.decidedBy} on{' '}
          {formatDateTime(props.stored.updatedAt)}.
        </Text>
      ) : (
        <Text>No decision yet. If you will not fix this right away, record why.</Text>
      )}
      <Field label="Decision">
        <RadioGroup value={draft.kind} onChange={(_, d) => set({ kind: d.value as DecisionKind })}>
          {DECISION_KINDS.map((k) => (
            <Radio key={k} value={k} label={DECISION_LABELS[k]} />
          ))}
        </RadioGroup>
      </Field>
      <Text size={200}>{DECISION_HELP[draft.kind]}</Text>
      {draft.kind === 'planned' ? (
        <Field label="Fix by" required validationMessage={errors.dueDate}>
          <Input
            type="date"
            value={draft.dueDate}
            min={today}
            onChange={(_, d) => set({ dueDate: d.value })}
          />
        </Field>
      ) : null}
      {draft.kind === 'risk_accepted' ? (
        <>
          <Field label="Risk owner" required validationMessage={errors.owner}>
            <Input
              value={draft.owner}
              onChange={(_, d) => set({ owner: d.value })}
              placeholder="Name of the person accountable"
            />
          </Field>
          <Field
            label="Review by"
            required
            validationMessage={errors.expiresAt}
            hint="After this date the acceptance lapses and the finding is flagged for review."
          >
            <Input
              type="date"
              value={draft.expiresAt}
              min={today}
              onChange={(_, d) => set({ expiresAt: d.value })}
            />
          </Field>
        </>
      ) : null}
      {draft.kind === 'planned' ? (
        <Field label="Owner (optional)">
          <Input value={draft.owner} onChange={(_, d) => set({ owner: d.value })} />
        </Field>
      ) : null}
      <Field
        label={reasonLabel}
        required={draft.kind !== 'planned'}
        validationMessage={errors.reason}
      >
        <Textarea
          value={draft.reason}
          onChange={(_, d) => set({ reason: d.value })}
          rows={3}
          resize="vertical"
        />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void save()} disabled={busy}>
          Save decision
        </Button>
        {props.stored ? (
          <Button onClick={() => void clear()} disabled={busy}>
            Remove decision
          </Button>
        ) : null}
      </div>
      <div role="status" aria-live="polite">
        {status ? (
          <MessageBar intent={status.ok ? 'success' : 'error'}>
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </div>
  );
}
