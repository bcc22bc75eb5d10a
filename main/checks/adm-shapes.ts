import { z } from 'zod';

/**
 * The parts of the Graph v1.0 answers the privileged-access checks read (Privileged Identity
 * Management, sign-in activity, sign-in method registration). Loose on purpose.
 */
const strings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

/** `roleAssignmentScheduleInstances` and `roleEligibilityScheduleInstances`. */
export const roleScheduleInstancesSchema = z.array(
  z.looseObject({
    id: z.string(),
    principalId: z.string(),
    roleDefinitionId: z.string(),
    directoryScopeId: z.string().nullish(),
    /** `Assigned` (given directly) or `Activated` (an eligible assignment switched on). */
    assignmentType: z.string().nullish(),
    memberType: z.string().nullish(),
    startDateTime: z.string().nullish(),
    endDateTime: z.string().nullish(),
  }),
);
export type RoleScheduleInstance = z.infer<typeof roleScheduleInstancesSchema>[number];

const ruleSchema = z.looseObject({
  '@odata.type': z.string().nullish(),
  id: z.string(),
  /** Approval rules. */
  setting: z
    .looseObject({
      isApprovalRequired: z.boolean().nullish(),
      approvalStages: z
        .array(
          z.looseObject({
            primaryApprovers: z
              .array(z.unknown())
              .nullish()
              .transform((v) => v ?? []),
          }),
        )
        .nullish()
        .transform((v) => v ?? []),
    })
    .nullish(),
  /** Notification rules. */
  notificationType: z.string().nullish(),
  recipientType: z.string().nullish(),
  notificationRecipients: strings,
  isDefaultRecipientsEnabled: z.boolean().nullish(),
});
export type RoleManagementPolicyRule = z.infer<typeof ruleSchema>;

/** `policies/roleManagementPolicyAssignments?$expand=policy($expand=rules)`. */
export const roleManagementPolicyAssignmentsSchema = z.array(
  z.looseObject({
    id: z.string(),
    policyId: z.string().nullish(),
    roleDefinitionId: z.string(),
    scopeId: z.string().nullish(),
    scopeType: z.string().nullish(),
    policy: z.looseObject({
      id: z.string().nullish(),
      rules: z.array(ruleSchema),
    }),
  }),
);
export type RoleManagementPolicyAssignment = z.infer<
  typeof roleManagementPolicyAssignmentsSchema
>[number];

/** `users?$select=…,signInActivity`. */
export const userSignInActivitySchema = z.array(
  z.looseObject({
    id: z.string(),
    userPrincipalName: z.string().nullish(),
    accountEnabled: z.boolean().nullish(),
    createdDateTime: z.string().nullish(),
    signInActivity: z
      .looseObject({
        lastSignInDateTime: z.string().nullish(),
        lastNonInteractiveSignInDateTime: z.string().nullish(),
        lastSuccessfulSignInDateTime: z.string().nullish(),
      })
      .nullish(),
  }),
);
export type UserSignInActivity = z.infer<typeof userSignInActivitySchema>[number];

/** `reports/authenticationMethods/userRegistrationDetails`. */
export const userRegistrationDetailsSchema = z.array(
  z.looseObject({
    id: z.string(),
    userPrincipalName: z.string().nullish(),
    methodsRegistered: strings,
  }),
);
