import { stringify } from 'csv-stringify/sync';
import type { ActionItem, ReportModel } from './report-model';
import { safeCell } from './csv-cell';
import { SEVERITY_LABELS, verdictLabel } from './report-words';

export const CSV_COLUMNS = [
  'Priority',
  'Check',
  'Title',
  'Severity',
  'Result',
  'What we found',
  'Affected',
  'Steps',
  'Effort (minutes)',
  'Owner',
  'Due date',
  'Decision',
  'Steps done',
  'Notes',
] as const;

function row(item: ActionItem): string[] {
  const f = item.finding;
  return [
    String(item.rank),
    f.checkId,
    f.title,
    SEVERITY_LABELS[f.severity],
    verdictLabel(f.verdict),
    f.reason,
    f.affected.map((a) => a.displayName).join('; '),
    f.content.steps
      .map((s, i) => `${i + 1}. ${s.text}${s.link ? ` (${s.link.url})` : ''}`)
      .join('\n'),
    String(f.content.effortMinutes),
    item.owner ?? '',
    item.dueDate ?? '',
    item.decisionText ?? '',
    `${f.stepsDone} of ${f.content.steps.length}`,
    f.note ?? '',
  ].map(safeCell);
}

/** The action plan, one row per finding to fix, as UTF-8 with a BOM and CRLF for Excel. */
export function csvRows(model: ReportModel): string[][] {
  return [[...CSV_COLUMNS], ...model.actionPlan.map(row)];
}

export function renderCsv(model: ReportModel): Buffer {
  const text = stringify(csvRows(model), { record_delimiter: '\r\n', quoted_string: false });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
