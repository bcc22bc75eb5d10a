import { z } from 'zod';
import { caPolicySchema } from './graph-shapes';

/**
 * The parts of Conditional Access answers that only some CA checks read: session controls, the
 * authentication strength a policy requires, and the tenant's authentication strengths. Loose like
 * graph-shapes.ts: unknown properties are kept, a wrong type is an unexpected shape.
 */
const strings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

export const signInFrequencySchema = z.looseObject({
  value: z.number().nullish(),
  type: z.string().nullish(),
  authenticationType: z.string().nullish(),
  frequencyInterval: z.string().nullish(),
  isEnabled: z.boolean().nullish(),
});

export const sessionControlsSchema = z.looseObject({
  signInFrequency: signInFrequencySchema.nullish(),
  persistentBrowser: z
    .looseObject({ mode: z.string().nullish(), isEnabled: z.boolean().nullish() })
    .nullish(),
  secureSignInSession: z.looseObject({ isEnabled: z.boolean().nullish() }).nullish(),
});
export type SessionControls = z.infer<typeof sessionControlsSchema>;

/** The authentication strength a policy requires, as the policy list returns it. */
export const policyStrengthSchema = z.looseObject({
  id: z.string().nullish(),
  displayName: z.string().nullish(),
  allowedCombinations: z.array(z.string()).nullish(),
});

/** A Conditional Access policy with its session controls and authentication strength checked. */
export const caPolicyFullSchema = caPolicySchema.extend({
  sessionControls: sessionControlsSchema.nullish(),
  grantControls: z
    .looseObject({
      operator: z.string().nullish(),
      builtInControls: strings,
      authenticationStrength: policyStrengthSchema.nullish(),
    })
    .nullish(),
});
export const caPoliciesFullSchema = z.array(caPolicyFullSchema);

/** `GET /policies/authenticationStrengthPolicies`. */
export const authStrengthPoliciesSchema = z.array(
  z.looseObject({
    id: z.string(),
    displayName: z.string().nullish(),
    policyType: z.string().nullish(),
    allowedCombinations: z.array(z.string()),
  }),
);

/** Role definitions: CA policies name roles by their template id. */
export const roleDefinitionsSchema = z.array(
  z.looseObject({
    id: z.string(),
    displayName: z.string().nullish(),
    templateId: z.string().nullish(),
  }),
);

export const groupsSchema = z.array(
  z.looseObject({ id: z.string(), displayName: z.string().nullish() }),
);
