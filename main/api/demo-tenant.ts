import { readFile } from 'node:fs/promises';
import { ApiError } from '../../shared/api/contract';
import { tenantFixtureSchema, type TenantFixture } from '../../shared/fixture/tenant-fixture';
import { tenantSettingsSchema, type TenantSettings } from '../../shared/models/tenant';

export interface DemoTenant {
  readonly fixture: TenantFixture;
  /** The settings the demo tenant comes with, offered until the user declares their own. */
  readonly settings: TenantSettings;
}

export function demoSettingsPathFor(fixturePath: string): string {
  return fixturePath.replace(/\.json$/i, '') + '.settings.json';
}

const UNAVAILABLE = 'The demo tenant is missing from this installation. Reinstall Breach Ready.';

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    throw new ApiError('unavailable', UNAVAILABLE);
  }
}

/** Loads the demo tenant once; later calls share the same promise. */
export function demoTenantLoader(
  fixturePath: string,
  settingsPath = demoSettingsPathFor(fixturePath),
): () => Promise<DemoTenant> {
  let loading: Promise<DemoTenant> | undefined;
  const load = async (): Promise<DemoTenant> => {
    const fixture = tenantFixtureSchema.safeParse(await readJson(fixturePath));
    const settings = tenantSettingsSchema.safeParse(await readJson(settingsPath));
    if (!fixture.success || !settings.success) throw new ApiError('unavailable', UNAVAILABLE);
    return { fixture: fixture.data, settings: settings.data };
  };
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
