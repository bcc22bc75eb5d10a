import { Button } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ScanDetail } from '../../shared/api/views';
import { useApp } from '../state/app-context';
import { useScan } from '../state/scan-context';
import { ScreenHeader } from './screen-header';
import { EmptyState, ErrorState, LoadingState } from './states';

/** Shows its children once the current scan is loaded; otherwise a plain loading, empty or error state. */
export function ScanGate(props: { title: string; children: (detail: ScanDetail) => ReactNode }) {
  const scan = useScan();
  if (scan.status === 'ready') return <>{props.children(scan.data)}</>;
  return (
    <>
      <ScreenHeader title={props.title} />
      <NotReady />
    </>
  );
}

function NotReady() {
  const scan = useScan();
  const { navigate, tenantId } = useApp();
  if (scan.status === 'loading') return <LoadingState label="Loading the scan results…" />;
  if (scan.status === 'error')
    return (
      <ErrorState
        title="The results could not be loaded"
        error={scan.error}
        onRetry={scan.reload}
      />
    );
  if (scan.status === 'none') {
    return tenantId ? (
      <EmptyState
        title="No finished scan for this tenant"
        action={
          <Button appearance="primary" onClick={() => navigate({ screen: 'welcome' })}>
            Scan again
          </Button>
        }
      >
        The last scan of this tenant did not finish, so there are no results to show. Start a new
        scan.
      </EmptyState>
    ) : (
      <EmptyState
        title="No tenant scanned yet"
        action={
          <Button appearance="primary" onClick={() => navigate({ screen: 'welcome' })}>
            Scan a tenant
          </Button>
        }
      >
        Scan your Microsoft 365 tenant, or the demo tenant, and the results appear here.
      </EmptyState>
    );
  }
  return null;
}
