import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../shared/security/external-links';
import { HELP_LINKS, menuTemplate } from './menu-template';

function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('menuTemplate', () => {
  it('offers developer tools and reload only when unpackaged', () => {
    const packaged = roles(menuTemplate({ isMac: false, devTools: false, openHelp: () => {} }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forceReload');
    const dev = roles(menuTemplate({ isMac: false, devTools: true, openHelp: () => {} }));
    expect(dev).toContain('toggleDevTools');
  });

  it('has the macOS app menu only on macOS, and quit on the others', () => {
    expect(roles(menuTemplate({ isMac: true, devTools: false, openHelp: () => {} }))).toContain(
      'appMenu',
    );
    const other = roles(menuTemplate({ isMac: false, devTools: false, openHelp: () => {} }));
    expect(other).not.toContain('appMenu');
    expect(other).toContain('quit');
  });

  it('opens help pages through the external opener, all on the allowlist', () => {
    const opened: string[] = [];
    const help = menuTemplate({
      isMac: false,
      devTools: false,
      openHelp: (u) => opened.push(u),
    }).find((item) => item.role === 'help');
    for (const item of help!.submenu as MenuItemConstructorOptions[]) {
      (item.click as () => void)();
    }
    expect(opened).toEqual(HELP_LINKS.map((l) => l.url));
    expect(opened.every((u) => isAllowedExternalUrl(u))).toBe(true);
  });
});
