// Contoso Dental: privileged access, app and password protection answers that the base tenant
// does not hold.
// - Privileged Identity Management: the practice has Business Premium (Entra ID P1) and no P2,
//   so Graph refuses the PIM lists the way it does for such tenants: 400 AadPremiumLicenseRequired.
// - The tenant-wide app management policy as every tenant starts: present but switched off.
// - Directory settings: Northwind IT created "Password Rule Settings" in 2022 to turn on the
//   custom banned-password list, but never added any words; smart lockout is left at 10 / 60 s.

const GRAPH = 'https://graph.microsoft.com/v1.0';

const PASSWORD_RULE_TEMPLATE = '5cf42378-d67d-4f36-ba46-e8b86229381d';

function needsP2() {
  return {
    status: 400,
    body: {
      error: {
        code: 'AadPremiumLicenseRequired',
        message:
          'The tenant needs to have Microsoft Entra ID P2 or Microsoft Entra ID Governance license.',
      },
    },
  };
}

function defaultAppManagementPolicy() {
  return {
    '@odata.context': `${GRAPH}/$metadata#policies/defaultAppManagementPolicy/$entity`,
    id: '00000000-0000-0000-0000-000000000000',
    displayName: 'Default app management tenant policy',
    description: 'Default tenant policy that enforces app management restrictions on applications and service principals. To apply policy to targeted resources, create a new policy under appManagementPolicies collection.',
    isEnabled: false,
    applicationRestrictions: { passwordCredentials: [], keyCredentials: [] },
    servicePrincipalRestrictions: { passwordCredentials: [], keyCredentials: [] },
  };
}

function groupSettings(demo) {
  return demo.collection('groupSettings', [
    {
      id: demo.guid('groupSetting/password-rule-settings'),
      displayName: 'Password Rule Settings',
      templateId: PASSWORD_RULE_TEMPLATE,
      values: [
        { name: 'BannedPasswordCheckOnPremisesMode', value: 'Audit' },
        { name: 'EnableBannedPasswordCheckOnPremises', value: 'True' },
        { name: 'EnableBannedPasswordCheck', value: 'True' },
        { name: 'LockoutDurationInSeconds', value: '60' },
        { name: 'LockoutThreshold', value: '10' },
        { name: 'BannedPasswordList', value: '' },
      ],
    },
  ]);
}

export default function admAppPwd(demo) {
  const answers = {
    'GET /v1.0/roleManagement/directory/roleAssignmentScheduleInstances': needsP2(),
    'GET /v1.0/roleManagement/directory/roleEligibilityScheduleInstances': needsP2(),
    'GET /v1.0/policies/roleManagementPolicyAssignments': needsP2(),
    'GET /v1.0/policies/defaultAppManagementPolicy': demo.ok(defaultAppManagementPolicy()),
    'GET /v1.0/groupSettings': demo.ok(groupSettings(demo)),
  };
  for (const key of Object.keys(answers)) {
    if (key in demo.graph) throw new Error(`adm-app-pwd part: ${key} is already in the demo tenant`);
  }
  return answers;
}
