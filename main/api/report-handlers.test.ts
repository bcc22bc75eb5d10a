import { afterEach, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from '../../test/helpers/api-service';
import { dispatch } from './dispatch';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const call = (method: string, payload: unknown = {}) =>
  dispatch(api!.service.handlers, method, payload, api!.context);

// The smallest valid PNG: 1×1 transparent pixel.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('api handlers: reports and branding', () => {
  it('creates a report of a finished demo scan, ready to download', async () => {
    api = await openTestApi();
    const started = await call('scan.start', { target: { kind: 'demo' }, profile: 'cis' });
    if (!started.ok) throw new Error(started.error.message);
    const { scanId } = started.value as { scanId: string };
    expect(await api.scanEnd(scanId)).toMatchObject({ type: 'finished' });

    const report = await call('reports.create', { scanId, format: 'json' });
    expect(report).toMatchObject({
      ok: true,
      value: { mimeType: 'application/json', fileName: expect.stringMatching(/\.json$/) },
    });
    const value = (report as { value: { contentBase64: string } }).value;
    const parsed = JSON.parse(
      Buffer.from(value.contentBase64, 'base64').toString('utf8'),
    ) as object;
    expect(JSON.stringify(parsed)).toContain(scanId);

    const html = await call('reports.create', { scanId, format: 'html' });
    expect(html).toMatchObject({
      ok: true,
      value: { mimeType: expect.stringMatching(/^text\/html/) },
    });
    expect(await call('reports.create', { scanId: 'missing', format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('keeps branding, and refuses a logo that is not a real image in plain words', async () => {
    api = await openTestApi();
    expect(await call('branding.get')).toEqual({
      ok: true,
      value: { companyName: '', preparedBy: '' },
    });
    const branding = { companyName: 'Northwind IT', preparedBy: 'Sam Lee', logoDataUrl: PNG };
    expect(await call('branding.set', branding)).toEqual({ ok: true, value: null });
    expect(await call('branding.get')).toEqual({ ok: true, value: branding });
    const fake = await call('branding.set', {
      companyName: 'X',
      preparedBy: '',
      logoDataUrl: 'data:image/png;base64,aGVsbG8=',
    });
    expect(fake).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await call('branding.set', { companyName: 'Northwind IT' })).toEqual({
      ok: true,
      value: null,
    });
    expect(await call('branding.get')).toEqual({
      ok: true,
      value: { companyName: 'Northwind IT', preparedBy: '' },
    });
  });
});
