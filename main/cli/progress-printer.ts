import type { ScanProgress } from '../engine/scan';
import type { CliIo } from './cli-io';

/** Progress of a scan or a recording on the terminal; nothing when stderr is not a terminal. */
export function progressPrinter(io: CliIo): ((event: ScanProgress) => void) | undefined {
  if (!io.stderr.isTTY) return undefined;
  return (event) => {
    if (event.type === 'signing-in') io.stderr.write(`Signing in (${event.description})…\n`);
    if (event.type === 'source-finished') {
      io.stderr.write(
        `  [${event.done}/${event.total}] ${event.label}: ${event.ok ? 'read' : 'could not be read'}\n`,
      );
    }
    if (event.type === 'waiting') io.stderr.write(`  ${event.label}: waiting ${event.seconds} s\n`);
    if (event.type === 'evaluating') io.stderr.write(`Evaluating ${event.checks} checks…\n`);
  };
}
