import { describe, expect, it } from 'vitest';
import { buildFindingRows } from './finding-rows';
import { detail, finding, meta } from './test-rows';
import { investigationRows, investigationSummary, topFixes } from './top-fixes';

describe('topFixes', () => {
  it('ranks failing findings by score won per hour and leaves out handled ones', () => {
    const rows = buildFindingRows(
      detail(
        [
          finding('CA-001', 'fail', 'critical'),
          finding('CA-002', 'fail', 'low'),
          finding('CA-003', 'warn', 'critical'),
          finding('CA-004', 'fail', 'critical'),
          finding('CA-005', 'pass', 'critical'),
        ],
        {
          decisions: [
            {
              checkId: 'CA-004',
              decision: { kind: 'third_party', reason: 'MSP' },
              decidedBy: 'me',
              updatedAt: 'x',
              expired: false,
            },
          ],
        },
      ),
      [
        meta('CA-001', { content: { ...meta('CA-001').content, effortMinutes: 60 } }),
        meta('CA-002', { content: { ...meta('CA-002').content, effortMinutes: 5 } }),
        meta('CA-003', { content: { ...meta('CA-003').content, effortMinutes: 5 } }),
        meta('CA-004'),
        meta('CA-005'),
      ],
    );
    expect(topFixes(rows, 5).map((f) => f.item.checkId)).toEqual(['CA-003', 'CA-002', 'CA-001']);
    expect(topFixes(rows, 1)).toHaveLength(1);
  });
});

describe('investigation', () => {
  it('picks the Storm-0558 checks and sums them up plainly', () => {
    const rows = buildFindingRows(
      detail([
        finding('LOG-001', 'pass'),
        finding('LOG-002', 'fail'),
        finding('LOG-003', 'unknown'),
        finding('CA-001', 'fail'),
      ]),
      [
        meta('LOG-001', { stormLesson: 'a' }),
        meta('LOG-002', { stormLesson: 'b' }),
        meta('LOG-003', { stormLesson: 'c' }),
        meta('CA-001'),
      ],
    );
    const inv = investigationRows(rows);
    expect(inv.map((r) => r.checkId).sort()).toEqual(['LOG-001', 'LOG-002', 'LOG-003']);
    expect(investigationSummary(inv)).toBe(
      'You could investigate part of a breach, but not all of it. 1 of 3 investigation checks pass; 1 could not be checked.',
    );
    expect(investigationSummary([])).toBe('No investigation checks ran in this scan.');
  });
});
