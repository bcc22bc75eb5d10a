import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Text,
} from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { TenantListItem } from '../../shared/api/views';
import { useApp } from '../state/app-context';
import { asApiError } from '../state/use-async';

/** Fluent hides the rest of the page while a dialog is open and shows it again a moment after it closes. */
const PAGE_RESTORE_MS = 400;

/** Runs `then` once the dialog has gone and the page is shown again, so it is never left hidden from screen readers. */
function AfterClose(props: { then: RefObject<(() => void) | null> }) {
  const { then } = props;
  useEffect(
    () => () => {
      setTimeout(() => then.current?.(), PAGE_RESTORE_MS);
    },
    [then],
  );
  return null;
}

/** Deletes everything stored about one tenant, after a plain confirmation. */
export function DeleteTenant(props: { tenant: TenantListItem }) {
  const { api, refreshTenants, openTenant, closeTenant, navigate } = useApp();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const afterClose = useRef<(() => void) | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.call('tenants.delete', { tenantId: props.tenant.id });
      const rest = await refreshTenants();
      const next = rest[0];
      afterClose.current = () => {
        if (next) {
          void openTenant(next.id).then(() => navigate({ screen: 'tenants' }));
        } else {
          closeTenant();
          navigate({ screen: 'welcome' });
        }
      };
      setOpen(false);
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<Delete20Regular />}>Delete this tenant’s data…</Button>
      </DialogTrigger>
      <DialogSurface>
        <AfterClose then={afterClose} />
        <DialogBody>
          <DialogTitle>Delete everything about {props.tenant.displayName}?</DialogTitle>
          <DialogContent>
            <Text as="p">
              This removes its {props.tenant.scans} {props.tenant.scans === 1 ? 'scan' : 'scans'},
              the evidence read, your ticked steps, notes, decisions and declarations from this
              computer. The tenant itself is not touched. This cannot be undone.
            </Text>
            {error ? (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Keep it</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={() => void remove()} disabled={busy}>
              Delete
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
