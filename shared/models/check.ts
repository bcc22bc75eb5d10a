import type { Mappings } from './framework';
import type { Profile } from './profile';
import type { Severity } from './severity';
import type { SourceId } from './sources';

export const CHECK_FAMILIES = {
  ADM: 'Admin accounts',
  CA: 'Conditional Access and sign-in',
  AUTH: 'Sign-in methods',
  PWD: 'Passwords',
  APP: 'Apps and consent',
  GST: 'Guests',
  TEN: 'Tenant settings',
  SPO: 'SharePoint and OneDrive',
  LOG: 'Logging and investigation',
  SS: 'Secure Score',
  DNS: 'Email authentication',
} as const;
export type CheckFamily = keyof typeof CHECK_FAMILIES;

export interface Link {
  readonly label: string;
  readonly url: string;
}

export interface RemediationStep {
  /** One instruction, with the exact admin-center path. */
  readonly text: string;
  /** Deep link to the page the step happens on. */
  readonly link?: Link;
}

/** What a non-expert reads: why it matters, then exactly how to fix it. */
export interface CheckContent {
  /** Business impact in 2–4 short sentences, no jargon. */
  readonly why: string;
  readonly steps: readonly RemediationStep[];
  /** How to confirm the fix worked. */
  readonly verify: string;
  /** What people in the business will notice after the fix. */
  readonly userImpact: string;
  readonly effortMinutes: number;
  readonly learnMore: readonly Link[];
}

/** Everything about a check except its evaluator: serialisable, shown in the app and the CLI. */
export interface CheckMeta {
  /** Stable id, e.g. `CA-005`. */
  readonly id: string;
  readonly title: string;
  readonly family: CheckFamily;
  readonly severity: Severity;
  /** Data sources the evaluator reads. */
  readonly requires: readonly SourceId[];
  /** Licences the check depends on (plain names); empty when any tenant can be assessed. */
  readonly licences: readonly string[];
  /** Least-privilege Graph permission per required source. */
  readonly permissions: readonly string[];
  readonly mappings: Mappings;
  /** The Storm-0558 lesson this check answers, when it answers one. */
  readonly stormLesson?: string;
  /** The pass threshold under each profile, in words, when profiles differ. */
  readonly thresholds?: Readonly<Record<Profile, string>>;
  readonly content: CheckContent;
}
