import { useEffect, useState } from 'react';

function query(media: string): MediaQueryList | null {
  return typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(media) : null;
}

/** The operating system's colour scheme and contrast mode, kept up to date. */
export function useSystemTheme(): { prefersDark: boolean; forcedColors: boolean } {
  const read = () => ({
    prefersDark: query('(prefers-color-scheme: dark)')?.matches ?? false,
    forcedColors: query('(forced-colors: active)')?.matches ?? false,
  });
  const [state, setState] = useState(read);
  useEffect(() => {
    const lists = [query('(prefers-color-scheme: dark)'), query('(forced-colors: active)')];
    const update = () => setState(read());
    for (const l of lists) l?.addEventListener('change', update);
    return () => {
      for (const l of lists) l?.removeEventListener('change', update);
    };
  }, []);
  return state;
}
