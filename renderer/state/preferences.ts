import { isProfile, type Profile } from '../../shared/models/profile';
import { isThemeChoice, type ThemeChoice } from './theme';

const THEME_KEY = 'breach-ready.theme';
const PROFILE_KEY = 'breach-ready.profile';

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Preferences are a convenience; the app works without them.
  }
}

export function loadThemeChoice(): ThemeChoice {
  const value = read(THEME_KEY);
  return isThemeChoice(value) ? value : 'system';
}

export function saveThemeChoice(choice: ThemeChoice): void {
  write(THEME_KEY, choice);
}

export function loadProfile(): Profile {
  const value = read(PROFILE_KEY);
  return value && isProfile(value) ? value : 'cis';
}

export function saveProfile(profile: Profile): void {
  write(PROFILE_KEY, profile);
}
