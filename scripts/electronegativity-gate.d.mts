export interface ScanIssue {
  readonly id: string;
  readonly file: string;
  readonly location?: { readonly line: number; readonly column: number };
  readonly description?: string;
}
export interface AllowlistEntry {
  readonly check: string;
  readonly file: string;
  readonly reason: string;
}
export function judgeFindings(
  issues: readonly ScanIssue[],
  allowlist: readonly AllowlistEntry[],
): {
  ok: boolean;
  unexplained: ScanIssue[];
  stale: AllowlistEntry[];
  unreasoned: AllowlistEntry[];
};
