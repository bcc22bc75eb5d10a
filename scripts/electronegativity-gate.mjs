// Judges Electronegativity findings against the allowlist: every finding must be explained by an
// entry (same check id and file), every entry must still match a finding, and every entry must say
// why it is a false positive.

/**
 * @param {{ id: string, file: string, location?: { line: number, column: number }, description?: string }[]} issues
 * @param {{ check: string, file: string, reason: string }[]} allowlist
 */
export function judgeFindings(issues, allowlist) {
  const unexplained = issues.filter(
    (issue) => !allowlist.some((entry) => entry.check === issue.id && entry.file === issue.file),
  );
  const stale = allowlist.filter(
    (entry) => !issues.some((issue) => entry.check === issue.id && entry.file === issue.file),
  );
  const unreasoned = allowlist.filter(
    (entry) => typeof entry.reason !== 'string' || entry.reason.trim().length < 20,
  );
  return {
    ok: unexplained.length === 0 && stale.length === 0 && unreasoned.length === 0,
    unexplained,
    stale,
    unreasoned,
  };
}
