import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanJson } from '../shared/models/scan-json';
import { catalogMeta } from '../main/checks/catalog';
import { buildReportModel } from '../main/report/build-report-model';
import { csvRows } from '../main/report/render-csv';
import { Store } from '../main/store/store';
import { ROOT, runCli } from './helpers/run-cli';
import { solidPng } from './helpers/solid-png';

const dir = mkdtempSync(join(tmpdir(), 'breach-ready-report-'));
const db = join(dir, 'breach-ready.db');
const RESULTS = join(ROOT, 'test-results');
const file = (format: string) => join(dir, `report.${format}`);

function scan(): ScanJson {
  const { code, stdout, stderr } = runCli(['scan', '--demo', '--json', '--db', db]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as ScanJson;
}

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(db);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const hasPoppler = ['pdftotext', 'pdftoppm'].every(
  (tool) => spawnSync(tool, ['-v'], { encoding: 'utf8' }).error === undefined,
);
if (!hasPoppler)
  console.warn(
    'Skipping the PDF text and image tests: pdftotext/pdftoppm (poppler-utils) are not installed.',
  );

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!CHROMIUM) console.warn('Skipping the HTML accessibility test: Chromium is not installed.');

function pdfText(path: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  const result = spawnSync('pdftotext', ['-layout', ...range, path, '-'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout;
}

let second: ScanJson;

beforeAll(() => {
  const first = scan();
  return withStore(async (store) => {
    const now = new Date();
    await store.setDecision(
      first.tenant.id,
      'CA-002',
      {
        kind: 'risk_accepted',
        reason: 'The front-desk scanner cannot do MFA until it is replaced',
        owner: 'Dr Amelia Shaw',
        expiresAt: '2027-03-31',
      },
      'tech@northwind-it.example',
      now,
    );
    await store.setDecision(
      first.tenant.id,
      'SPO-004',
      { kind: 'planned', dueDate: '2026-12-19', owner: 'Office manager' },
      'tech@northwind-it.example',
      now,
    );
  }).then(() => {
    const logo = join(dir, 'logo.png');
    writeFileSync(logo, solidPng(120, 40, [11, 79, 138]));
    const branded = runCli([
      'branding',
      '--company',
      'Northwind IT',
      '--prepared-by',
      'Alex Kim',
      '--logo',
      logo,
      '--db',
      db,
    ]);
    expect(branded.code).toBe(0);
    second = scan();
    for (const format of ['html', 'pdf', 'csv', 'json']) {
      const out = runCli([
        'report',
        '--scan',
        second.scan.id,
        '--format',
        format,
        '--out',
        file(format),
        '--db',
        db,
      ]);
      expect(out.stderr).toMatch(/Wrote the .* report/);
      expect(out.code).toBe(0);
    }
  });
}, 60_000);

describe('reports from the command line, after two demo scans and a decision', () => {
  it('JSON is the documented scan JSON, with the decision', () => {
    const json = JSON.parse(readFileSync(file('json'), 'utf8')) as ScanJson;
    expect(json.scan.id).toBe(second.scan.id);
    expect(json.tenant).toEqual(second.tenant);
    expect(json.findings.map((f) => [f.checkId, f.verdict])).toEqual(
      second.findings.map((f) => [f.checkId, f.verdict]),
    );
    expect(json.findings.find((f) => f.checkId === 'CA-002')?.decision).toMatchObject({
      kind: 'risk_accepted',
      owner: 'Dr Amelia Shaw',
    });
  });

  it('HTML is one self-contained file that loads nothing from elsewhere', () => {
    const html = readFileSync(file('html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(iframe|object|embed|video|audio|source)\b/i);
    expect(html).not.toMatch(/\b(src|srcset|poster)\s*=\s*(?!["']?data:)/i);
    expect(html).not.toMatch(/url\(|@import/i);
    // Links for the reader are fine; they are plain https links to documentation.
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\//);
    expect(html).toMatch(/<img src="data:image\/png;base64,/);
    for (const heading of [
      'Executive summary',
      'The three biggest risks',
      'Since the last visit',
      'Could you investigate a breach?',
      'Decisions taken',
      'Action plan',
      'Framework views',
      'Method',
    ])
      expect(html).toContain(heading);
    expect(html).toContain('Risk accepted by Dr Amelia Shaw until 2027-03-31');
    expect(html).toContain('Prepared by Alex Kim, Northwind IT');
  });

  it('CSV parses back to the same rows, opens cleanly in Excel, and carries no formulas', async () => {
    const bytes = readFileSync(file('csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    expect(text.endsWith('\r\n')).toBe(true);
    // Records end with CRLF; line breaks inside a cell stay inside its quotes.
    const rows = parse(text, { record_delimiter: '\r\n' }) as string[][];
    const model = await withStore((store) =>
      buildReportModel({ store, scanId: second.scan.id, checks: catalogMeta(), now: new Date() }),
    );
    expect(rows).toEqual(csvRows(model));
    const failing = second.findings.filter((f) => f.verdict === 'fail' || f.verdict === 'warn');
    expect(rows).toHaveLength(1 + failing.length);
    expect(rows.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    expect(rows.flat().some((cell) => /<[a-z]/i.test(cell))).toBe(false);
    const accepted = rows.find((r) => r[1] === 'CA-002')!;
    expect(accepted[9]).toBe('Dr Amelia Shaw');
    const planned = rows.find((r) => r[1] === 'SPO-004')!;
    expect(planned.slice(9, 11)).toEqual(['Office manager', '2026-12-19']);
  });

  it.skipIf(!hasPoppler)(
    'PDF is real text: the executive summary first, page numbers, bookmarks',
    () => {
      const pdf = readFileSync(file('pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1')).toContain('/Outlines');
      const info = spawnSync('pdfinfo', ['-struct', file('pdf')], { encoding: 'utf8' });
      // Tagged for screen readers: headings, lists and tables in reading order.
      expect(info.stdout).toMatch(/^Document\n {2}Figure\n/);
      for (const tag of ['H1 (block)', 'H2 (block)', 'LBody (block)', 'TH'])
        expect(info.stdout).toContain(tag);
      const all = pdfText(file('pdf'));
      const pages = Number(/Page 1 of (\d+)/.exec(all)?.[1]);
      expect(pages).toBeGreaterThan(5);
      for (let n = 1; n <= pages; n += 1) expect(all).toContain(`Page ${n} of ${pages}`);
      const first = pdfText(file('pdf'), 1);
      for (const heading of [
        'Security check-up: Contoso Dental',
        'Executive summary',
        'The three biggest risks',
        'Since the last visit',
        'Could you investigate a breach?',
        'Decisions taken',
      ])
        expect(first).toContain(heading);
      expect(first).toContain('Prepared by Alex Kim, Northwind IT');
      expect(first).toMatch(/Risk accepted by Dr Amelia Shaw until\s+2027-03-31/);
      expect(first).not.toContain('Details of every check');
      expect(all).toContain('Action plan');
      expect(all).toContain('Coverage is not compliance.');
    },
  );

  it.skipIf(!hasPoppler)('PDF pages render to images: page 1 and a findings page', () => {
    mkdirSync(RESULTS, { recursive: true });
    const pages = Number(/Page 1 of (\d+)/.exec(pdfText(file('pdf')))?.[1]);
    let findingsPage = 0;
    for (let n = 2; n <= pages && !findingsPage; n += 1)
      if (pdfText(file('pdf'), n).includes('Details of every check')) findingsPage = n;
    expect(findingsPage).toBeGreaterThan(1);
    for (const [page, name] of [
      [1, 'report-page-1'],
      [findingsPage, 'report-findings-page'],
    ] as const) {
      const prefix = join(RESULTS, name);
      const result = spawnSync(
        'pdftoppm',
        [
          '-r',
          '60',
          '-png',
          '-singlefile',
          '-f',
          String(page),
          '-l',
          String(page),
          file('pdf'),
          prefix,
        ],
        { encoding: 'utf8' },
      );
      expect(result.stderr).toBe('');
      const png = readFileSync(`${prefix}.png`);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // A4 at 60 dpi.
      expect(Math.abs(png.readUInt32BE(16) - 496)).toBeLessThanOrEqual(1);
      expect(Math.abs(png.readUInt32BE(20) - 702)).toBeLessThanOrEqual(1);
    }
  });
});

describe('the HTML report in a browser', () => {
  it.skipIf(!CHROMIUM)(
    'loads nothing from the network and passes an automated accessibility check',
    async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
      try {
        const context = await browser.newContext({ bypassCSP: true });
        const page = await context.newPage();
        const requests: string[] = [];
        page.on('request', (r) => requests.push(r.url()));
        await page.goto(`file://${file('html')}`);
        expect(
          requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:')),
        ).toEqual([]);
        const headings = await page.$$eval('h1, h2', (els) =>
          els.map((h) => `${h.tagName} ${h.textContent}`),
        );
        expect(headings.slice(0, 3)).toEqual([
          'H1 Security check-up: Contoso Dental',
          'H2 Executive summary',
          'H2 Action plan',
        ]);
        await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run: (o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
              };
            }
          ).axe;
          const result = await axe.run({ runOnly: ['wcag2a', 'wcag2aa'] });
          return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});

describe('clear errors', () => {
  it('an unknown scan', () => {
    const out = runCli([
      'report',
      '--scan',
      'no-such-scan',
      '--format',
      'pdf',
      '--out',
      file('x'),
      '--db',
      db,
    ]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/no scan "no-such-scan"/);
  });

  it('an unknown format', () => {
    const out = runCli([
      'report',
      '--scan',
      second.scan.id,
      '--format',
      'docx',
      '--out',
      file('x'),
      '--db',
      db,
    ]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--format must be one of html, pdf, csv, json/);
  });

  it('a folder that does not exist', () => {
    const out = runCli([
      'report',
      '--scan',
      second.scan.id.slice(0, 8),
      '--format',
      'html',
      '--out',
      join(dir, 'missing', 'report.html'),
      '--db',
      db,
    ]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/report\.html: the folder .*missing does not exist/);
  });

  it('a logo that is not an image, and one that is missing', () => {
    const fake = join(dir, 'logo.gif');
    writeFileSync(fake, 'GIF89a not really');
    const bad = runCli(['branding', '--logo', fake, '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/logo\.gif: the logo must be a PNG or JPEG image/);
    const missing = runCli(['branding', '--logo', join(dir, 'nope.png'), '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.png: file not found/);
  });

  it('branding can be shown and the logo removed', () => {
    const shown = runCli(['branding', '--show', '--db', db]);
    expect(shown.stdout).toMatch(/Company: +Northwind IT/);
    expect(shown.stdout).toMatch(/Logo: +image\/png/);
    expect(runCli(['branding', '--no-logo', '--db', db]).code).toBe(0);
    expect(runCli(['branding', '--show', '--db', db]).stdout).toMatch(/Logo: +\(none\)/);
  });
});
