import { describe, expect, it } from 'vitest';
import { CHECK_FAMILIES } from '../../shared/models/check';
import { validateMappings } from '../../shared/models/framework';
import { SEVERITIES } from '../../shared/models/severity';
import { SOURCE_ERROR_KINDS } from '../../shared/models/snapshot';
import { isSourceId, SOURCE_IDS, SOURCES, type SourceId } from '../../shared/models/sources';
import { UNKNOWN_REASONS } from '../../shared/models/verdict';
import { catalogMeta, CHECKS, evaluateAll, sourcesNeeded } from './catalog';
import {
  allSourcesFailed,
  caPolicy,
  COLLECTION_SOURCES,
  ctx,
  ENTITY_SOURCES,
  REASON_CODE_FOR,
  snapshotWith,
  type SourceData,
} from './test-snapshot';

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
const isHttps = (url: string) => /^https:\/\/[^\s/]+\.[^\s/]+/.test(url);

const byCheck = CHECKS.map((c) => [c.id, c] as const);

describe('catalog invariants', () => {
  it('has at least 12 checks with unique, well-formed ids', () => {
    expect(CHECKS.length).toBeGreaterThanOrEqual(12);
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z]+-\d{3}$/);
  });

  it.each(byCheck)(
    '%s: id prefix is its family, a known family, and a known severity',
    (id, check) => {
      expect(Object.keys(CHECK_FAMILIES)).toContain(check.family);
      expect(id.split('-')[0]).toBe(check.family);
      expect(SEVERITIES).toContain(check.severity);
      expect(check.title.trim()).not.toBe('');
    },
  );

  it.each(byCheck)('%s: framework mappings are present and well-formed', (_id, check) => {
    expect(check.mappings.nistCsf.length).toBeGreaterThan(0);
    expect(check.mappings.cisControls.length).toBeGreaterThan(0);
    expect(validateMappings(check.mappings)).toEqual([]);
  });

  it.each(byCheck)('%s: content stays within its bounds', (_id, check) => {
    const { content } = check;
    expect(words(content.why)).toBeGreaterThanOrEqual(15);
    expect(words(content.why)).toBeLessThanOrEqual(60);
    expect(content.steps.length).toBeGreaterThanOrEqual(2);
    for (const step of content.steps) {
      expect(step.text.trim()).not.toBe('');
      if (step.link) expect(isHttps(step.link.url)).toBe(true);
    }
    expect(content.steps.some((s) => s.link && isHttps(s.link.url))).toBe(true);
    expect(content.verify.trim()).not.toBe('');
    expect(content.userImpact.trim()).not.toBe('');
    expect(Number.isInteger(content.effortMinutes)).toBe(true);
    expect(content.effortMinutes).toBeGreaterThanOrEqual(1);
    expect(content.effortMinutes).toBeLessThanOrEqual(480);
    expect(content.learnMore.length).toBeGreaterThan(0);
    for (const link of content.learnMore) {
      expect(isHttps(link.url)).toBe(true);
      expect(link.label.trim()).not.toBe('');
    }
  });

  it.each(byCheck)(
    '%s: reads only known sources and lists the permission of each required one',
    (_id, check) => {
      // Conditional Access checks read their policies as optional: a licence refusal means "not applicable".
      expect(check.requires.length + (check.uses?.length ?? 0)).toBeGreaterThan(0);
      for (const source of [...check.requires, ...(check.uses ?? [])])
        expect(isSourceId(source)).toBe(true);
      for (const source of check.requires) {
        expect(check.uses ?? []).not.toContain(source);
        expect(check.permissions).toContain(SOURCES[source].permission);
      }
    },
  );

  it.each(byCheck)(
    '%s: profile-dependent thresholds are described for both profiles',
    (_id, check) => {
      if (!check.thresholds) return;
      expect(check.thresholds.cis.trim()).not.toBe('');
      expect(check.thresholds.cisa.trim()).not.toBe('');
      expect(check.thresholds.cis).not.toBe(check.thresholds.cisa);
    },
  );

  it('describes thresholds on the checks whose verdict depends on the profile', () => {
    const withThresholds = CHECKS.filter((c) => c.thresholds).map((c) => c.id);
    expect(withThresholds).toEqual(expect.arrayContaining(['ADM-001', 'GST-001', 'SPO-001']));
  });

  it('gives metadata without evaluators', () => {
    const meta = catalogMeta();
    expect(meta.map((m) => m.id)).toEqual(CHECKS.map((c) => c.id));
    for (const m of meta) {
      expect(m).not.toHaveProperty('evaluate');
      expect(m).not.toHaveProperty('uses');
    }
    expect(() => JSON.stringify(meta)).not.toThrow();
  });

  it('lists every source a check requires or uses, once', () => {
    const needed = sourcesNeeded();
    expect(new Set(needed).size).toBe(needed.length);
    for (const check of CHECKS) {
      for (const source of [...check.requires, ...(check.uses ?? [])])
        expect(needed).toContain(source);
    }
    expect(sourcesNeeded([])).toEqual([]);
  });
});

