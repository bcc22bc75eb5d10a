import { isProfile, type Profile } from '../../shared/models/profile';
import { isSeverity, severityRank } from '../../shared/models/severity';
import { requiredGraphPermissions, SOURCES } from '../../shared/models/sources';
import type { TenantSettings } from '../../shared/models/tenant';
import { EMPTY_TENANT_SETTINGS } from '../../shared/models/tenant';
import { AppOnlySignIn } from '../auth/app-only';
import { CertificateFileError, readCertificateFile } from '../auth/certificate-file';
import { DEFAULT_PUBLIC_CLIENT_ID } from '../auth/default-client';
import { progressPrinter } from './progress-printer';
import { DelegatedSignIn } from '../auth/device-code';
import type { StoredDecision } from '../../shared/models/decision';
import { runScan, toScanJson, type TenantConnection } from '../engine/scan';
import { recordScan } from '../engine/scan-record';
import { withStore } from './open-cli-store';
import { openSimulatedTenant } from '../engine/simulated-tenant';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { formatScanTable } from './format-table';
import { writeOutput } from './write-output';
import { demoTenant, readFixture, readSettings } from './read-inputs';

export interface ScanCommandOptions {
  demo?: boolean;
  fixture?: string;
  tenant?: string;
  auth?: string;
  clientId?: string;
  certificateKey?: string;
  certificateThumbprint?: string;
  profile: string;
  settings?: string;
  json?: boolean;
  format?: string;
  out?: string;
  failOn?: string;
  db?: string;
  /** Commander sets `store: false` for --no-store. */
  store?: boolean;
}

/** Settings declared earlier for this tenant (by id, domain or name), if any. */
async function storedSettings(
  db: string | undefined,
  io: CliIo,
  key: string,
): Promise<TenantSettings | undefined> {
  return withStore(db, io, async (store) => {
    const tenant = await store.findTenant(key);
    return tenant ? store.tenantSettings(tenant.id) : undefined;
  });
}

const SECRET_ENV = 'BREACH_READY_CLIENT_SECRET';

function validate(options: ScanCommandOptions): { profile: Profile; format: 'json' | 'table' } {
  const targets = [options.demo, options.fixture, options.tenant].filter(Boolean).length;
  if (targets !== 1)
    throw new UsageError('choose exactly one of --demo, --fixture FILE or --tenant ID|DOMAIN');
  if (!isProfile(options.profile))
    throw new UsageError(`--profile must be "cis" or "cisa", not "${options.profile}"`);
  if (options.failOn && !isSeverity(options.failOn)) {
    throw new UsageError('--fail-on must be one of critical, high, medium, low, info');
  }
  if (options.format && options.format !== 'table' && options.format !== 'json') {
    throw new UsageError('--format must be "table" or "json"');
  }
  if (options.json && options.format === 'table')
    throw new UsageError('use either --json or --format table');
  return {
    profile: options.profile,
    format: options.json || options.format === 'json' ? 'json' : 'table',
  };
}

