import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requiredGraphPermissions } from '../shared/models/sources';
import { ROOT } from './helpers/run-cli';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('lists exactly the Graph permissions a scan asks for', () => {
    const section = readme.slice(
      readme.indexOf('## Signing in to a live tenant'),
      readme.indexOf('## Where data lives'),
    );
    const listed = new Set(
      [...section.matchAll(/`([A-Za-z-]+(?:\.[A-Za-z-]+)+)`/g)]
        .map((m) => m[1]!)
        .filter((name) => /\.Read(\.|$)/.test(name)),
    );
    expect([...listed].sort()).toEqual([...requiredGraphPermissions()].sort());
  });

  it('gives the commands to set up, run and test', () => {
    expect(readme).toContain('npm install');
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
  });
});
