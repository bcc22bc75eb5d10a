import { makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import type { ScanDetail } from '../../shared/api/views';
import { VERDICTS } from '../../shared/models/verdict';
import { countByVerdict, type FindingRow } from '../state/finding-rows';
import { scoreNumber } from '../../shared/score/score-text';
import { coverageText, formatScore, plural } from '../state/format';
import { VerdictBadge } from './badges';
import { CardSection } from './card-section';

const useStyles = makeStyles({
  top: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
  score: { fontSize: '56px', lineHeight: '64px', fontWeight: tokens.fontWeightBold },
  counts: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});

/** The score with its coverage, and how many findings reached each verdict. */
export function ScoreCard(props: { detail: ScanDetail; rows: readonly FindingRow[] }) {
  const styles = useStyles();
  const { score, summary } = props.detail;
  const counts = countByVerdict(props.rows);
  const accepted = props.detail.decisions.filter((d) => d.decision.kind === 'risk_accepted');
  const expired = accepted.filter((d) => d.expired).length;
  return (
    <CardSection title="Your score">
      <div className={styles.top}>
        {score.overall === null ? (
          <span className={styles.score}>Not scored</span>
        ) : (
          <span aria-label={formatScore(score.overall)}>
            <span className={styles.score}>{scoreNumber(score.overall)}</span>{' '}
            <Text size={400}>out of 100</Text>
          </span>
        )}
        <Text size={400}>· {coverageText(score.coverage)}</Text>
      </div>
      <Text as="p">
        The score weighs each check by how much harm the gap could do. Checks we could not assess
        are left out rather than counted as passing.
      </Text>
      <ul className={styles.counts} aria-label="Findings by result">
        {VERDICTS.filter((v) => counts[v] > 0).map((v) => (
          <li key={v}>
            <VerdictBadge verdict={v} count={counts[v]} />
          </li>
        ))}
      </ul>
      {accepted.length > 0 ? (
        <Text>
          {plural(accepted.length, 'risk')} accepted by the business (still counted as failing)
          {expired > 0 ? `; ${expired} past ${expired === 1 ? 'its' : 'their'} review date` : ''}.
        </Text>
      ) : null}
      {summary.status === 'partial' ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {counts.unknown > 0
              ? `Some settings could not be read in this scan. ${plural(counts.unknown, 'check')} show “Could not check” with the reason and the permission that would let us read it.`
              : 'Some settings could not be read in this scan, usually features the tenant has no licence for. Every check that needed them was still assessed or does not apply.'}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </CardSection>
  );
}
