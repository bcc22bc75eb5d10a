export type StartPlan =
  | { readonly action: 'desktop'; readonly binary: string }
  | { readonly action: 'browser'; readonly notice: string }
  | { readonly action: 'none'; readonly notice: string };

export function planStart(found: {
  readonly electronBinary: string | undefined;
  readonly downloadFailed: boolean;
  readonly browserModeAvailable: boolean;
}): StartPlan;
