import { z } from 'zod';
import type { CheckMeta } from '../models/check';
import { decisionSchema, type Decision, type StoredDecision } from '../models/decision';
import { PROFILES } from '../models/profile';
import type { ScanSummary } from '../models/scan-summary';
import { tenantSettingsSchema, type TenantSettings } from '../models/tenant';
import type { ScanDiff } from '../history/scan-diff';
import type {
  AppInfo,
  AuthStatus,
  Branding,
  DecisionAuditEntry,
  ReportFile,
  ScanDetail,
  SignedInAccount,
  TenantListItem,
} from './views';
import { API_EVENT_NAMES, API_METHOD_NAMES, type ApiMethodName } from './names';

/**
 * The one contract between the renderer and the main process. Both transports (Electron IPC and
 * loopback HTTP for browser mode) carry exactly these methods and events; handlers are written once
 * in `main/api/` and validate every request against the schemas below.
 */

const id = z.string().trim().min(1).max(200);
const checkId = z
  .string()
  .regex(/^[A-Z]{2,4}-\d{3}$/, 'must be a check id such as CA-005')
  .max(10);
const empty = z.object({}).strict();

export const REPORT_FORMATS = ['html', 'pdf', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const SIGN_IN_METHODS = ['browser', 'device-code', 'certificate'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** A tenant id or domain, for technicians acting in a customer tenant. */
const tenantName = z.string().trim().min(1).max(253);

/** How to sign in: as a person (browser or device code), or as the app with a certificate. */
export const signInRequestSchema = z.discriminatedUnion('method', [
  /** `tenant` absent: the person's own tenant (`organizations`). */
  z.object({ method: z.literal('browser'), tenant: tenantName.optional() }).strict(),
  z.object({ method: z.literal('device-code'), tenant: tenantName.optional() }).strict(),
  /**
   * Unattended, as the app registration itself (application permissions). The main process reads
   * the key from `keyFile`; the key never crosses the api. `thumbprint` only when the file holds
   * the key alone.
   */
  z
    .object({
      method: z.literal('certificate'),
      tenant: tenantName,
      /** The app registration's application (client) id, when none is configured. */
      clientId: z
        .string()
        .trim()
        .regex(
          /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/,
          'must be an application (client) id',
        )
        .optional(),
      keyFile: z.string().trim().min(1).max(4096),
      thumbprint: z.string().trim().max(200).optional(),
    })
    .strict(),
]);
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** Where a scan reads its tenant from. */
export const scanTargetSchema = z.discriminatedUnion('kind', [
  /** The built-in demo tenant (the simulator); no Microsoft account needed. */
  z.object({ kind: z.literal('demo') }).strict(),
  /**
   * The tenant of the signed-in account; with `tenantId`, only if that is the tenant signed in to
   * (so "scan again" never scans another customer's tenant by surprise).
   */
  z.object({ kind: z.literal('live'), tenantId: id.optional() }).strict(),
]);
export type ScanTarget = z.infer<typeof scanTargetSchema>;

export const brandingSchema = z
  .object({
    companyName: z.string().trim().max(200).default(''),
    preparedBy: z.string().trim().max(200).default(''),
    /** A PNG or JPEG as a data URL, at most ~512 KB. */
    logoDataUrl: z
      .string()
      .max(700_000)
      .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, 'must be a PNG or JPEG data URL')
      .optional(),
  })
  .strict();

/** Request schemas, one per method. Responses are typed by `ApiResponses`. */
export const apiRequests = {
  'app.info': empty,
  'catalog.list': empty,

  'auth.status': empty,
  'auth.signIn': signInRequestSchema,
  'auth.cancelSignIn': empty,
  'auth.signOut': empty,
  /** Desktop only: the system's file chooser, for the certificate file of certificate sign-in. */
  'files.chooseCertificate': empty,

  'tenants.list': empty,
  'tenants.getSettings': z.object({ tenantId: id }).strict(),
  'tenants.setSettings': z.object({ tenantId: id, settings: tenantSettingsSchema }).strict(),
  'tenants.delete': z.object({ tenantId: id }).strict(),

  'scan.start': z.object({ target: scanTargetSchema, profile: z.enum(PROFILES) }).strict(),
  'scan.cancel': z.object({ scanId: id }).strict(),

  'scans.list': z.object({ tenantId: id }).strict(),
  'scans.get': z.object({ scanId: id }).strict(),
  'scans.diff': z.object({ from: id, to: id }).strict(),
  'scans.reevaluate': z.object({ scanId: id }).strict(),

  'decisions.set': z.object({ tenantId: id, checkId, decision: decisionSchema }).strict(),
  'decisions.clear': z.object({ tenantId: id, checkId }).strict(),
  'decisions.audit': z.object({ tenantId: id }).strict(),
  'progress.setStep': z
    .object({ tenantId: id, checkId, step: z.number().int().min(1).max(50), done: z.boolean() })
    .strict(),
  'notes.set': z.object({ tenantId: id, checkId, text: z.string().max(10_000) }).strict(),

  'reports.create': z.object({ scanId: id, format: z.enum(REPORT_FORMATS) }).strict(),
  'branding.get': empty,
  'branding.set': brandingSchema,
} as const satisfies Record<ApiMethodName, z.ZodType>;

export type ApiMethod = keyof typeof apiRequests;
export type ApiRequest<M extends ApiMethod> = z.input<(typeof apiRequests)[M]>;
/** The request after validation (defaults applied). */
export type ApiParsedRequest<M extends ApiMethod> = z.output<(typeof apiRequests)[M]>;

export interface ApiResponses {
  'app.info': AppInfo;
  'catalog.list': readonly CheckMeta[];
  'auth.status': AuthStatus;
  'auth.signIn': SignedInAccount;
  'auth.cancelSignIn': null;
  'auth.signOut': null;
  /** The chosen file's full path, or null when the chooser was closed without a choice. */
  'files.chooseCertificate': { readonly path: string | null };
  'tenants.list': readonly TenantListItem[];
  'tenants.getSettings': { readonly settings: TenantSettings; readonly declared: boolean };
  'tenants.setSettings': null;
  'tenants.delete': { readonly deleted: boolean };
  'scan.start': { readonly scanId: string };
  'scan.cancel': null;
  'scans.list': readonly ScanSummary[];
  'scans.get': ScanDetail;
  'scans.diff': ScanDiff;
  'scans.reevaluate': ScanSummary;
  'decisions.set': StoredDecision;
  'decisions.clear': null;
  'decisions.audit': readonly DecisionAuditEntry[];
  'progress.setStep': null;
  'notes.set': null;
  'reports.create': ReportFile;
  'branding.get': Branding;
  'branding.set': null;
}
export type ApiResponse<M extends ApiMethod> = ApiResponses[M];

/** Every method, in the order of `names.ts` (which has exactly the keys of `apiRequests`). */
export const API_METHODS: readonly ApiMethod[] = API_METHOD_NAMES;

export function isApiMethod(value: unknown): value is ApiMethod {
  return typeof value === 'string' && Object.hasOwn(apiRequests, value);
}

/** A scan's progress, pushed from main while it runs. */
export type ScanProgressEvent =
  | { readonly scanId: string; readonly type: 'signing-in'; readonly description: string }
  | {
      readonly scanId: string;
      readonly type: 'source-started' | 'source-finished';
      readonly source: string;
      readonly label: string;
      readonly ok?: boolean;
      readonly done?: number;
      readonly total?: number;
    }
  | {
      readonly scanId: string;
      readonly type: 'waiting';
      /** Microsoft asked us to slow down; we wait this long before asking again. */
      readonly seconds: number;
      readonly label: string;
    }
  | { readonly scanId: string; readonly type: 'evaluating'; readonly checks: number }
  | {
      readonly scanId: string;
      readonly type: 'finished';
      readonly status: 'complete' | 'partial';
      readonly tenantId: string;
      readonly score: number | null;
    }
  | { readonly scanId: string; readonly type: 'cancelled' }
  | { readonly scanId: string; readonly type: 'failed'; readonly error: ApiErrorBody };

/** Device-code sign-in: what to show the user. */
export interface DeviceCodeEvent {
  readonly userCode: string;
  readonly verificationUri: string;
  readonly expiresAt: string;
  readonly message: string;
}

export interface ApiEvents {
  'scan.progress': ScanProgressEvent;
  'auth.deviceCode': DeviceCodeEvent;
}
export type ApiEvent = keyof ApiEvents;
export const API_EVENTS: readonly ApiEvent[] = API_EVENT_NAMES;

/** Errors every transport returns in the same shape: plain words, never a stack trace. */
export const API_ERROR_CODES = [
  'bad_request',
  'not_found',
  'conflict',
  'sign_in',
  'cancelled',
  'busy',
  'storage',
  'unavailable',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  readonly code: ApiErrorCode;
  /** One or two plain sentences the screen can show as is. */
  readonly message: string;
}

export class ApiError extends Error implements ApiErrorBody {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message };
  }
}

/** What the renderer holds: one client, whichever transport carries it. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

export type { Decision };