export async function liveConnection(
  options: ScanCommandOptions,
  io: CliIo,
): Promise<TenantConnection> {
  const tenant = options.tenant!;
  const ownClientId = options.clientId || io.env.BREACH_READY_CLIENT_ID || undefined;
  const auth = options.auth ?? 'device-code';
  if (auth === 'device-code') {
    const signIn = new DelegatedSignIn({
      clientId: ownClientId ?? DEFAULT_PUBLIC_CLIENT_ID,
      tenant,
      permissions: requiredGraphPermissions(),
    });
    await signIn.signInWithDeviceCode((prompt) => {
      io.stderr.write(
        `\nTo sign in, open ${prompt.verificationUri} and enter the code ${prompt.userCode}\n\n`,
      );
    });
    return { source: 'live', tokens: signIn, tenantHint: tenant };
  }
  if (auth !== 'certificate' && auth !== 'secret') {
    throw new UsageError('--auth must be device-code, certificate or secret');
  }
  if (!ownClientId) {
    throw new UsageError(
      `--auth ${auth} signs in as your own app registration: give its application (client) id with --client-id (see the README)`,
    );
  }
  const clientId = ownClientId;
  if (auth === 'certificate') {
    if (!options.certificateKey) {
      throw new UsageError(
        '--auth certificate needs --certificate-key FILE (a PEM file with the certificate and its private key)',
      );
    }
    const credential = await readCertificateFile(options.certificateKey, {
      thumbprint: options.certificateThumbprint,
      now: new Date(),
    }).catch((error: unknown) => {
      if (error instanceof CertificateFileError) throw new UsageError(error.message);
      throw error;
    });
    const signIn = new AppOnlySignIn({
      clientId,
      credential: { kind: 'certificate', ...credential },
    });
    return { source: 'live', tokens: signIn.forTenant(tenant), tenantHint: tenant };
  }
  const secret = io.env[SECRET_ENV];
  if (!secret)
    throw new UsageError(
      `--auth secret reads the client secret from the ${SECRET_ENV} environment variable, which is not set`,
    );
  const signIn = new AppOnlySignIn({ clientId, credential: { kind: 'secret', secret } });
  return { source: 'live', tokens: signIn.forTenant(tenant), tenantHint: tenant };
}

/** `breach-ready scan`: returns the exit code. */
export async function scanCommand(options: ScanCommandOptions, io: CliIo): Promise<number> {
  const { profile, format } = validate(options);
  let settings: TenantSettings = options.settings
    ? await readSettings(options.settings)
    : EMPTY_TENANT_SETTINGS;
  const storing = options.store !== false;
  let close = async () => {};
  let connection: TenantConnection;
  let declared = Boolean(options.settings);
  if (options.demo) {
    const demo = demoTenant();
    if (!options.settings) settings = demo.settings;
    declared = true;
    const simulated = await openSimulatedTenant(demo.fixture, 'demo');
    connection = simulated.connection;
    close = simulated.close;
  } else if (options.fixture) {
    const fixture = await readFixture(options.fixture);
    if (!options.settings && storing)
      settings = (await storedSettings(options.db, io, fixture.tenant.id)) ?? settings;
    const simulated = await openSimulatedTenant(fixture, 'fixture');
    connection = simulated.connection;
    close = simulated.close;
  } else {
    if (!options.settings && storing)
      settings = (await storedSettings(options.db, io, options.tenant!)) ?? settings;
    connection = await liveConnection(options, io);
  }
  try {
    const onProgress = progressPrinter(io);
    let result = await runScan({
      connection,
      profile,
      settings,
      ...(onProgress ? { onProgress } : {}),
    });
    let decisions: StoredDecision[] = [];
    if (storing) {
      const saved = await withStore(options.db, io, async (store) => {
        const now = new Date();
        const recorded = await recordScan(store, result, now);
        if (declared) await store.setTenantSettings(result.snapshot.tenant.id, settings, now);
        return recorded;
      });
      result = saved.result;
      decisions = saved.decisions;
      if (io.stderr.isTTY) io.stderr.write(`Saved as scan ${result.id}\n`);
    }
    const json = toScanJson(result, undefined, decisions);
    const text = format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : formatScanTable(json);
    if (options.out) {
      await writeOutput(options.out, text);
      io.stderr.write(`Wrote ${options.out}\n`);
    } else {
      io.stdout.write(text);
    }
    const unread = Object.entries(result.snapshot.sources).filter(([, r]) => r && !r.ok);
    if (unread.length && io.stderr.isTTY) {
      io.stderr.write(
        `Could not read: ${unread.map(([id]) => SOURCES[id as keyof typeof SOURCES].label).join('; ')}. The affected checks show "could not check" with the reason.\n`,
      );
    }
    if (options.failOn) {
      const threshold = severityRank(options.failOn as Parameters<typeof severityRank>[0]);
      if (
        json.findings.some((f) => f.verdict === 'fail' && severityRank(f.severity) >= threshold)
      ) {
        return EXIT.findingsAtOrAboveThreshold;
      }
    }
    return EXIT.done;
  } finally {
    await close();
  }
}
