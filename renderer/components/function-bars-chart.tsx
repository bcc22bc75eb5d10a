import { tokens } from '@fluentui/react-components';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { scoreNumber } from '../../shared/score/score-text';

export interface FunctionBar {
  readonly name: string;
  /** 0–100, or null when nothing in this function could be assessed. */
  readonly score: number | null;
}

/** NIST CSF 2.0 function scores as bars; the text and table beside it carry the same data. */
export default function FunctionBarsChart(props: { bars: readonly FunctionBar[] }) {
  const data = props.bars.map((b) => ({
    name: b.name,
    score: b.score ?? 0,
    label: b.score === null ? 'n/a' : scoreNumber(b.score),
  }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} margin={{ top: 20, right: 8, bottom: 4, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={tokens.colorNeutralStroke2} vertical={false} />
        <XAxis
          dataKey="name"
          tick={{ fill: tokens.colorNeutralForeground1, fontSize: 12 }}
          stroke={tokens.colorNeutralStroke1}
        />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tick={{ fill: tokens.colorNeutralForeground2, fontSize: 12 }}
          stroke={tokens.colorNeutralStroke1}
        />
        <Bar
          dataKey="score"
          fill={tokens.colorBrandBackground}
          isAnimationActive={false}
          radius={[4, 4, 0, 0]}
        >
          <LabelList
            dataKey="label"
            position="top"
            fill={tokens.colorNeutralForeground1}
            fontSize={12}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
