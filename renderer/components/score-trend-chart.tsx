import { tokens } from '@fluentui/react-components';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { scoreNumber } from '../../shared/score/score-text';
import { formatDateTime } from '../state/format';
import type { TrendPoint } from '../state/summaries';

/** The score over time; the summary sentence and the table beside it carry the same data. */
export default function ScoreTrendChart(props: { points: readonly TrendPoint[] }) {
  const data = props.points.map((p, i) => ({
    key: `${i}`,
    label: formatDateTime(p.at),
    // Plotted and labelled as written everywhere else (one decimal), so the chart and the table agree.
    score: Number(scoreNumber(p.score)),
  }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={data} margin={{ top: 16, right: 48, bottom: 4, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={tokens.colorNeutralStroke2} vertical={false} />
        <XAxis
          dataKey="label"
          interval="preserveStartEnd"
          padding={{ left: 32, right: 32 }}
          tick={{ fill: tokens.colorNeutralForeground1, fontSize: 12 }}
          stroke={tokens.colorNeutralStroke1}
        />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tick={{ fill: tokens.colorNeutralForeground2, fontSize: 12 }}
          stroke={tokens.colorNeutralStroke1}
        />
        <Line
          type="monotone"
          dataKey="score"
          stroke={tokens.colorBrandForeground1}
          strokeWidth={3}
          dot={{ r: 5, fill: tokens.colorBrandForeground1 }}
          isAnimationActive={false}
          label={{ position: 'top', fill: tokens.colorNeutralForeground1, fontSize: 12 }}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
