import type { TenantConnection } from '../engine/scan';
import { recordTenant } from '../engine/record-tenant';
import { openSimulatedTenant } from '../engine/simulated-tenant';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { demoTenant } from './read-inputs';
import { liveConnection, type ScanCommandOptions } from './scan-command';
import { progressPrinter } from './progress-printer';
import { writeOutput } from './write-output';

export interface RecordCommandOptions {
  demo?: boolean;
  tenant?: string;
  auth?: string;
  clientId?: string;
  certificateKey?: string;
  certificateThumbprint?: string;
  out: string;
}

/** `breach-ready record`: a tenant → a tenant-fixture/1 file. Returns the exit code. */
export async function recordCommand(options: RecordCommandOptions, io: CliIo): Promise<number> {
  if (Boolean(options.demo) === Boolean(options.tenant)) {
    throw new UsageError('choose exactly one of --demo or --tenant ID|DOMAIN');
  }
  let connection: TenantConnection;
  let close = async () => {};
  if (options.demo) {
    const simulated = await openSimulatedTenant(demoTenant().fixture, 'demo');
    connection = simulated.connection;
    close = simulated.close;
  } else {
    connection = await liveConnection(
      { ...options, profile: 'cis' } satisfies ScanCommandOptions,
      io,
    );
  }
  try {
    const onProgress = progressPrinter(io);
    const fixture = await recordTenant({ connection, ...(onProgress ? { onProgress } : {}) });
    await writeOutput(options.out, `${JSON.stringify(fixture, null, 2)}\n`);
    const sources = Object.keys(fixture.graph).length;
    io.stderr.write(
      `Recorded ${fixture.tenant.displayName} (${sources} Graph answers, secrets removed) to ${options.out}\n`,
    );
    return EXIT.done;
  } finally {
    await close();
  }
}
