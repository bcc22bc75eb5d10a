import { readFile } from 'node:fs/promises';
import { diffScans } from '../../shared/history/scan-diff';
import { isProfile } from '../../shared/models/profile';
import { CHECKS } from '../checks/catalog';
import { toScanJson } from '../engine/scan';
import { reevaluateScan } from '../engine/scan-record';
import { exportTenant, importTenant } from '../store/bundle';
import type { ScanSummary, Store } from '../store/store';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { formatScanTable } from './format-table';
import { withStore } from './open-cli-store';
import { writeOutput } from './write-output';

async function tenantOrFail(store: Store, key: string) {
  const tenant = await store.findTenant(key);
  if (!tenant)
    throw new UsageError(
      `no tenant "${key}" in this database (use its id, default domain or name)`,
    );
  return tenant;
}

/** A scan by full id or a unique prefix of at least 8 characters. */
async function scanOrFail(store: Store, key: string): Promise<ScanSummary> {
  const exact = await store.getScan(key);
  if (exact) return exact;
  if (key.length >= 8) {
    const rows = await store.db.all<{ id: string }>(
      'SELECT id FROM scans WHERE id LIKE ? LIMIT 2',
      [`${key}%`],
    );
    if (rows.length === 1) return (await store.getScan(rows[0]!.id))!;
    if (rows.length > 1)
      throw new UsageError(`"${key}" matches more than one scan; give more of the id`);
  }
  throw new UsageError(`no scan "${key}" in this database`);
}

const title = (id: string) => CHECKS.find((c) => c.id === id)?.title ?? id;

