// What `npm start` does, decided from what it found; start.mjs carries it out.

/**
 * @param {{ electronBinary: string | undefined, downloadFailed: boolean, browserModeAvailable: boolean }} found
 * @returns {{ action: 'desktop', binary: string } | { action: 'browser', notice: string } | { action: 'none', notice: string }}
 */
export function planStart(found) {
  if (found.electronBinary) return { action: 'desktop', binary: found.electronBinary };
  const why = found.downloadFailed
    ? 'Breach Ready cannot open its desktop window on this computer: the Electron runtime it runs in is not installed, and downloading it failed (Electron fetches it from github.com the first time, and that address cannot be reached from here).'
    : 'Breach Ready cannot open its desktop window on this computer: the Electron runtime it runs in is not installed.';
  if (found.browserModeAvailable) {
    return {
      action: 'browser',
      notice: `${why} Starting browser mode instead: the same app, with the same data folder, served only to this computer on 127.0.0.1 and opened in your web browser. Nothing is sent anywhere else. To get the desktop window, connect to the internet and run "npm start" again.`,
    };
  }
  return {
    action: 'none',
    notice: `${why} Nothing was changed. Connect to the internet and run "npm start" again, or use the same scan engine from the command line now: "npx breach-ready scan --demo".`,
  };
}
