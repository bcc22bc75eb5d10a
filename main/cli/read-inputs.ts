import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { tenantSettingsSchema, type TenantSettings } from '../../shared/models/tenant';
import { FixtureError, loadFixtureFile, parseFixture } from '../sim';
import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import demoFixture from '../../assets/demo/contoso-dental.json';
import demoSettings from '../../assets/demo/contoso-dental.settings.json';
import { UsageError } from './cli-io';

export async function readFixture(path: string): Promise<TenantFixture> {
  try {
    return await loadFixtureFile(path);
  } catch (error) {
    if (error instanceof FixtureError) throw new UsageError(error.message);
    throw error;
  }
}

/** The demo tenant bundled with the app: Contoso Dental. */
export function demoTenant(): { fixture: TenantFixture; settings: TenantSettings } {
  return {
    fixture: parseFixture(JSON.stringify(demoFixture), 'demo tenant'),
    settings: tenantSettingsSchema.parse(demoSettings),
  };
}

export async function readSettings(path: string): Promise<TenantSettings> {
  const name = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${name}: file not found`);
    if (code === 'EISDIR') throw new UsageError(`${name}: is a folder, not a settings file`);
    throw new UsageError(`${name}: cannot be read (${code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${name}: not valid JSON`);
  }
  const parsed = tenantSettingsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the document';
    throw new UsageError(
      `${name}: ${where}: ${issue?.message ?? 'invalid'} (expected {"breakGlassAccounts": [...], "approvedMailApps": [...], "approvedPublicGroups": [...]})`,
    );
  }
  return parsed.data;
}
