import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ApiError, ReportFormat } from '../../shared/api/contract';
import { useApp } from '../state/app-context';
import { saveReport } from '../state/download';
import { asApiError } from '../state/use-async';

const FORMATS: readonly { format: ReportFormat; label: string }[] = [
  { format: 'pdf', label: 'PDF report for the client' },
  { format: 'html', label: 'Web page (HTML)' },
  { format: 'csv', label: 'Action plan spreadsheet (CSV)' },
  { format: 'json', label: 'Data for other tools (JSON)' },
];

/** Exports the scan as a report; failures are reported through `onResult`. */
export function ExportReport(props: {
  scanId: string;
  onResult: (message: { ok: boolean; text: string; error?: ApiError }) => void;
}) {
  const { api } = useApp();
  const [busy, setBusy] = useState(false);
  const create = async (format: ReportFormat) => {
    setBusy(true);
    try {
      const file = await api.call('reports.create', { scanId: props.scanId, format });
      saveReport(file);
      props.onResult({ ok: true, text: `Saved ${file.fileName} to your downloads.` });
    } catch (error) {
      const e = asApiError(error);
      props.onResult({ ok: false, text: e.message, error: e });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button icon={busy ? <Spinner size="tiny" /> : <ArrowDownload20Regular />} disabled={busy}>
          Export report
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {FORMATS.map((f) => (
            <MenuItem key={f.format} onClick={() => void create(f.format)}>
              {f.label}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
