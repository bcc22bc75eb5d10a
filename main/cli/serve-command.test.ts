import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../../test/helpers/http-request';
import { Store } from '../store/store';
import { EXIT, UsageError } from './cli-io';
import { browserCommand } from './open-browser';
import { serveCommand } from './serve-command';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: { write: (s: string) => void out.push(s) },
      stderr: { write: (s: string) => void err.push(s) },
      env: {} as Record<string, string | undefined>,
    },
  };
}

describe('breach-ready serve', () => {
  it('prints the address and the data location, serves the api, and stops cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breach-ready-serve-'));
    dirs.push(dir);
    const db = join(dir, 'data.db');
    const cli = io();
    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    let url = '';
    const listening = new Promise<void>((resolve) => {
      void serveCommand({ db, open: true }, cli.io, {
        stopped,
        rendererDir: join(dir, 'no-renderer'),
        onListening: (u) => {
          url = u;
          resolve();
        },
        openBrowser: async (u) => {
          opened.push(u);
        },
      }).then((code) => exits.push(code));
    });
    const opened: string[] = [];
    const exits: number[] = [];
    await listening;
    const printed = cli.out.join('');
    expect(printed).toContain(url);
    expect(printed).toContain(`Your data is kept in ${db}`);
    expect(printed).toMatch(/through Microsoft Graph Command Line Tools/);
    expect(opened).toEqual([url]);

    const { port, searchParams } = new URL(url);
    const key = searchParams.get('key')!;
    const info = await rawRequest(Number(port), {
      method: 'POST',
      path: '/api/call',
      headers: { 'content-type': 'application/json', 'x-breach-ready-key': key },
      body: JSON.stringify({ method: 'app.info', payload: {} }),
    });
    expect(JSON.parse(info.body)).toMatchObject({
      ok: true,
      value: { mode: 'browser', dataLocation: db, appRegistration: null },
    });
    const page = await rawRequest(Number(port), { headers: { 'x-breach-ready-key': key } });
    expect(page.status).toBe(503);
    expect(page.body).toContain('npm run build');

    stop();
    for (let i = 0; i < 100 && !exits.length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(exits).toEqual([EXIT.done]);
    expect(cli.out.join('')).toContain('Stopped.');
    await expect(rawRequest(Number(port))).rejects.toThrow();
    // The database was closed, so it opens again at once.
    const store = await Store.open(db);
    await store.close();
  });

  it('refuses a port that is not a port', async () => {
    const cli = io();
    await expect(
      serveCommand({ port: '80a' }, cli.io, { stopped: Promise.resolve() }),
    ).rejects.toBeInstanceOf(UsageError);
  });

  it('opens the browser without a shell on every platform', () => {
    const url = 'https://login.microsoftonline.com/x?a=1&b=2';
    expect(browserCommand(url, 'linux')).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand(url, 'darwin')).toEqual({ command: 'open', args: [url] });
    expect(browserCommand(url, 'win32')).toEqual({
      command: 'rundll32',
      args: ['url.dll,FileProtocolHandler', url],
    });
  });
});
