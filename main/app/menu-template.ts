import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  readonly isMac: boolean;
  /** Developer tools are offered only when the app is not packaged. */
  readonly devTools: boolean;
  /** Opens a help page through the allowlisted external opener. */
  readonly openHelp: (url: string) => void;
}

export const HELP_LINKS = [
  {
    label: 'Microsoft 365 security documentation',
    url: 'https://learn.microsoft.com/en-us/microsoft-365/security/',
  },
  {
    label: 'Entra admin center',
    url: 'https://entra.microsoft.com/',
  },
  {
    label: 'CISA advice after the Storm-0558 breach',
    url: 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-193a',
  },
] as const;

/** The application menu: standard roles only, plus help links opened in the system browser. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    ...(options.devTools
      ? ([
          { type: 'separator' },
          { role: 'reload' },
          { role: 'toggleDevTools' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
  ];
  return [
    ...(options.isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: 'File', submenu: [options.isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: HELP_LINKS.map((link) => ({
        label: link.label,
        click: () => options.openHelp(link.url),
      })),
    },
  ];
}