describe('never pass on missing data', () => {
  it.each(SOURCE_ERROR_KINDS.map((k) => [k] as const))(
    'every source failed with %s: no pass, no warn',
    (kind) => {
      for (const profile of ['cis', 'cisa'] as const) {
        const findings = evaluateAll(ctx(snapshotWith({}, allSourcesFailed(kind)), { profile }));
        expect(findings).toHaveLength(CHECKS.length);
        for (const f of findings) {
          if (kind === 'not_licensed' && f.verdict === 'not_applicable') {
            // Microsoft refusing a read for lack of licence shows the feature is not in the tenant.
            expect(f.reasonCode, f.checkId).toBe('not_licensed');
            continue;
          }
          expect(f.verdict, f.checkId).toBe('unknown');
          expect(f.reasonCode, f.checkId).toBe(REASON_CODE_FOR[kind]);
          expect(f.reason.trim(), f.checkId).not.toBe('');
        }
      }
    },
  );

  it('nothing collected at all: every check is unknown', () => {
    const findings = evaluateAll(ctx(snapshotWith({})));
    for (const f of findings) {
      expect(f.verdict, f.checkId).toBe('unknown');
      expect(f.reasonCode, f.checkId).toBe('error');
    }
  });

  it('names the first required source that failed, with its plain label', () => {
    const findings = evaluateAll(ctx(snapshotWith({}, allSourcesFailed('forbidden'))));
    for (const f of findings) {
      const check = CHECKS.find((c) => c.id === f.checkId)!;
      const first = check.requires[0] ?? check.uses![0]!;
      expect(f.reason, f.checkId).toContain(SOURCES[first].label);
      expect(f.reason, f.checkId).toContain(SOURCES[first].permission);
      expect(f.evidence[0]?.source, f.checkId).toBe(first);
    }
  });

  it('with only optional sources read, checks that need more stay unknown', () => {
    const findings = evaluateAll(
      ctx(
        snapshotWith(
          { subscribedSkus: [], users: [], organization: [] },
          { securityDefaults: { kind: 'network', message: 'timeout' } },
        ),
      ),
    );
    for (const f of findings) {
      const check = CHECKS.find((c) => c.id === f.checkId)!;
      const missing = check.requires.some(
        (s) => !['subscribedSkus', 'users', 'organization'].includes(s),
      );
      if (missing) expect(f.verdict, f.checkId).toBe('unknown');
    }
  });

  const isList = (s: SourceId) => COLLECTION_SOURCES.includes(s);
  /** Source data of the wrong shape: Graph answered, but not with what the checks expect. */
  const garbage: [string, (source: SourceId) => unknown][] = [
    ['null', () => null],
    ['a string', () => 'garbage'],
    ['a number', () => 42],
    ['a boolean', () => true],
    [
      'the wrong kind (object for lists, list for objects)',
      (s) => (isList(s) ? { unexpected: true } : []),
    ],
    ['a Graph page envelope instead of the items', (s) => (isList(s) ? { value: [] } : [{}])],
    ['lists of junk items', (s) => (isList(s) ? [{ unexpected: true }, null, 7] : [null])],
  ];
  it.each(garbage)('every source holds %s: no pass, no warn, no crash', (_label, make) => {
    const data: SourceData = Object.fromEntries(SOURCE_IDS.map((s) => [s, make(s)]));
    for (const profile of ['cis', 'cisa'] as const) {
      const findings = evaluateAll(ctx(snapshotWith(data), { profile }));
      expect(findings).toHaveLength(CHECKS.length);
      for (const f of findings) {
        expect(f.verdict, f.checkId).toBe('unknown');
        expect(UNKNOWN_REASONS, f.checkId).toContain(f.reasonCode);
        expect(f.reasonCode, f.checkId).not.toBe('error');
      }
    }
  });

  it('an unexpected shape in one source reports that source as unreadable', () => {
    const findings = evaluateAll(
      ctx(snapshotWith({ sharepointSettings: { sharingCapability: null } })),
    );
    const spo = findings.find((f) => f.checkId === 'SPO-001');
    expect(spo).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
    expect(spo?.reason).toContain(SOURCES.sharepointSettings.label);
  });

  it('a broken optional source never makes a check pass that otherwise fails', () => {
    // Security Defaults off, no CA policy: CA-002 fails; garbage licences must not turn it into a pass.
    for (const skus of [null, { unexpected: true }, [{ skuId: 1 }]]) {
      const findings = evaluateAll(
        ctx(
          snapshotWith({
            securityDefaults: { isEnabled: false },
            subscribedSkus: skus,
            conditionalAccessPolicies: [],
          }),
        ),
      );
      for (const id of ['CA-001', 'CA-002', 'CA-003', 'CA-005']) {
        expect(findings.find((f) => f.checkId === id)?.verdict, id).toBe('fail');
      }
    }
  });

  it('a policy list with one malformed policy is unknown, not judged on the rest', () => {
    const findings = evaluateAll(
      ctx(
        snapshotWith({
          securityDefaults: { isEnabled: false },
          conditionalAccessPolicies: [caPolicy(), { id: 'p', state: 7 }],
        }),
      ),
    );
    for (const id of ['CA-002', 'CA-003']) {
      expect(findings.find((f) => f.checkId === id)?.verdict, id).toBe('unknown');
    }
  });

  it('knows whether each source a check reads is a list or an object (for the wrong-kind garbage)', () => {
    for (const source of sourcesNeeded()) {
      expect(
        Number(COLLECTION_SOURCES.includes(source)) + Number(ENTITY_SOURCES.includes(source)),
        source,
      ).toBe(1);
    }
  });
});
