import { dispatch, type ApiEventSink, type ApiHandlers, type ApiOutcome } from '../api/dispatch';
import { isTrustedSender, type IpcSender } from './ipc-sender';

export interface IpcCallOptions {
  readonly handlers: ApiHandlers;
  /** The webContents ids of the app's own windows, as they are now. */
  readonly knownWebContentsIds: () => ReadonlySet<number>;
  /** Pushes events to the app's own windows only. */
  readonly emit: ApiEventSink;
  /** Told about refused senders and unexpected handler errors; never given request payloads. */
  readonly log?: (message: string) => void;
}

export const REFUSED_SENDER: ApiOutcome = {
  ok: false,
  error: {
    code: 'bad_request',
    message: 'This request did not come from the Breach Ready window, so it was refused.',
  },
};

/**
 * Answers one IPC call: refuses senders that are not the app's own main frame, then hands the
 * method and payload to `dispatch`, which validates them against the contract and turns every
 * failure into a plain error body. Never throws, so no stack trace crosses the bridge.
 */
export function createIpcCallHandler(options: IpcCallOptions) {
  const log = options.log ?? (() => {});
  return async (sender: IpcSender, method: string, payload: unknown): Promise<ApiOutcome> => {
    try {
      if (!isTrustedSender(sender, options.knownWebContentsIds())) {
        log(`Refused a call to ${method} from an untrusted sender.`);
        return REFUSED_SENDER;
      }
      return await dispatch(options.handlers, method, payload, { emit: options.emit }, (error) =>
        log(`Unexpected error in ${method}: ${error instanceof Error ? error.name : 'unknown'}.`),
      );
    } catch {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Something went wrong inside Breach Ready. Nothing was changed.',
        },
      };
    }
  };
}
