import {
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { RemediationStep } from '../../shared/models/check';
import { useApp } from '../state/app-context';
import { asApiError } from '../state/use-async';
import { ExternalLink } from './external-link';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  step: {
    display: 'grid',
    gridTemplateColumns: '32px 1fr',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
  },
  number: {
    display: 'inline-flex',
    justifyContent: 'center',
    alignItems: 'center',
    width: '28px',
    height: '28px',
    borderRadius: '50%',
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  link: { paddingLeft: '32px' },
  label: { color: tokens.colorNeutralForeground1 },
});

/** The numbered fix, each step ticked off and saved as progress. */
export function RemediationSteps(props: {
  tenantId: string;
  checkId: string;
  steps: readonly RemediationStep[];
  done: ReadonlySet<number>;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const { api } = useApp();
  const [done, setDone] = useState(props.done);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDone(props.done), [props.done]);

  const toggle = async (step: number, checked: boolean) => {
    const next = new Set(done);
    if (checked) next.add(step);
    else next.delete(step);
    setDone(next);
    setError(null);
    try {
      await api.call('progress.setStep', {
        tenantId: props.tenantId,
        checkId: props.checkId,
        step,
        done: checked,
      });
      props.onSaved();
    } catch (e) {
      setDone(done);
      setError(`That tick was not saved: ${asApiError(e).message}`);
    }
  };

  return (
    <>
      <Text role="status">
        {done.size} of {props.steps.length} steps done. Your ticks are saved on this computer.
      </Text>
      <ol className={styles.list}>
        {props.steps.map((s, i) => {
          const n = i + 1;
          return (
            <li key={n} className={styles.step}>
              <span className={styles.number} aria-hidden>
                {n}
              </span>
              <div className={styles.body}>
                <Checkbox
                  checked={done.has(n)}
                  onChange={(_, d) => void toggle(n, d.checked === true)}
                  label={{
                    className: styles.label,
                    children: (
                      <>
                        <span className="visually-hidden">Step {n}: </span>
                        {s.text}
                      </>
                    ),
                  }}
                />
                {s.link ? (
                  <span className={styles.link}>
                    <ExternalLink link={s.link} />
                  </span>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
