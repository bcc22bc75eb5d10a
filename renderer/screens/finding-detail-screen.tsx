import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import type { ScanDetail } from '../../shared/api/views';
import { CHECK_FAMILIES } from '../../shared/models/check';
import { isSourceId, SOURCES } from '../../shared/models/sources';
import { AffectedObjects } from '../components/affected-objects';
import { SeverityBadge, VerdictBadge } from '../components/badges';
import { CardSection } from '../components/card-section';
import { DecisionEditor } from '../components/decision-editor';
import { ExternalLink } from '../components/external-link';
import { NotesEditor } from '../components/notes-editor';
import { RemediationSteps } from '../components/remediation-steps';
import { ScanGate } from '../components/scan-gate';
import { ScreenHeader } from '../components/screen-header';
import { SimpleTable } from '../components/simple-table';
import { EmptyState } from '../components/states';
import { useApp } from '../state/app-context';
import { effortText } from '../state/format';
import { useScan } from '../state/scan-context';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(300px, 2fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  badges: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    alignItems: 'center',
    marginBottom: tokens.spacingVerticalM,
  },
  result: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  back: { marginBottom: tokens.spacingVerticalS },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

const capitalise = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

function Detail(props: { detail: ScanDetail; checkId: string }) {
  const styles = useStyles();
  const { catalog, navigate, tenantId } = useApp();
  const { reload } = useScan();
  const { detail, checkId } = props;
  const finding = detail.findings.find((f) => f.checkId === checkId);
  const meta = catalog.get(checkId);
  const done = useMemo(
    () =>
      new Set(detail.progress.filter((p) => p.checkId === checkId && p.done).map((p) => p.step)),
    [detail.progress, checkId],
  );
  const back = (
    <Button
      className={styles.back}
      appearance="subtle"
      icon={<ArrowLeft20Regular />}
      onClick={() => navigate({ screen: 'findings' })}
    >
      Back to findings
    </Button>
  );
  if (!finding || !meta || !tenantId) {
    return (
      <>
        {back}
        <ScreenHeader title="Finding not found" />
        <EmptyState title="This check is not in the current scan">
          The scan shown does not include {checkId}. It may come from a newer catalog; scan again to
          see it.
        </EmptyState>
      </>
    );
  }
  const decision = detail.decisions.find((d) => d.checkId === checkId);
  const note = detail.notes.find((n) => n.checkId === checkId)?.text ?? '';
  const m = meta.mappings;
  const mappingRows = [
    { framework: 'NIST CSF 2.0', refs: m.nistCsf },
    { framework: 'CIS Controls v8', refs: m.cisControls },
    { framework: 'CIS Microsoft 365 benchmark', refs: m.cisM365 },
    { framework: 'CISA SCuBA', refs: m.scuba },
  ];
  const needsFix = finding.verdict === 'fail' || finding.verdict === 'warn';
  return (
    <>
      {back}
      <ScreenHeader title={meta.title} />
      <div className={styles.badges}>
        <VerdictBadge verdict={finding.verdict} />
        <SeverityBadge severity={finding.severity} />
        <Text>{CHECK_FAMILIES[meta.family]}</Text>
        <Text className={styles.mono}>{meta.id}</Text>
      </div>
      <div className={styles.layout}>
        <div className={styles.column}>
          <CardSection title="What we found">
            <Text as="p" className={styles.result}>
              {finding.reason}
            </Text>
            {finding.affected.length > 0 ? <AffectedObjects objects={finding.affected} /> : null}
          </CardSection>
          <CardSection title="Why it matters">
            <Text as="p">{meta.content.why}</Text>
            {meta.stormLesson ? (
              <Text as="p">
                <strong>Storm-0558 lesson:</strong> {meta.stormLesson}
              </Text>
            ) : null}
          </CardSection>
          <CardSection title={needsFix ? 'How to fix it' : 'How it is set up correctly'}>
            <RemediationSteps
              tenantId={tenantId}
              checkId={checkId}
              steps={meta.content.steps}
              done={done}
              onSaved={reload}
            />
          </CardSection>
          <CardSection title="How to check it worked">
            <Text as="p">{meta.content.verify}</Text>
          </CardSection>
          <CardSection title="Evidence we read">
            <ul className={styles.list}>
              {finding.evidence.map((e, i) => (
                <li key={`${e.source}-${i}`}>
                  <Text>
                    <strong>
                      {capitalise(isSourceId(e.source) ? SOURCES[e.source].label : e.source)}
                    </strong>
                    : <span className={styles.mono}>{e.summary}</span>
                  </Text>
                </li>
              ))}
            </ul>
            <Text size={200}>
              Read with {meta.permissions.join(', ') || 'no special permission'} (read-only).
            </Text>
          </CardSection>
        </div>
        <div className={styles.column}>
          <CardSection title="Your decision">
            <DecisionEditor
              tenantId={tenantId}
              checkId={checkId}
              stored={decision}
              onSaved={reload}
            />
          </CardSection>
          <CardSection title="Effort and impact">
            <Text as="p">
              <strong>Time to fix:</strong> {effortText(meta.content.effortMinutes)}
            </Text>
            <Text as="p">
              <strong>What your users will notice:</strong> {meta.content.userImpact}
            </Text>
            {meta.licences.length > 0 ? (
              <Text as="p">
                <strong>Needs:</strong> {meta.licences.join(', ')}
              </Text>
            ) : null}
            {meta.thresholds ? (
              <Text as="p">
                <strong>Threshold ({detail.summary.profile === 'cis' ? 'CIS' : 'CISA'}):</strong>{' '}
                {meta.thresholds[detail.summary.profile]}
              </Text>
            ) : null}
          </CardSection>
          <CardSection title="Notes">
            <NotesEditor tenantId={tenantId} checkId={checkId} text={note} onSaved={reload} />
          </CardSection>
          <CardSection title="Framework references">
            <SimpleTable
              caption="Framework references of this check"
              getKey={(r) => r.framework}
              rows={mappingRows}
              columns={[
                { key: 'fw', header: 'Framework', cell: (r) => r.framework },
                {
                  key: 'refs',
                  header: 'References',
                  cell: (r) => (r.refs.length ? r.refs.join(', ') : 'None'),
                },
              ]}
            />
          </CardSection>
          {meta.content.learnMore.length > 0 ? (
            <CardSection title="Learn more">
              <ul className={styles.list}>
                {meta.content.learnMore.map((l) => (
                  <li key={l.url}>
                    <ExternalLink link={l} />
                  </li>
                ))}
              </ul>
            </CardSection>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** One finding: the result, why it matters, the steps to fix it, and what the business decided. */
export function FindingDetailScreen(props: { checkId: string }) {
  return (
    <ScanGate title="Finding">
      {(detail) => <Detail detail={detail} checkId={props.checkId} />}
    </ScanGate>
  );
}
