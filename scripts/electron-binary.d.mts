export function findElectronBinary(
  electronDir: string,
  env?: Readonly<Record<string, string | undefined>>,
  platform?: NodeJS.Platform,
): string | undefined;
