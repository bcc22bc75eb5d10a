import { Text } from '@fluentui/react-components';
import { lazy } from 'react';
import { CSF_FUNCTIONS } from '../../shared/models/framework';
import type { Score } from '../../shared/score/score';
import { formatScore } from '../state/format';
import { functionSummary } from '../state/summaries';
import { CardSection } from './card-section';
import { ChartFrame } from './chart-frame';
import { SimpleTable } from './simple-table';

const FunctionBarsChart = lazy(() => import('./function-bars-chart'));

/** Score per NIST CSF 2.0 function: chart, one sentence, and the table. */
export function CsfPanel(props: { score: Score }) {
  const bars = CSF_FUNCTIONS.map((f) => ({ name: f.name, part: props.score.byFunction[f.name] }));
  const summary = functionSummary(props.score.byFunction);
  return (
    <CardSection title="NIST CSF 2.0 functions">
      <Text as="p">{summary}</Text>
      <ChartFrame summary={`Bar chart of scores per NIST CSF function. ${summary}`}>
        <FunctionBarsChart
          bars={bars.map((b) => ({ name: b.name, score: b.part?.score ?? null }))}
        />
      </ChartFrame>
      <SimpleTable
        caption="Score per NIST CSF 2.0 function"
        getKey={(b) => b.name}
        rows={bars}
        columns={[
          { key: 'fn', header: 'Function', cell: (b) => b.name },
          { key: 'score', header: 'Score', cell: (b) => formatScore(b.part?.score) },
          {
            key: 'cov',
            header: 'Checks assessed',
            cell: (b) => (b.part ? `${b.part.assessed} of ${b.part.total}` : '0 of 0'),
          },
        ]}
      />
    </CardSection>
  );
}
