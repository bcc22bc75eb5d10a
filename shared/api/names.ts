/**
 * The names of the api's methods and events, without their schemas. The sandboxed preload needs
 * only these, so it stays small and free of the schema library; `contract.ts` checks that its
 * schemas cover exactly these names.
 */
export const API_METHOD_NAMES = [
  'app.info',
  'catalog.list',
  'auth.status',
  'auth.signIn',
  'auth.cancelSignIn',
  'auth.signOut',
  'files.chooseCertificate',
  'tenants.list',
  'tenants.getSettings',
  'tenants.setSettings',
  'tenants.delete',
  'scan.start',
  'scan.cancel',
  'scans.list',
  'scans.get',
  'scans.diff',
  'scans.reevaluate',
  'decisions.set',
  'decisions.clear',
  'decisions.audit',
  'progress.setStep',
  'notes.set',
  'reports.create',
  'branding.get',
  'branding.set',
] as const;
export type ApiMethodName = (typeof API_METHOD_NAMES)[number];

export const API_EVENT_NAMES = ['scan.progress', 'auth.deviceCode'] as const;
export type ApiEventName = (typeof API_EVENT_NAMES)[number];
