import { isAppUrl } from './app-origin';

/** What the IPC transport knows about who sent a message (taken from the Electron event). */
export interface IpcSender {
  /** `event.sender.id`: the webContents that sent it. */
  readonly webContentsId: number;
  /** `event.senderFrame`; null when the frame is gone (navigated away or destroyed). */
  readonly frame: {
    readonly url: string;
    /** True only for the top-level frame of that webContents. */
    readonly isMainFrame: boolean;
  } | null;
}

/**
 * Electron security checklist item 17: a call is answered only when it comes from the main frame
 * of one of our own windows, showing a page of the app itself (`app://breach-ready`). Sub-frames,
 * other origins, unknown webContents and vanished frames are refused.
 */
export function isTrustedSender(
  sender: IpcSender,
  knownWebContentsIds: ReadonlySet<number>,
): boolean {
  if (!Number.isInteger(sender.webContentsId)) return false;
  if (!knownWebContentsIds.has(sender.webContentsId)) return false;
  if (sender.frame === null || sender.frame.isMainFrame !== true) return false;
  return isAppUrl(sender.frame.url);
}
