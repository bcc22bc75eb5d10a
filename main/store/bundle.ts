import { z } from 'zod';
import type { Store } from './store';
import { StoreError } from './store-error';

/** One tenant's data as a single JSON document, to move it to another machine. */
const bundleSchema = z.object({
  format: z.literal('breach-ready-tenant/1'),
  exportedAt: z.string(),
  tenant: z.object({
    id: z.string().min(1),
    display_name: z.string(),
    default_domain: z.string(),
    settings_json: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  scans: z.array(
    z.object({
      row: z.record(z.string(), z.unknown()),
      snapshot: z.object({ encoding: z.string(), data: z.string() }).nullable(),
      findings: z.array(z.record(z.string(), z.unknown())),
    }),
  ),
  progress: z.array(z.record(z.string(), z.unknown())),
  notes: z.array(z.record(z.string(), z.unknown())),
  decisions: z.array(z.record(z.string(), z.unknown())),
  decisionAudit: z.array(z.record(z.string(), z.unknown())),
});
export type TenantBundle = z.infer<typeof bundleSchema>;

export interface ImportReport {
  readonly tenantId: string;
  readonly scansImported: number;
  /** Things already present here that differ: reported, never overwritten. */
  readonly conflicts: readonly string[];
}

type Row = Record<string, unknown>;

export async function exportTenant(
  store: Store,
  tenantId: string,
  now: Date,
): Promise<TenantBundle> {
  const db = store.db;
  const tenant = await db.get<TenantBundle['tenant']>('SELECT * FROM tenants WHERE id = ?', [
    tenantId,
  ]);
  if (!tenant) throw new StoreError(`No tenant ${tenantId} in this database.`, 'not_found');
  const scans = await db.all<Row>('SELECT * FROM scans WHERE tenant_id = ? ORDER BY started_at', [
    tenantId,
  ]);
  const out: TenantBundle['scans'] = [];
  for (const row of scans) {
    const snap = await db.get<{ encoding: string; data: Buffer }>(
      'SELECT encoding, data FROM snapshots WHERE scan_id = ?',
      [row.id as string],
    );
    const findings = await db.all<Row>('SELECT * FROM findings WHERE scan_id = ? ORDER BY rowid', [
      row.id as string,
    ]);
    out.push({
      row: { ...row, pid: null },
      snapshot: snap ? { encoding: snap.encoding, data: snap.data.toString('base64') } : null,
      findings: findings.map(({ scan_id: _s, ...f }) => f),
    });
  }
  const rows = (table: string) =>
    db.all<Row>(`SELECT * FROM ${table} WHERE tenant_id = ?`, [tenantId]);
  return {
    format: 'breach-ready-tenant/1',
    exportedAt: now.toISOString(),
    tenant,
    scans: out,
    progress: await rows('progress'),
    notes: await rows('notes'),
    decisions: await rows('decisions'),
    decisionAudit: (await rows('decision_audit')).map(({ id: _id, ...r }) => r),
  };
}

function columns(row: Row): {
  names: string;
  marks: string;
  values: (string | number | null | Buffer)[];
} {
  const keys = Object.keys(row);
  return {
    names: keys.join(', '),
    marks: keys.map(() => '?').join(', '),
    values: keys.map((k) => row[k] as string | number | null),
  };
}

const SAFE_COLUMN = /^[a-z_]+$/;

/** Imports a bundle; anything already here is kept and reported as a conflict. One transaction. */
export async function importTenant(store: Store, input: unknown): Promise<ImportReport> {
  const parsed = bundleSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoreError(
      `Not a Breach Ready export: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      'conflict',
    );
  }
  const bundle = parsed.data;
  const everyRow = [
    bundle.tenant,
    ...bundle.scans.flatMap((s) => [s.row, ...s.findings]),
    ...bundle.progress,
    ...bundle.notes,
    ...bundle.decisions,
    ...bundle.decisionAudit,
  ];
  for (const row of everyRow) {
    if (!Object.keys(row).every((k) => SAFE_COLUMN.test(k)))
      throw new StoreError('The export file has unexpected fields.', 'conflict');
  }
  const db = store.db;
  const conflicts: string[] = [];
  let scansImported = 0;
  const tenantId = bundle.tenant.id;
  await db.transaction(async () => {
    const existing = await db.get<Row>('SELECT * FROM tenants WHERE id = ?', [tenantId]);
    if (!existing) {
      const c = columns(bundle.tenant);
      await db.run(`INSERT INTO tenants (${c.names}) VALUES (${c.marks})`, c.values);
    } else if (existing.settings_json !== bundle.tenant.settings_json) {
      conflicts.push('tenant settings differ; kept the settings on this machine');
    }
    for (const scan of bundle.scans) {
      const id = String(scan.row.id);
      if (scan.row.tenant_id !== tenantId)
        throw new StoreError(`Scan ${id} belongs to another tenant.`, 'conflict');
      if (await db.get('SELECT 1 FROM scans WHERE id = ?', [id])) {
        conflicts.push(`scan ${id} already exists; kept the one on this machine`);
        continue;
      }
      const status = scan.row.status === 'running' ? 'interrupted' : scan.row.status;
      const c = columns({ ...scan.row, status, pid: null });
      await db.run(`INSERT INTO scans (${c.names}) VALUES (${c.marks})`, c.values);
      if (scan.snapshot) {
        await db.run('INSERT INTO snapshots (scan_id, encoding, data) VALUES (?, ?, ?)', [
          id,
          scan.snapshot.encoding,
          Buffer.from(scan.snapshot.data, 'base64'),
        ]);
      }
      for (const f of scan.findings) {
        const c2 = columns({ scan_id: id, ...f });
        await db.run(`INSERT INTO findings (${c2.names}) VALUES (${c2.marks})`, c2.values);
      }
      scansImported += 1;
    }
    for (const d of bundle.decisions) {
      const here = await db.get<Row>(
        'SELECT * FROM decisions WHERE tenant_id = ? AND check_id = ?',
        [tenantId, String(d.check_id)],
      );
      if (here) {
        const same = ['kind', 'reason', 'owner', 'due_date', 'expires_at'].every(
          (k) => here[k] === d[k],
        );
        if (!same)
          conflicts.push(`decision on ${String(d.check_id)} differs; kept the one on this machine`);
        continue;
      }
      const c = columns({ ...d, tenant_id: tenantId });
      await db.run(`INSERT INTO decisions (${c.names}) VALUES (${c.marks})`, c.values);
    }
    for (const p of bundle.progress) {
      const c = columns({ ...p, tenant_id: tenantId });
      await db.run(`INSERT OR IGNORE INTO progress (${c.names}) VALUES (${c.marks})`, c.values);
    }
    for (const n of bundle.notes) {
      const here = await db.get<Row>(
        'SELECT text FROM notes WHERE tenant_id = ? AND check_id = ?',
        [tenantId, String(n.check_id)],
      );
      if (here && here.text !== n.text)
        conflicts.push(`note on ${String(n.check_id)} differs; kept the one on this machine`);
      if (here) continue;
      const c = columns({ ...n, tenant_id: tenantId });
      await db.run(`INSERT INTO notes (${c.names}) VALUES (${c.marks})`, c.values);
    }
    for (const a of bundle.decisionAudit) {
      const dup = await db.get(
        'SELECT 1 FROM decision_audit WHERE tenant_id = ? AND check_id = ? AND at = ? AND action = ?',
        [tenantId, String(a.check_id), String(a.at), String(a.action)],
      );
      if (dup) continue;
      const c = columns({ ...a, tenant_id: tenantId });
      await db.run(`INSERT INTO decision_audit (${c.names}) VALUES (${c.marks})`, c.values);
    }
  });
  return { tenantId, scansImported, conflicts };
}
