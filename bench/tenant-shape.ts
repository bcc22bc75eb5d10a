import type { TenantFixture } from '../shared/fixture/tenant-fixture';
import { bucketOf, type ThrottleBucket } from '../shared/graph/throttle-limits';
import { SOURCE_REQUESTS } from '../main/collect/source-requests';
import { pageSize } from '../main/sim/odata';

/** One Graph source of a scan, as the data of a tenant makes it. */
export interface SourceShape {
  readonly key: string;
  readonly bucket: ThrottleBucket;
  /** Items the read returns. */
  readonly items: number;
  /** Pages the scan's query needs (its `$top`), and pages at Graph's default page size. */
  readonly pages: number;
  readonly defaultPages: number;
}

/** Every Graph source a scan reads, with its item and page counts in this fixture. */
export function tenantShape(fixture: TenantFixture): SourceShape[] {
  const out: SourceShape[] = [];
  for (const request of Object.values(SOURCE_REQUESTS)) {
    if (request.kind !== 'graph') continue;
    const query =
      typeof request.query === 'function'
        ? request.query(new Date(fixture.recordedAt ?? Date.now()))
        : request.query;
    const key = `GET /${query?.version ?? 'v1.0'}${request.path}`;
    const stored = fixture.graph[key];
    const value = (stored?.body as { value?: unknown } | undefined)?.value;
    const items = stored && stored.status < 300 && Array.isArray(value) ? value.length : 0;
    const many = request.shape === 'collection';
    out.push({
      key,
      bucket: bucketOf(request.path),
      items,
      pages: many ? Math.max(1, Math.ceil(items / pageSize(query?.top))) : 1,
      defaultPages: many ? Math.max(1, Math.ceil(items / pageSize(undefined))) : 1,
    });
  }
  return out;
}
