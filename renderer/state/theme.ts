export type ThemeChoice = 'system' | 'light' | 'dark' | 'high-contrast';
export type ThemeName = 'light' | 'dark' | 'high-contrast';

export const THEME_LABELS: Record<ThemeChoice, string> = {
  system: 'Follow my computer',
  light: 'Light',
  dark: 'Dark',
  'high-contrast': 'High contrast',
};

/** The theme to show: the user's choice, or the system's colour scheme and contrast mode. */
export function resolveTheme(
  choice: ThemeChoice,
  system: { readonly prefersDark: boolean; readonly forcedColors: boolean },
): ThemeName {
  if (choice !== 'system') return choice;
  if (system.forcedColors) return 'high-contrast';
  return system.prefersDark ? 'dark' : 'light';
}

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === 'system' || value === 'light' || value === 'dark' || value === 'high-contrast';
}
