import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { REPORT_FORMATS, type ReportFormat } from '../../shared/api/contract';
import { logoProblem } from '../../shared/models/branding';
import { catalogMeta } from '../checks/catalog';
import { createReport } from '../report/create-report';
import type { ScanSummary, Store } from '../store/store';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { withStore } from './open-cli-store';
import { describeWriteError, OutputError } from './write-output';

export interface ReportCommandOptions {
  readonly scan: string;
  readonly format: string;
  readonly out: string;
  readonly db?: string;
}

function isFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** A scan by full id or a unique prefix of at least 8 characters. */
async function findScan(store: Store, key: string): Promise<ScanSummary> {
  const exact = await store.getScan(key);
  if (exact) return exact;
  if (key.length >= 8) {
    const rows = await store.db.all<{ id: string }>(
      'SELECT id FROM scans WHERE id LIKE ? LIMIT 2',
      [`${key.replace(/[%_]/g, '')}%`],
    );
    if (rows.length === 1) return (await store.getScan(rows[0]!.id))!;
    if (rows.length > 1)
      throw new UsageError(`"${key}" matches more than one scan; give more of the id`);
  }
  throw new UsageError(
    `no scan "${key}" in this database (see "breach-ready history --tenant ..." for scan ids)`,
  );
}

/** Writes the whole file or nothing. */
async function writeBytes(path: string, content: Buffer): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, content, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw new OutputError(describeWriteError(path, error));
  }
}

export async function reportCommand(options: ReportCommandOptions, io: CliIo): Promise<number> {
  if (!isFormat(options.format))
    throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  const format = options.format;
  return withStore(options.db, io, async (store) => {
    const scan = await findScan(store, options.scan);
    if (scan.status !== 'complete' && scan.status !== 'partial')
      throw new UsageError(
        `scan ${scan.id} did not finish (${scan.status}); there is nothing to report`,
      );
    const report = await createReport({
      store,
      scanId: scan.id,
      format,
      checks: catalogMeta(),
      now: new Date(),
    });
    await writeBytes(options.out, report.content);
    io.stderr.write(
      `Wrote the ${format.toUpperCase()} report of scan ${scan.id} to ${options.out}\n`,
    );
    return EXIT.done;
  });
}

export interface BrandingCommandOptions {
  readonly company?: string;
  readonly preparedBy?: string;
  /** A file name, or `false` for --no-logo. */
  readonly logo?: string | false;
  readonly show?: boolean;
  readonly db?: string;
}

async function readLogo(file: string): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `${file}: file not found`
        : `${file}: cannot be read (${code ?? 'error'})`,
    );
  }
  const problem = logoProblem(bytes);
  if (problem) throw new UsageError(`${file}: ${problem}`);
  return new Uint8Array(bytes);
}

export async function brandingCommand(options: BrandingCommandOptions, io: CliIo): Promise<number> {
  const changing =
    options.company !== undefined || options.preparedBy !== undefined || options.logo !== undefined;
  const logo = typeof options.logo === 'string' ? await readLogo(options.logo) : undefined;
  return withStore(options.db, io, async (store) => {
    const current = await store.getBranding();
    if (changing) {
      await store.setBranding(
        {
          companyName: options.company ?? current.companyName,
          preparedBy: options.preparedBy ?? current.preparedBy,
          logo: options.logo === false ? null : (logo ?? current.logo?.bytes ?? null),
        },
        new Date(),
      );
    }
    const saved = await store.getBranding();
    if (changing && !options.show) {
      io.stderr.write('Saved the report branding.\n');
      return EXIT.done;
    }
    const lines = [
      `Company:     ${saved.companyName || '(not set)'}`,
      `Prepared by: ${saved.preparedBy || '(not set)'}`,
      `Logo:        ${saved.logo ? `${saved.logo.mimeType}, ${Math.ceil(saved.logo.bytes.length / 1024)} KB` : '(none)'}`,
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.done;
  });
}
