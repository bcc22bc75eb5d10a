import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import type { FileChoiceRequest } from '../api/handler-deps';

/**
 * The system's open-file dialog, attached to the focused window so it stays on top of the app.
 * Only the chosen path crosses to the renderer; the file is read later by the main process.
 */
export async function chooseFileWithDialog(request: FileChoiceRequest): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: request.title,
    properties: ['openFile', 'dontAddToRecent'],
    filters: request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
  };
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
