import { describe, expect, it } from 'vitest';
import { buildFindingRows, countByVerdict } from './finding-rows';
import { detail, finding, meta } from './test-rows';

describe('buildFindingRows', () => {
  it('joins findings with the catalog, decisions and ticked steps, worst first', () => {
    const rows = buildFindingRows(
      detail(
        [
          finding('CA-001', 'pass', 'critical'),
          finding('ADM-001', 'fail', 'low'),
          finding('APP-001', 'fail', 'critical', 3),
        ],
        {
          decisions: [
            {
              checkId: 'ADM-001',
              decision: { kind: 'planned', dueDate: '2027-01-01' },
              decidedBy: 'me',
              updatedAt: '2026-01-01',
              expired: false,
            },
          ],
          progress: [
            { checkId: 'APP-001', step: 1, done: true },
            { checkId: 'APP-001', step: 2, done: false },
          ],
        },
      ),
      [meta('CA-001'), meta('ADM-001'), meta('APP-001', { title: 'Apps' })],
    );
    expect(rows.map((r) => r.checkId)).toEqual(['APP-001', 'ADM-001', 'CA-001']);
    expect(rows[0]).toMatchObject({
      title: 'Apps',
      familyLabel: 'Apps and consent',
      affectedCount: 3,
      stepsDone: 1,
      stepsTotal: 2,
    });
    expect(rows[1]?.decision?.decision.kind).toBe('planned');
  });

  it('keeps a finding whose check is missing from the catalog, named by its id', () => {
    const [row] = buildFindingRows(detail([finding('DNS-009', 'warn')]), []);
    expect(row).toMatchObject({ title: 'DNS-009', family: 'DNS', stepsTotal: 0 });
  });

  it('counts findings per verdict', () => {
    const rows = buildFindingRows(
      detail([finding('CA-001', 'fail'), finding('CA-002', 'fail'), finding('CA-003', 'unknown')]),
      [],
    );
    expect(countByVerdict(rows)).toMatchObject({ fail: 2, unknown: 1, pass: 0 });
  });
});
