import { Menu } from 'electron';
import { menuTemplate } from './menu-template';
import { openExternalSafe } from './safe-shell';

export function installApplicationMenu(devTools: boolean): void {
  const template = menuTemplate({
    isMac: process.platform === 'darwin',
    devTools,
    openHelp: (url) => void openExternalSafe(url),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
