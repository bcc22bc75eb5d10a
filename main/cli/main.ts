import { Command, CommanderError } from 'commander';
import { catalogMeta } from '../checks/catalog';
import { TOOL_VERSION } from '../engine/version';
import { SignInError } from '../auth/auth-error';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { formatChecksTable } from './format-table';
import { scanCommand, type ScanCommandOptions } from './scan-command';
import { recordCommand, type RecordCommandOptions } from './record-command';
import { serveCommand, type ServeCommandOptions } from './serve-command';
import {
  deleteTenantCommand,
  diffCommand,
  exportCommand,
  historyCommand,
  importCommand,
  reevaluateCommand,
} from './store-commands';
import { StoreError } from '../store/store-error';
import { brandingCommand, reportCommand, type BrandingCommandOptions } from './report-commands';
import { OutputError, writeOutput } from './write-output';
import { withSignInOptions } from './sign-in-options';

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('breach-ready')
    .description(
      'Breach-readiness audit of a Microsoft 365 tenant: read-only, scored against CIS and NIST CSF 2.0.',
    )
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  withSignInOptions(program.command('scan'))
    .description('Scan a tenant (or the demo tenant, or a recorded fixture) and print the findings')
    .option('--demo', 'scan the built-in demo tenant (Contoso Dental); no Microsoft account needed')
    .option('--fixture <file>', 'scan a recorded tenant-fixture/1 file')
    .option('--tenant <id|domain>', 'scan a live tenant')
    .option(
      '--profile <profile>',
      'thresholds: cis (CIS Microsoft 365 Foundations) or cisa (CISA SCuBA)',
      'cis',
    )
    .option(
      '--settings <file>',
      'declared settings: break-glass accounts, approved mail apps, approved public groups',
    )
    .option('--json', 'print the scan as JSON')
    .option('--format <format>', 'table or json')
    .option('--out <file>', 'write the output to a file instead of the terminal')
    .option('--fail-on <severity>', 'exit with 3 when a finding of this severity or worse fails')
    .option('--db <file>', 'database file (default: the per-user Breach Ready data folder)')
    .option('--no-store', 'do not save this scan')
    .action(async (options: ScanCommandOptions) => setExit(await scanCommand(options, io)));

  withSignInOptions(program.command('record'))
    .description(
      'Read a live tenant into a tenant-fixture/1 file (secrets removed), to archive or scan later',
    )
    .option('--tenant <id|domain>', 'the live tenant to record')
    .option('--demo', 'record the built-in demo tenant')
    .requiredOption('--out <file>', 'where to write the fixture')
    .action(async (options: RecordCommandOptions) => setExit(await recordCommand(options, io)));

  program
    .command('checks')
    .description('List the checks with their CIS and NIST CSF mappings')
    .option('--json', 'print the full metadata as JSON')
    .option('--out <file>', 'write to a file')
    .action(async (options: { json?: boolean; out?: string }) => {
      const checks = catalogMeta();
      const text = options.json
        ? `${JSON.stringify({ checks }, null, 2)}\n`
        : formatChecksTable(checks);
      if (options.out) await writeOutput(options.out, text);
      else io.stdout.write(text);
      setExit(EXIT.done);
    });

  program
    .command('history')
    .description("List a tenant's saved scans with score, coverage and counts")
    .requiredOption('--tenant <id|domain|name>', 'the tenant')
    .option('--json', 'print as JSON')
    .option('--db <file>', 'database file')
    .action(async (options: { tenant: string; json?: boolean; db?: string }) =>
      setExit(await historyCommand(options, io)),
    );

  program
    .command('diff')
    .description(
      'What changed between two scans: fixed, newly failing, still failing, newly unknown, decisions',
    )
    .argument('<scanA>')
    .argument('<scanB>')
    .option('--json', 'print as JSON')
    .option('--db <file>', 'database file')
    .action(async (a: string, b: string, options: { json?: boolean; db?: string }) =>
      setExit(await diffCommand(a, b, options, io)),
    );

  program
    .command('reevaluate')
    .description("Evaluate a saved scan's evidence again with the current checks, as a new scan")
    .argument('<scan>')
    .option('--profile <profile>', "cis or cisa (default: the scan's profile)")
    .option('--json', 'print as JSON')
    .option('--db <file>', 'database file')
    .action(async (scan: string, options: { profile?: string; json?: boolean; db?: string }) =>
      setExit(await reevaluateCommand(scan, options, io)),
    );

  program
    .command('export')
    .description("Write one tenant's scans, evidence, decisions and progress to a JSON file")
    .requiredOption('--tenant <id|domain|name>', 'the tenant')
    .requiredOption('--out <file>', 'where to write')
    .option('--db <file>', 'database file')
    .action(async (options: { tenant: string; out: string; db?: string }) =>
      setExit(await exportCommand(options, io)),
    );

  program
    .command('import')
    .description(
      'Import a tenant exported on another machine; anything already here is kept and reported',
    )
    .argument('<file>')
    .option('--json', 'print the report as JSON')
    .option('--db <file>', 'database file')
    .action(async (file: string, options: { json?: boolean; db?: string }) =>
      setExit(await importCommand(file, options, io)),
    );

  program
    .command('report')
    .description('Write a report of a saved scan: HTML, PDF, CSV action plan or JSON')
    .requiredOption('--scan <id>', 'the scan (full id or its first 8 characters or more)')
    .requiredOption('--format <format>', 'html, pdf, csv or json')
    .requiredOption('--out <file>', 'where to write the report')
    .option('--db <file>', 'database file')
    .action(async (options: { scan: string; format: string; out: string; db?: string }) =>
      setExit(await reportCommand(options, io)),
    );

  program
    .command('branding')
    .description('Show or set the company name, "prepared by" and logo printed on reports')
    .option('--company <name>', 'your company name')
    .option('--prepared-by <name>', 'who prepares the reports')
    .option('--logo <file>', 'a PNG or JPEG logo, at most 512 KB')
    .option('--no-logo', 'remove the logo')
    .option('--show', 'print the branding')
    .option('--db <file>', 'database file')
    .action(async (options: BrandingCommandOptions) => setExit(await brandingCommand(options, io)));

  program
    .command('delete-tenant')
    .description('Delete a tenant and all its data from this machine')
    .argument('<tenant>')
    .option('--yes', 'confirm')
    .option('--db <file>', 'database file')
    .action(async (tenant: string, options: { yes?: boolean; db?: string }) =>
      setExit(await deleteTenantCommand(tenant, options, io)),
    );

  program
    .command('serve')
    .description('Open Breach Ready in your browser, on this computer only (127.0.0.1)')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--db <file>', 'database file')
    .option('--open', 'open the address in the default browser')
    .option(
      '--client-id <id>',
      'application (client) id of your own Entra app registration (needed for certificate and secret; people can sign in without one)',
    )
    .action(async (options: ServeCommandOptions) => setExit(await serveCommand(options, io)));

  return program;
}

/** Runs the command line; resolves to the process exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.done;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.badUsage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
        return EXIT.done;
      if (error.code === 'commander.help') return EXIT.done;
      return EXIT.badUsage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`breach-ready: ${error.message}\n`);
      return EXIT.badUsage;
    }
    if (error instanceof SignInError) {
      io.stderr.write(`breach-ready: could not sign in: ${error.message}\n`);
      return EXIT.couldNotComplete;
    }
    if (error instanceof StoreError) {
      io.stderr.write(`breach-ready: ${error.message}\n`);
      return EXIT.couldNotComplete;
    }
    if (error instanceof OutputError) {
      io.stderr.write(`breach-ready: ${error.message}\n`);
      return EXIT.couldNotComplete;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`breach-ready: the scan could not complete: ${message}\n`);
    return EXIT.couldNotComplete;
  }
}
