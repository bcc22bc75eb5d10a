import { Text } from '@fluentui/react-components';
import { useApp } from '../state/app-context';
import { auditText } from '../state/decision-form';
import { formatDateTime } from '../state/format';
import { useAsync } from '../state/use-async';
import { CardSection } from './card-section';
import { SimpleTable } from './simple-table';
import { ErrorState, LoadingState } from './states';

/** Every decision recorded for the tenant, newest first: who decided what, and when. */
export function DecisionsLog(props: { tenantId: string; refreshKey: string }) {
  const { api, catalog } = useApp();
  const log = useAsync(
    () => api.call('decisions.audit', { tenantId: props.tenantId }),
    [api, props.tenantId, props.refreshKey],
  );
  return (
    <CardSection title="Decisions log">
      {log.status === 'loading' ? <LoadingState label="Loading the decisions log…" /> : null}
      {log.status === 'error' ? <ErrorState error={log.error} onRetry={log.reload} /> : null}
      {log.status === 'ready' && log.data.length === 0 ? (
        <Text>
          No decisions yet. When you plan a fix or accept a risk on a finding, it is recorded here
          with who did it and when.
        </Text>
      ) : null}
      {log.status === 'ready' && log.data.length > 0 ? (
        <SimpleTable
          caption="Decisions recorded for this tenant, newest first"
          getKey={(e) => `${e.at}-${e.checkId}-${e.action}`}
          rows={[...log.data].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))}
          columns={[
            { key: 'when', header: 'When', cell: (e) => formatDateTime(e.at), width: '180px' },
            {
              key: 'check',
              header: 'Finding',
              cell: (e) => catalog.get(e.checkId)?.title ?? e.checkId,
            },
            { key: 'what', header: 'Decision', cell: (e) => auditText(e) },
            { key: 'who', header: 'By', cell: (e) => e.actor, width: '120px' },
          ]}
        />
      ) : null}
    </CardSection>
  );
}
