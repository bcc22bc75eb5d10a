/** NIST CSF 2.0 functions, in the framework's order. */
export const CSF_FUNCTIONS = [
  { id: 'GV', name: 'Govern' },
  { id: 'ID', name: 'Identify' },
  { id: 'PR', name: 'Protect' },
  { id: 'DE', name: 'Detect' },
  { id: 'RS', name: 'Respond' },
  { id: 'RC', name: 'Recover' },
] as const;
export type CsfFunctionId = (typeof CSF_FUNCTIONS)[number]['id'];
export type CsfFunctionName = (typeof CSF_FUNCTIONS)[number]['name'];

/** Framework references of a check. All lists; empty when there is no equivalent. */
export interface Mappings {
  /** CIS Microsoft 365 Foundations, version-qualified, e.g. `v5:5.2.2.3`. */
  readonly cisM365: readonly string[];
  /** CIS Controls v8 safeguards, e.g. `4.8`. */
  readonly cisControls: readonly string[];
  /** NIST CSF 2.0 subcategories, e.g. `PR.AA-03`. */
  readonly nistCsf: readonly string[];
  /** CISA SCuBA policy ids, e.g. `MS.AAD.1.1v1`. */
  readonly scuba: readonly string[];
}

const CSF_SUBCATEGORY = /^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$/;
const CIS_M365 = /^v\d+:\d+(\.\d+)+$/;
const CIS_CONTROL = /^\d{1,2}\.\d{1,2}$/;
const SCUBA = /^MS\.[A-Z]+\.\d+\.\d+v\d+$/;

/** The CSF 2.0 function a subcategory belongs to (`PR.AA-03` → `PR`). */
export function csfFunctionOf(subcategory: string): CsfFunctionId | undefined {
  const match = CSF_SUBCATEGORY.exec(subcategory);
  return match ? (match[1] as CsfFunctionId) : undefined;
}

/** Lists malformed references; empty when every reference is well-formed. */
export function validateMappings(m: Mappings): string[] {
  const problems: string[] = [];
  for (const s of m.nistCsf) if (!CSF_SUBCATEGORY.test(s)) problems.push(`nistCsf "${s}"`);
  for (const s of m.cisM365) if (!CIS_M365.test(s)) problems.push(`cisM365 "${s}"`);
  for (const s of m.cisControls) if (!CIS_CONTROL.test(s)) problems.push(`cisControls "${s}"`);
  for (const s of m.scuba) if (!SCUBA.test(s)) problems.push(`scuba "${s}"`);
  return problems;
}
