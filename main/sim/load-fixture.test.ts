import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJsonErrorOffset } from './json-position';
import { FixtureError, MAX_FIXTURE_BYTES, loadFixtureFile, parseFixture } from './load-fixture';

const valid = {
  format: 'tenant-fixture/1',
  tenant: {
    id: '11111111-2222-4333-8444-555555555555',
    displayName: 'Contoso',
    defaultDomain: 'contoso.com',
  },
  graph: { 'GET /v1.0/users': { status: 200, body: { value: [] } } },
};

function problem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FixtureError);
    return (error as Error).message;
  }
  throw new Error('expected a FixtureError');
}

describe('parseFixture', () => {
  it('accepts a valid document (with a byte-order mark)', () => {
    expect(parseFixture(`\uFEFF${JSON.stringify(valid)}`, 'fixture.json').tenant.displayName).toBe(
      'Contoso',
    );
  });

  it('names the line and column of a JSON error, even when the parser gives no position', () => {
    expect(problem(() => parseFixture('{\n  "format": "x",\n    }', 'fixture.json'))).toBe(
      'fixture.json: not valid JSON (Expected double-quoted property name at line 3 column 5)',
    );
    expect(problem(() => parseFixture('{\n  "a": 1,\n  "b": }', 'fixture.json'))).toBe(
      "fixture.json: not valid JSON (Unexpected token '}' at line 3 column 8)",
    );
    expect(problem(() => parseFixture('{"a": [1, 2', 'fixture.json'))).toMatch(
      /^fixture\.json: not valid JSON \(.+ at line 1 column 12\)$/,
    );
  });

  it('explains a schema problem in one line', () => {
    const bad = { ...valid, graph: { 'GET /v1.0/users': { status: 'ok' } } };
    const message = problem(() => parseFixture(JSON.stringify(bad), 'fixture.json'));
    expect(message).toMatch(/^fixture\.json: graph\.GET \/v1\.0\/users\.status: .*expected number/);
    expect(message).not.toContain('\n');
  });

  it('refuses an empty text', () => {
    expect(problem(() => parseFixture('  \n', 'f.json'))).toBe('f.json: the file is empty');
  });
});

describe('findJsonErrorOffset', () => {
  it('finds the first bad character or nothing for valid JSON', () => {
    expect(findJsonErrorOffset('{"a":[1,true,null,"x\\n",-2.5e3]}')).toBeUndefined();
    expect(findJsonErrorOffset('{"a": tru}')).toBe(9);
    expect(findJsonErrorOffset('[1,]')).toBe(3);
    expect(findJsonErrorOffset('{} x')).toBe(3);
  });
});

describe('loadFixtureFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sim-fixture-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads a file', async () => {
    const path = join(dir, 'ok.json');
    await writeFile(path, JSON.stringify(valid));
    expect((await loadFixtureFile(path)).tenant.id).toBe(valid.tenant.id);
  });

  it('gives clear messages for a missing file, a folder, an empty file and a huge file', async () => {
    const missing = join(dir, 'missing.json');
    await expect(loadFixtureFile(missing)).rejects.toThrow(`${missing}: file not found`);
    await expect(loadFixtureFile(dir)).rejects.toThrow(`${dir}: is a folder, not a fixture file`);
    const empty = join(dir, 'empty.json');
    await writeFile(empty, '');
    await expect(loadFixtureFile(empty)).rejects.toThrow(`${empty}: the file is empty`);
    const huge = join(dir, 'huge.json');
    await writeFile(huge, '');
    await truncate(huge, MAX_FIXTURE_BYTES + 1);
    await expect(loadFixtureFile(huge)).rejects.toThrow(
      /huge\.json: the file is too large \(512 MB; the limit is 512 MB\)/,
    );
  });
});
