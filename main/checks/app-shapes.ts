import { z } from 'zod';

/** The parts of the Graph v1.0 answers the app checks read. Loose on purpose. */

/** A password or certificate credential; Graph never returns the secret itself when listing. */
export const credentialSchema = z.looseObject({
  keyId: z.string().nullish(),
  displayName: z.string().nullish(),
  startDateTime: z.string().nullish(),
  endDateTime: z.string().nullish(),
  type: z.string().nullish(),
});
export type Credential = z.infer<typeof credentialSchema>;
const credentials = z
  .array(credentialSchema)
  .nullish()
  .transform((v) => v ?? []);

export const servicePrincipalsSchema = z.array(
  z.looseObject({
    id: z.string(),
    appId: z.string().nullish(),
    displayName: z.string().nullish(),
    accountEnabled: z.boolean().nullish(),
    appOwnerOrganizationId: z.string().nullish(),
    servicePrincipalType: z.string().nullish(),
    verifiedPublisher: z.looseObject({ displayName: z.string().nullish() }).nullish(),
    passwordCredentials: credentials,
    keyCredentials: credentials,
  }),
);
export type ServicePrincipal = z.infer<typeof servicePrincipalsSchema>[number];

export const applicationsSchema = z.array(
  z.looseObject({
    id: z.string(),
    appId: z.string().nullish(),
    displayName: z.string().nullish(),
    createdDateTime: z.string().nullish(),
    passwordCredentials: credentials,
    keyCredentials: credentials,
  }),
);
export type Application = z.infer<typeof applicationsSchema>[number];

/** `servicePrincipals(appId='…')/appRoleAssignedTo`: who holds the resource app's permissions. */
export const appRoleAssignmentsSchema = z.array(
  z.looseObject({
    id: z.string(),
    appRoleId: z.string(),
    principalId: z.string(),
    principalDisplayName: z.string().nullish(),
    principalType: z.string().nullish(),
    resourceId: z.string().nullish(),
    resourceDisplayName: z.string().nullish(),
    createdDateTime: z.string().nullish(),
  }),
);
export type AppRoleAssignment = z.infer<typeof appRoleAssignmentsSchema>[number];

export const adminConsentRequestPolicySchema = z.looseObject({
  isEnabled: z.boolean(),
  notifyReviewers: z.boolean().nullish(),
  remindersEnabled: z.boolean().nullish(),
  requestDurationInDays: z.number().nullish(),
  reviewers: z
    .array(z.looseObject({ query: z.string().nullish(), queryType: z.string().nullish() }))
    .nullish()
    .transform((v) => v ?? []),
});

const restrictionSchema = z.looseObject({
  restrictionType: z.string(),
  /** `enabled`, `disabled`; absent on policies written before the property existed. */
  state: z.string().nullish(),
  /** ISO 8601 duration, e.g. `P180D`. */
  maxLifetime: z.string().nullish(),
  restrictForAppsCreatedAfterDateTime: z.string().nullish(),
});
export type CredentialRestriction = z.infer<typeof restrictionSchema>;

const restrictionsSchema = z
  .looseObject({
    passwordCredentials: z
      .array(restrictionSchema)
      .nullish()
      .transform((v) => v ?? []),
    keyCredentials: z
      .array(restrictionSchema)
      .nullish()
      .transform((v) => v ?? []),
  })
  .nullish();
export type CredentialRestrictions = z.infer<typeof restrictionsSchema>;

export const defaultAppManagementPolicySchema = z.looseObject({
  isEnabled: z.boolean(),
  applicationRestrictions: restrictionsSchema,
  servicePrincipalRestrictions: restrictionsSchema,
});

/** `policies/authorizationPolicy`, the one setting APP-007 reads. */
export const msolPolicySchema = z.looseObject({ blockMsolPowerShell: z.boolean().nullish() });