export async function historyCommand(
  options: { tenant: string; json?: boolean; db?: string },
  io: CliIo,
): Promise<number> {
  return withStore(options.db, io, async (store) => {
    const tenant = await tenantOrFail(store, options.tenant);
    const scans = await store.listScans(tenant.id);
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ tenant, scans }, null, 2)}\n`);
      return EXIT.done;
    }
    const lines = [`${tenant.displayName} (${tenant.defaultDomain}): ${scans.length} scan(s)`, ''];
    lines.push(
      [
        'STARTED'.padEnd(16),
        'STATUS'.padEnd(11),
        'PROF',
        'SCORE',
        'ASSESSED',
        'FAIL',
        'PART',
        'PASS',
        '??',
        'SCAN',
      ].join('  '),
    );
    for (const s of scans) {
      lines.push(
        [
          s.startedAt.slice(0, 16).replace('T', ' '),
          s.status.padEnd(11),
          s.profile.padEnd(4),
          (s.score === null ? '-' : s.score.toFixed(1)).padStart(5),
          (s.coverage ? `${s.coverage.assessed}/${s.coverage.total}` : '-').padStart(8),
          String(s.counts?.fail ?? '-').padStart(4),
          String(s.counts?.warn ?? '-').padStart(4),
          String(s.counts?.pass ?? '-').padStart(4),
          String(s.counts?.unknown ?? '-').padStart(2),
          `${s.id}${s.reevaluatedFrom ? ` (re-evaluated from ${s.reevaluatedFrom.slice(0, 8)})` : ''}`,
        ].join('  '),
      );
    }
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.done;
  });
}

export async function diffCommand(
  a: string,
  b: string,
  options: { json?: boolean; db?: string },
  io: CliIo,
): Promise<number> {
  return withStore(options.db, io, async (store) => {
    const [scanA, scanB] = [await scanOrFail(store, a), await scanOrFail(store, b)];
    if (scanA.tenantId !== scanB.tenantId)
      throw new UsageError('the two scans belong to different tenants');
    const [earlier, later] = scanA.startedAt <= scanB.startedAt ? [scanA, scanB] : [scanB, scanA];
    const diff = diffScans(await store.findings(earlier.id), await store.findings(later.id));
    const since = earlier.finishedAt ?? earlier.startedAt;
    const until = later.finishedAt ?? later.startedAt;
    const changedDecisions = (await store.decisionAudit(earlier.tenantId)).filter(
      (e) => e.at > since && e.at <= until,
    );
    const result = {
      earlier: earlier.id,
      later: later.id,
      score: { earlier: earlier.score, later: later.score },
      ...diff,
      changedDecisions,
    };
    if (options.json) {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT.done;
    }
    const section = (label: string, ids: readonly string[]) =>
      ids.length
        ? [`${label} (${ids.length}):`, ...ids.map((id) => `  ${id}  ${title(id)}`)]
        : [`${label}: none`];
    const lines = [
      `Score: ${earlier.score ?? '-'} → ${later.score ?? '-'}`,
      ...section('Fixed', diff.fixed),
      ...section('Newly failing', diff.newlyFailing),
      ...section('Still failing', diff.stillFailing),
      ...section('Newly could not check', diff.newlyUnknown),
      changedDecisions.length
        ? `Decisions changed (${changedDecisions.length}):\n${changedDecisions.map((d) => `  ${d.checkId}  ${d.action} by ${d.actor} at ${d.at}`).join('\n')}`
        : 'Decisions changed: none',
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.done;
  });
}

export async function reevaluateCommand(
  scanId: string,
  options: { profile?: string; json?: boolean; db?: string },
  io: CliIo,
): Promise<number> {
  if (options.profile && !isProfile(options.profile))
    throw new UsageError('--profile must be "cis" or "cisa"');
  return withStore(options.db, io, async (store) => {
    const scan = await scanOrFail(store, scanId);
    const saved = await reevaluateScan(store, scan.id, {
      now: new Date(),
      ...(options.profile && isProfile(options.profile) ? { profile: options.profile } : {}),
    });
    if (!saved) throw new UsageError(`scan ${scan.id} has no stored evidence to evaluate again`);
    const json = toScanJson(saved.result, undefined, saved.decisions);
    io.stdout.write(options.json ? `${JSON.stringify(json, null, 2)}\n` : formatScanTable(json));
    io.stderr.write(`Saved as scan ${saved.result.id} (re-evaluated from ${scan.id})\n`);
    return EXIT.done;
  });
}

export async function exportCommand(
  options: { tenant: string; out: string; db?: string },
  io: CliIo,
): Promise<number> {
  return withStore(options.db, io, async (store) => {
    const tenant = await tenantOrFail(store, options.tenant);
    const bundle = await exportTenant(store, tenant.id, new Date());
    await writeOutput(options.out, `${JSON.stringify(bundle)}\n`);
    io.stderr.write(
      `Exported ${tenant.displayName}: ${bundle.scans.length} scan(s) to ${options.out}\n`,
    );
    return EXIT.done;
  });
}

export async function importCommand(
  file: string,
  options: { json?: boolean; db?: string },
  io: CliIo,
): Promise<number> {
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `${file}: file not found` : `${file}: not a readable JSON export`,
    );
  }
  return withStore(options.db, io, async (store) => {
    const report = await importTenant(store, input);
    if (options.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      io.stdout.write(`Imported ${report.scansImported} scan(s) for tenant ${report.tenantId}.\n`);
      for (const c of report.conflicts) io.stdout.write(`Conflict: ${c}\n`);
    }
    return EXIT.done;
  });
}

export async function deleteTenantCommand(
  key: string,
  options: { yes?: boolean; db?: string },
  io: CliIo,
): Promise<number> {
  return withStore(options.db, io, async (store) => {
    const tenant = await tenantOrFail(store, key);
    if (!options.yes) {
      throw new UsageError(
        `this deletes every scan, decision and note of ${tenant.displayName}; add --yes to confirm`,
      );
    }
    await store.deleteTenant(tenant.id);
    io.stdout.write(`Deleted ${tenant.displayName} (${tenant.id}) and all its data.\n`);
    return EXIT.done;
  });
}
