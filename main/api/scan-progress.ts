import type { ScanProgressEvent } from '../../shared/api/contract';
import type { ScanProgress } from '../engine/scan';

/**
 * Maps the engine's progress to the contract's event. The engine's own `finished` is dropped: the
 * scan is finished for the screens only once it is saved, which the runner announces itself.
 */
export function toProgressEvent(
  scanId: string,
  event: ScanProgress,
): ScanProgressEvent | undefined {
  switch (event.type) {
    case 'signing-in':
      return { scanId, type: 'signing-in', description: event.description };
    case 'source-started':
      return { scanId, type: 'source-started', source: event.source, label: event.label };
    case 'source-finished':
      return {
        scanId,
        type: 'source-finished',
        source: event.source,
        label: event.label,
        ok: event.ok,
        done: event.done,
        total: event.total,
      };
    case 'waiting':
      return { scanId, type: 'waiting', seconds: event.seconds, label: event.label };
    case 'evaluating':
      return { scanId, type: 'evaluating', checks: event.checks };
    default:
      return undefined;
  }
}
