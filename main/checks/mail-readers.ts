import { z } from 'zod';
import type { EvaluationContext } from './check';
import { servicePrincipalsSchema } from './app-shapes';
import { parseOptionalSource } from './source-data';

/**
 * Which apps read mail, as the mailbox access records (MailItemsAccessed) show them: named from the
 * tenant's app list, and sorted into Microsoft's own apps, apps the business approved, and the
 * unexpected ones. Used by LOG-002 (is mail access recorded) and APP-005 (which apps read mail).
 */

/** What the collector keeps of an audit log search (see main/collect/audit-log-query.ts). */
export const auditQuerySchema = z.looseObject({
  status: z.string(),
  recordCount: z.number().int().nonnegative().nullish(),
  morePages: z.boolean().nullish(),
  filterStartDateTime: z.string().nullish(),
  filterEndDateTime: z.string().nullish(),
  sample: z
    .array(
      z.looseObject({
        createdDateTime: z.string().nullish(),
        operation: z.string().nullish(),
        service: z.string().nullish(),
        userPrincipalName: z.string().nullish(),
        appId: z.string().nullish(),
        clientAppId: z.string().nullish(),
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
  apps: z
    .array(
      z.looseObject({
        appId: z.string(),
        records: z.number().int().nonnegative(),
        users: z.number().int().nonnegative().nullish(),
        lastSeen: z.string().nullish(),
      }),
    )
    .nullish(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** Microsoft's own apps that read mail for people (Outlook and the services behind it). */
const MICROSOFT_MAIL_APPS: Readonly<Record<string, string>> = {
  '00000002-0000-0ff1-ce00-000000000000': 'Office 365 Exchange Online',
  '00000003-0000-0000-c000-000000000000': 'Microsoft Graph',
  'd3590ed6-52b3-4102-aeff-aad2292ab01c': 'Microsoft Office (Outlook desktop)',
  '27922004-5251-4030-b22d-91ecd9a37ea4': 'Outlook Mobile',
  '9199bf20-a13f-4107-85dc-02114787ef48': 'Outlook on the web',
  '5d661950-3475-41cd-a2c3-d671a3162bc1': 'Outlook (new Outlook for Windows)',
  '00000006-0000-0ff1-ce00-000000000000': 'Microsoft Office 365 Portal',
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264': 'Microsoft Teams',
  '4765445b-32c6-49b0-83e6-1d93765276ca': 'OfficeHome',
};

/** Tenants that publish Microsoft's own apps. */
const MICROSOFT_TENANTS = new Set([
  'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
  '72f988bf-86f1-41af-91ab-2d7cd011db47',
  '33e01921-4d64-4f8c-a055-5bdaffd5e33d',
]);

export interface MailReader {
  readonly appId: string;
  readonly name: string;
  readonly records: number;
  readonly users?: number | null;
  readonly lastSeen?: string | null;
  readonly kind: 'microsoft' | 'approved' | 'unexpected';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Apps seen reading mail in a search's records, named and sorted: unexpected first. */
export function mailReaders(ctx: EvaluationContext, search: AuditQuery): MailReader[] {
  const seen =
    search.apps ??
    [...new Set(search.sample.flatMap((s) => [s.appId, s.clientAppId]).filter((v) => !!v))].map(
      (appId) => ({ appId: appId!, records: 1, users: null, lastSeen: null }),
    );
  const sps = parseOptionalSource(ctx, 'servicePrincipals', servicePrincipalsSchema) ?? [];
  const byAppId = new Map(
    sps.filter((sp) => sp.appId).map((sp) => [sp.appId!.toLowerCase(), sp] as const),
  );
  const approved = new Set(ctx.settings.approvedMailApps.map((a) => a.toLowerCase()));
  const readers = seen.map((app): MailReader => {
    const appId = app.appId.toLowerCase();
    const sp = byAppId.get(appId);
    const microsoft =
      appId in MICROSOFT_MAIL_APPS ||
      (sp?.appOwnerOrganizationId !== undefined &&
        sp.appOwnerOrganizationId !== null &&
        MICROSOFT_TENANTS.has(sp.appOwnerOrganizationId.toLowerCase()));
    return {
      appId,
      name: sp?.displayName ?? MICROSOFT_MAIL_APPS[appId] ?? appId,
      records: app.records,
      users: app.users ?? null,
      lastSeen: app.lastSeen ?? null,
      kind: approved.has(appId) ? 'approved' : microsoft ? 'microsoft' : 'unexpected',
    };
  });
  const order = { unexpected: 0, approved: 1, microsoft: 2 } as const;
  return readers.sort((a, b) => order[a.kind] - order[b.kind] || b.records - a.records);
}

/**
 * The apps the mailbox access search of this scan saw reading mail; `undefined` when that search
 * was not read or did not finish (the caller then says so, and never treats it as "no readers").
 */
export function recordedMailReaders(ctx: EvaluationContext): MailReader[] | undefined {
  const search = parseOptionalSource(ctx, 'mailItemsAccessed', auditQuerySchema);
  if (!search || search.status !== 'succeeded' || typeof search.recordCount !== 'number') {
    return undefined;
  }
  return mailReaders(ctx, search);
}

/** "21 mail access records, 3 mailboxes, last 2026-11-20". */
export function readingSummary(reader: MailReader): string {
  return [
    plural(reader.records, 'mail access record'),
    ...(reader.users ? [plural(reader.users, 'mailbox', 'mailboxes')] : []),
    ...(reader.lastSeen ? [`last ${reader.lastSeen.slice(0, 10)}`] : []),
  ].join(', ');
}
