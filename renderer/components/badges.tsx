import { Badge, type BadgeProps } from '@fluentui/react-components';
import {
  CheckmarkCircle20Filled,
  DismissCircle20Filled,
  PersonQuestionMark20Regular,
  QuestionCircle20Regular,
  SubtractCircle20Regular,
  Warning20Filled,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { Severity } from '../../shared/models/severity';
import { VERDICT_LABELS, type Verdict } from '../../shared/models/verdict';
import { SEVERITY_LABELS } from '../state/format';

const VERDICT_LOOK: Record<Verdict, { color: BadgeProps['color']; icon: ReactElement }> = {
  pass: { color: 'success', icon: <CheckmarkCircle20Filled /> },
  warn: { color: 'warning', icon: <Warning20Filled /> },
  fail: { color: 'danger', icon: <DismissCircle20Filled /> },
  not_applicable: { color: 'informative', icon: <SubtractCircle20Regular /> },
  unknown: { color: 'subtle', icon: <QuestionCircle20Regular /> },
  manual: { color: 'brand', icon: <PersonQuestionMark20Regular /> },
};

/** A verdict as icon and words, never colour alone. */
export function VerdictBadge(props: { verdict: Verdict; count?: number }) {
  const look = VERDICT_LOOK[props.verdict];
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} shape="rounded" size="large">
      {VERDICT_LABELS[props.verdict]}
      {props.count !== undefined ? `: ${props.count}` : ''}
    </Badge>
  );
}

const SEVERITY_COLOR: Record<Severity, BadgeProps['color']> = {
  critical: 'danger',
  high: 'severe',
  medium: 'warning',
  low: 'informative',
  info: 'subtle',
};

/** Severity in words ("High severity"). */
export function SeverityBadge(props: { severity: Severity }) {
  return (
    <Badge appearance="outline" color={SEVERITY_COLOR[props.severity]} shape="rounded">
      {SEVERITY_LABELS[props.severity]} severity
    </Badge>
  );
}
