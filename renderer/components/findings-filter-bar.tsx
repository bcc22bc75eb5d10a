import { Button, Field, makeStyles, SearchBox, Select, tokens } from '@fluentui/react-components';
import { CHECK_FAMILIES, type CheckFamily } from '../../shared/models/check';
import { SEVERITIES, type Severity } from '../../shared/models/severity';
import { VERDICT_LABELS, VERDICTS } from '../../shared/models/verdict';
import {
  FRAMEWORK_OPTIONS,
  NO_FILTERS,
  type FindingFilters,
  type FrameworkFilter,
  type VerdictFilter,
} from '../state/finding-filters';
import { SEVERITY_LABELS } from '../state/format';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
    marginBottom: tokens.spacingVerticalM,
  },
  search: { flex: '2 1 220px', minWidth: 0 },
  field: { flex: '1 1 150px', minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
});

/** Search and the four filters of the Findings screen. */
export function FindingsFilterBar(props: {
  filters: FindingFilters;
  onChange: (filters: FindingFilters) => void;
}) {
  const styles = useStyles();
  const { filters, onChange } = props;
  return (
    <div className={styles.bar} role="search" aria-label="Filter findings">
      <Field label="Search" className={styles.search}>
        <SearchBox
          value={filters.search}
          placeholder="Check, result or account name"
          onChange={(_, d) => onChange({ ...filters, search: d.value })}
        />
      </Field>
      <Field label="Result" className={styles.field}>
        <Select
          className={styles.select}
          value={filters.verdict}
          onChange={(_, d) => onChange({ ...filters, verdict: d.value as VerdictFilter })}
        >
          <option value="all">All results</option>
          <option value="needs-action">Needs action (fail or partly met)</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {VERDICT_LABELS[v]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Severity" className={styles.field}>
        <Select
          className={styles.select}
          value={filters.severity}
          onChange={(_, d) => onChange({ ...filters, severity: d.value as Severity | 'all' })}
        >
          <option value="all">All severities</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Area" className={styles.field}>
        <Select
          className={styles.select}
          value={filters.family}
          onChange={(_, d) => onChange({ ...filters, family: d.value as CheckFamily | 'all' })}
        >
          <option value="all">All areas</option>
          {Object.entries(CHECK_FAMILIES).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Framework" className={styles.field}>
        <Select
          className={styles.select}
          value={filters.framework}
          onChange={(_, d) => onChange({ ...filters, framework: d.value as FrameworkFilter })}
        >
          {FRAMEWORK_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Button onClick={() => onChange(NO_FILTERS)}>Clear filters</Button>
    </div>
  );
}
