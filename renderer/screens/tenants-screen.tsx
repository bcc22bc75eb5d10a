import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TenantListItem } from '../../shared/api/views';
import { CardSection } from '../components/card-section';
import { ScreenHeader } from '../components/screen-header';
import { SimpleTable } from '../components/simple-table';
import { EmptyState, ErrorState } from '../components/states';
import { useApp } from '../state/app-context';
import { formatDateTime, formatScore } from '../state/format';
import { asApiError } from '../state/use-async';
import type { ApiError } from '../../shared/api/contract';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** Every tenant scanned on this computer; a technician switches between customers here. */
export function TenantsScreen() {
  const styles = useStyles();
  const { tenants, tenantId, openTenant, navigate } = useApp();
  const [error, setError] = useState<ApiError | null>(null);
  const open = async (t: TenantListItem) => {
    try {
      await openTenant(t.id);
      navigate({ screen: 'dashboard' });
    } catch (e) {
      setError(asApiError(e));
    }
  };
  return (
    <div className={styles.column}>
      <ScreenHeader
        title="Tenants"
        subtitle="Every Microsoft 365 tenant scanned on this computer. Technicians: open a customer to walk them through their results."
        actions={
          <Button
            appearance="primary"
            icon={<Add20Regular />}
            onClick={() => navigate({ screen: 'welcome' })}
          >
            Scan another tenant
          </Button>
        }
      />
      {error ? <ErrorState error={error} /> : null}
      {tenants.length === 0 ? (
        <EmptyState
          title="No tenants yet"
          action={
            <Button appearance="primary" onClick={() => navigate({ screen: 'welcome' })}>
              Scan a tenant
            </Button>
          }
        >
          Scan your own tenant, a customer’s, or the demo tenant, and it will be listed here.
        </EmptyState>
      ) : (
        <CardSection title={`${tenants.length} ${tenants.length === 1 ? 'tenant' : 'tenants'}`}>
          <SimpleTable
            caption="Scanned tenants"
            getKey={(t) => t.id}
            rows={tenants}
            columns={[
              {
                key: 'name',
                header: 'Tenant',
                cell: (t) => <Text weight="semibold">{t.displayName}</Text>,
              },
              { key: 'domain', header: 'Domain', cell: (t) => t.defaultDomain },
              { key: 'scans', header: 'Scans', cell: (t) => t.scans },
              {
                key: 'last',
                header: 'Last scan',
                cell: (t) => (t.lastScanAt ? formatDateTime(t.lastScanAt) : 'Never finished'),
              },
              { key: 'score', header: 'Last score', cell: (t) => formatScore(t.lastScore) },
              {
                key: 'open',
                header: 'Open',
                cell: (t) =>
                  t.id === tenantId ? (
                    <Text weight="semibold">Open now</Text>
                  ) : (
                    <Button
                      size="small"
                      onClick={() => void open(t)}
                      aria-label={`Open ${t.displayName}`}
                    >
                      Open
                    </Button>
                  ),
              },
            ]}
          />
        </CardSection>
      )}
    </div>
  );
}
