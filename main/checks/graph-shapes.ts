import { z } from 'zod';

/**
 * The parts of Graph v1.0 responses the checks read. Loose on purpose: unknown properties are
 * kept, absent optional ones are fine, a wrong type is an unexpected shape (→ `unknown`).
 */
const strings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

export const userSchema = z.looseObject({
  id: z.string(),
  displayName: z.string().nullish(),
  userPrincipalName: z.string().nullish(),
  userType: z.string().nullish(),
  accountEnabled: z.boolean().nullish(),
  onPremisesSyncEnabled: z.boolean().nullish(),
  onPremisesImmutableId: z.string().nullish(),
  assignedLicenses: z
    .array(z.looseObject({ skuId: z.string() }))
    .nullish()
    .transform((v) => v ?? []),
  provisionedPlans: z
    .array(
      z.looseObject({
        service: z.string().nullish(),
        capabilityStatus: z.string().nullish(),
        provisioningStatus: z.string().nullish(),
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
});
export type GraphUser = z.infer<typeof userSchema>;
export const usersSchema = z.array(userSchema);

export const skusSchema = z.array(
  z.looseObject({
    skuId: z.string(),
    skuPartNumber: z.string().nullish(),
    capabilityStatus: z.string().nullish(),
    servicePlans: z
      .array(
        z.looseObject({
          servicePlanId: z.string(),
          servicePlanName: z.string().nullish(),
          provisioningStatus: z.string().nullish(),
        }),
      )
      .nullish()
      .transform((v) => v ?? []),
  }),
);
export type GraphSku = z.infer<typeof skusSchema>[number];

export const securityDefaultsSchema = z.looseObject({ isEnabled: z.boolean() });

export const caPolicySchema = z.looseObject({
  id: z.string(),
  displayName: z
    .string()
    .nullish()
    .transform((v) => v ?? '(unnamed policy)'),
  state: z.string(),
  conditions: z
    .looseObject({
      users: z
        .looseObject({
          includeUsers: strings,
          excludeUsers: strings,
          includeGroups: strings,
          excludeGroups: strings,
          includeRoles: strings,
          excludeRoles: strings,
          includeGuestsOrExternalUsers: z.unknown().nullish(),
          excludeGuestsOrExternalUsers: z.unknown().nullish(),
        })
        .nullish(),
      applications: z
        .looseObject({
          includeApplications: strings,
          excludeApplications: strings,
          includeUserActions: strings,
          includeAuthenticationContextClassReferences: strings,
          applicationFilter: z.unknown().nullish(),
        })
        .nullish(),
      clientAppTypes: strings,
      platforms: z.looseObject({ includePlatforms: strings, excludePlatforms: strings }).nullish(),
      locations: z.looseObject({ includeLocations: strings, excludeLocations: strings }).nullish(),
      signInRiskLevels: strings,
      userRiskLevels: strings,
      servicePrincipalRiskLevels: strings,
      insiderRiskLevels: z.unknown().nullish(),
      devices: z.looseObject({ deviceFilter: z.unknown().nullish() }).nullish(),
      clientApplications: z.unknown().nullish(),
      authenticationFlows: z.looseObject({ transferMethods: z.string().nullish() }).nullish(),
    })
    .nullish(),
  grantControls: z
    .looseObject({
      operator: z.string().nullish(),
      builtInControls: strings,
      authenticationStrength: z.looseObject({ id: z.string().nullish() }).nullish(),
    })
    .nullish(),
});
export type CaPolicy = z.infer<typeof caPolicySchema>;
export const caPoliciesSchema = z.array(caPolicySchema);

export const roleAssignmentsSchema = z.array(
  z.looseObject({
    id: z.string(),
    principalId: z.string(),
    roleDefinitionId: z.string(),
    directoryScopeId: z.string().nullish(),
    principal: z
      .looseObject({
        '@odata.type': z.string().nullish(),
        id: z.string().nullish(),
        displayName: z.string().nullish(),
        userPrincipalName: z.string().nullish(),
      })
      .nullish(),
  }),
);
export type RoleAssignment = z.infer<typeof roleAssignmentsSchema>[number];

export const authorizationPolicySchema = z.looseObject({
  allowInvitesFrom: z.string().nullish(),
  guestUserRoleId: z.string().nullish(),
  defaultUserRolePermissions: z
    .looseObject({
      allowedToCreateApps: z.boolean().nullish(),
      permissionGrantPoliciesAssigned: strings,
    })
    .nullish(),
});

export const domainsSchema = z.array(
  z.looseObject({
    id: z.string(),
    authenticationType: z.string().nullish(),
    isVerified: z.boolean().nullish(),
    isRoot: z.boolean().nullish(),
    isInitial: z.boolean().nullish(),
    passwordValidityPeriodInDays: z.number().nullish(),
  }),
);

export const sharepointSettingsSchema = z.looseObject({
  sharingCapability: z.string(),
});
