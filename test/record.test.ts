import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tenantFixtureSchema } from '../shared/fixture/tenant-fixture';
import { runCli } from './helpers/run-cli';

const SETTINGS = 'assets/demo/contoso-dental.settings.json';

function verdicts(stdout: string): Record<string, string> {
  const json = JSON.parse(stdout) as { findings: { checkId: string; verdict: string }[] };
  return Object.fromEntries(json.findings.map((f) => [f.checkId, f.verdict]));
}

describe('breach-ready record', () => {
  it('records the simulated demo tenant; scanning the recording gives the same verdicts', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'breach-ready-record-')), 'contoso.json');
    const recorded = runCli(['record', '--demo', '--out', out]);
    expect(recorded.stderr).toMatch(/Recorded Contoso Dental/);
    expect(recorded.code).toBe(0);

    const text = readFileSync(out, 'utf8');
    const fixture = tenantFixtureSchema.parse(JSON.parse(text));
    expect(fixture.recordedAt).toBeDefined();
    expect(Object.keys(fixture.graph).length).toBeGreaterThan(30);
    expect(Object.keys(fixture.dns ?? {}).length).toBeGreaterThan(0);
    expect(text).not.toMatch(/secretText|"key":|eyJ[\w-]+\.eyJ/);

    const demo = runCli(['scan', '--demo', '--json', '--no-store', '--settings', SETTINGS]);
    const replay = runCli([
      'scan',
      '--fixture',
      out,
      '--json',
      '--no-store',
      '--settings',
      SETTINGS,
    ]);
    expect(demo.code).toBe(0);
    expect(replay.code).toBe(0);
    expect(verdicts(replay.stdout)).toEqual(verdicts(demo.stdout));
  });

  it('asks for exactly one tenant', () => {
    const result = runCli(['record', '--out', join(tmpdir(), 'never.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--demo or --tenant/);
  });
});
