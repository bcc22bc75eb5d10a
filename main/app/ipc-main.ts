import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS } from '../../shared/api/contract';
import { eventChannel, methodChannel } from '../../shared/api/bridge';
import type { ApiHandlers } from '../api/dispatch';
import { createIpcCallHandler } from './ipc-calls';
import type { IpcSender } from './ipc-sender';
import type { WindowRegistry } from './window-registry';

/** Who sent an IPC message, read defensively: a frame that is gone counts as no frame. */
function senderOf(event: IpcMainInvokeEvent): IpcSender {
  try {
    const frame = event.senderFrame;
    const main = event.sender.mainFrame;
    return {
      webContentsId: event.sender.id,
      frame: frame
        ? {
            url: frame.url,
            isMainFrame:
              frame.parent === null &&
              frame.processId === main.processId &&
              frame.routingId === main.routingId,
          }
        : null,
    };
  } catch {
    return { webContentsId: Number.NaN, frame: null };
  }
}

/**
 * The IPC transport: one `ipcMain.handle` per api method (`api:<method>`). Every call goes through
 * the sender check and `dispatch`; events go only to the app's own windows. Returns a function that
 * removes the handlers.
 */
export function registerApiIpc(
  handlers: ApiHandlers,
  windows: WindowRegistry,
  log: (message: string) => void,
): () => void {
  const call = createIpcCallHandler({
    handlers,
    knownWebContentsIds: () => windows.webContentsIds(),
    emit: (event, payload) => {
      windows.broadcast(eventChannel(event), payload);
    },
    log,
  });
  for (const method of API_METHODS) {
    ipcMain.handle(methodChannel(method), (event, payload: unknown) =>
      call(senderOf(event), method, payload),
    );
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(methodChannel(method));
  };
}
