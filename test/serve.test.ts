import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from './helpers/http-request';
import { ROOT } from './helpers/run-cli';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('breach-ready serve (the built command)', () => {
  it('prints a keyed address, refuses strangers, runs a demo scan, and stops on Ctrl+C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breach-ready-serve-e2e-'));
    dirs.push(dir);
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'breach-ready.cjs'), 'serve', '--port', '0', '--db', join(dir, 'x.db')],
      { env: { ...process.env, BREACH_READY_DATA_DIR: dir, BREACH_READY_CLIENT_ID: '' } },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s: string) => (stdout += s));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 200 && !/key=\S+/.test(stdout); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const url = new URL(/http:\/\/127\.0\.0\.1:\d+\/\?key=\S+/.exec(stdout)![0]);
    const port = Number(url.port);
    const key = url.searchParams.get('key')!;

    expect((await rawRequest(port, { path: '/' })).status).toBe(401);
    expect((await rawRequest(port, { headers: { host: `attacker.test:${port}` } })).status).toBe(
      421,
    );
    const login = await rawRequest(port, { path: `/?key=${key}` });
    expect(login.status).toBe(303);
    const cookie = login.headers['set-cookie']![0]!.split(';')[0]!;
    const call = async (method: string, payload: unknown) =>
      JSON.parse(
        (
          await rawRequest(port, {
            method: 'POST',
            path: '/api/call',
            headers: { 'content-type': 'application/json', cookie, origin: url.origin },
            body: JSON.stringify({ method, payload }),
          })
        ).body,
      ) as { ok: boolean; value: { scanId?: string; status?: string }[] & { scanId?: string } };

    const started = await call('scan.start', { target: { kind: 'demo' }, profile: 'cis' });
    expect(started.ok).toBe(true);
    const tenants = async () =>
      (await call('tenants.list', {})).value as unknown as { id: string; scans: number }[];
    let listed = await tenants();
    for (let i = 0; i < 200 && !listed.length; i++) {
      await new Promise((r) => setTimeout(r, 50));
      listed = await tenants();
    }
    expect(listed).toHaveLength(1);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('Stopped.');
  });
});
