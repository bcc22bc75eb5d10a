import type { Decision, StoredDecision } from '../models/decision';
import type { Finding } from '../models/finding';
import type { ScanSummary } from '../models/scan-summary';
import type { Severity } from '../models/severity';
import type { TenantInfo } from '../models/tenant';
import type { ScanDiff } from '../history/scan-diff';
import type { Score } from '../score/score';

/** Shapes the api returns. Plain, serialisable, no secrets. */

export interface AppInfo {
  readonly version: string;
  readonly catalogVersion: string;
  /** `desktop` in the Electron app, `browser` for `breach-ready serve`. */
  readonly mode: 'desktop' | 'browser';
  /** The folder that holds the database, shown so users know where their data lives. */
  readonly dataLocation: string;
  /**
   * The application (client) id of the organisation's own Entra app registration, when one is
   * configured. Without it, people sign in through Microsoft Graph Command Line Tools, and signing
   * in as an app with a certificate needs the id entered.
   */
  readonly appRegistration: string | null;
  /** Where tokens are kept: encrypted on disk, or only in memory for this session. */
  readonly tokenStorage: 'encrypted' | 'memory';
  /** The desktop app opens the system's file chooser; in browser mode a path is typed. */
  readonly canChooseFiles: boolean;
}

export interface SignedInAccount {
  /** A person (browser or device code), or the app registration itself (certificate). */
  readonly kind: 'person' | 'app';
  /** The person's sign-in name, or the app's client id. */
  readonly username: string;
  readonly name?: string;
  readonly tenantId: string;
}

export interface AuthStatus {
  readonly account: SignedInAccount | null;
  readonly signingIn: boolean;
}

export interface TenantListItem extends TenantInfo {
  readonly scans: number;
  readonly lastScanAt: string | null;
  readonly lastScore: number | null;
}

export interface ScanFinding extends Finding {
  readonly severity: Severity;
}

/** A stored scan with everything the dashboard, findings and detail screens show. */
export interface ScanDetail {
  readonly summary: ScanSummary;
  readonly tenant: TenantInfo;
  readonly findings: readonly ScanFinding[];
  /** The score with the tenant's current decisions applied. */
  readonly score: Score;
  readonly decisions: readonly StoredDecision[];
  readonly progress: readonly {
    readonly checkId: string;
    readonly step: number;
    readonly done: boolean;
  }[];
  readonly notes: readonly { readonly checkId: string; readonly text: string }[];
  /** The scan of the same tenant before this one, when there is one. */
  readonly previousScanId: string | null;
  readonly sincePrevious: ScanDiff | null;
}

export interface DecisionAuditEntry {
  readonly checkId: string;
  readonly action: string;
  readonly actor: string;
  readonly at: string;
  readonly before: Decision | null;
  readonly after: Decision | null;
}

/** A report ready to save: the renderer offers it as a download. */
export interface ReportFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly contentBase64: string;
}

export interface Branding {
  readonly companyName: string;
  readonly preparedBy: string;
  readonly logoDataUrl?: string;
}
