// Contoso Dental: groups, guest invitation rules and tenant-wide settings that the base tenant
// does not hold.
//
// The story: Northwind IT switched off self-service trials and Office Store add-ins when it took
// the practice on in 2022, and nothing else was changed since. So the rest is Microsoft's
// defaults: anyone can invite guests from any domain, anyone can join a PC and becomes its local
// admin, Entra LAPS is off, there is no idle sign-out, and Intune (part of Business Premium)
// still calls devices without a compliance policy "compliant". Accounts are created in the
// cloud (no office server, no directory sync). Sofia made "Practice Marketing" as a public team
// in 2024 for the social-media work with an outside agency; nobody approved it as public.

const BETA = 'https://graph.microsoft.com/beta';
const V1 = 'https://graph.microsoft.com/v1.0';

/** Entra's SID for a cloud group: S-1-12-1- and the object id as four little-endian numbers. */
function cloudSid(id) {
  const hex = id.replace(/-/g, '');
  const bytes = Buffer.from(
    [hex.slice(6, 8), hex.slice(4, 6), hex.slice(2, 4), hex.slice(0, 2), hex.slice(10, 12), hex.slice(8, 10), hex.slice(14, 16), hex.slice(12, 14), hex.slice(16)].join(''),
    'hex',
  );
  return `S-1-12-1-${[0, 4, 8, 12].map((o) => bytes.readUInt32LE(o)).join('-')}`;
}

function group(demo, key, { displayName, description, created, unified, visibility, team = false }) {
  const id = demo.guid(`group/${key}`);
  const nickname = displayName.toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: created,
    creationOptions: team ? ['Team', 'ExchangeProvisioningFlags:3552'] : [],
    description,
    displayName,
    expirationDateTime: null,
    groupTypes: unified ? ['Unified'] : [],
    isAssignableToRole: null,
    mail: unified ? `${nickname}@${demo.DEFAULT_DOMAIN}` : null,
    mailEnabled: unified,
    mailNickname: unified ? nickname : `${nickname}-sg`,
    membershipRule: null,
    membershipRuleProcessingState: null,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: null,
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: unified ? [`SMTP:${nickname}@${demo.DEFAULT_DOMAIN}`] : [],
    renewedDateTime: created,
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: team ? ['Team'] : [],
    securityEnabled: !unified,
    securityIdentifier: cloudSid(id),
    theme: null,
    visibility,
    onPremisesProvisioningErrors: [],
    serviceProvisioningErrors: [],
  };
}

function groups(demo) {
  return demo.collection('groups', [
    group(demo, 'all-staff', {
      displayName: 'All Staff',
      description: 'Everyone at Contoso Dental: announcements, rota and policies.',
      created: '2019-03-12T16:20:44Z',
      unified: true,
      visibility: 'Private',
      team: true,
    }),
    group(demo, 'front-desk', {
      displayName: 'Front Desk',
      description: 'Reception, scheduling and insurance questions.',
      created: '2020-02-10T15:41:27Z',
      unified: true,
      visibility: 'Private',
      team: true,
    }),
    group(demo, 'practice-marketing', {
      displayName: 'Practice Marketing',
      description: 'Social media, newsletter and website updates with the agency.',
      created: '2024-06-10T18:03:15Z',
      unified: true,
      visibility: 'Public',
      team: true,
    }),
    group(demo, 'clinical-staff', {
      displayName: 'Clinical Staff',
      description: 'Dentists, hygienists and assistants: access to the clinical forms library.',
      created: '2021-09-20T16:12:08Z',
      unified: false,
      visibility: null,
    }),
  ]);
}

/** The tenant's B2B management policy: Microsoft's default, with no allow or block list. */
function legacyPolicies(demo) {
  const definition = {
    B2BManagementPolicy: {
      InvitationsAllowedAndBlockedDomainsPolicy: { BlockedDomains: [] },
      AutoRedeemPolicy: { AdminConsentedForUsersIntoTenantIds: [], NoAADConsentForUsersFromTenantsIds: [] },
    },
  };
  return {
    '@odata.context': `${BETA}/$metadata#legacy/policies`,
    value: [
      {
        id: demo.guid('legacy-policy/b2b'),
        deletedDateTime: null,
        definition: [JSON.stringify(definition)],
        displayName: 'B2BManagementPolicy',
        isOrganizationDefault: true,
        keyCredentials: [],
        type: 6,
      },
    ],
  };
}

function appsAndServicesSettings() {
  return {
    '@odata.context': `${BETA}/$metadata#admin/appsAndServices/settings`,
    isAppAndServicesTrialEnabled: false,
    isOfficeStoreEnabled: false,
  };
}

function onPremisesSynchronization(demo) {
  return demo.collection('directory/onPremisesSynchronization', [
    {
      id: demo.TENANT_ID,
      configuration: {
        synchronizationInterval: 'PT30M',
        customerRequestedSynchronizationInterval: null,
        synchronizationClientVersion: null,
        anchorAttribute: null,
        applicationId: null,
        accidentalDeletionPrevention: { synchronizationPreventionType: 'disabled', alertThreshold: 500 },
        currentExportData: null,
      },
      features: {
        blockCloudObjectTakeoverThroughHardMatchEnabled: false,
        blockSoftMatchEnabled: false,
        bypassDirSyncOverridesEnabled: false,
        cloudPasswordPolicyForPasswordSyncedUsersEnabled: false,
        concurrentCredentialUpdateEnabled: false,
        concurrentOrgIdProvisioningEnabled: true,
        deviceWritebackEnabled: false,
        directoryExtensionsEnabled: false,
        fopeConflictResolutionEnabled: false,
        groupWriteBackEnabled: false,
        passwordSyncEnabled: false,
        passwordWritebackEnabled: false,
        quarantineUponProxyAddressesConflictEnabled: true,
        quarantineUponUpnConflictEnabled: true,
        softMatchOnUpnEnabled: true,
        synchronizeUpnForManagedUsersEnabled: true,
        unifiedGroupWritebackEnabled: false,
        userForcePasswordChangeOnLogonEnabled: false,
        userWritebackEnabled: false,
      },
    },
  ]);
}

/** Device settings as Microsoft ships them; Intune manages registration, so it is not editable. */
function deviceRegistrationPolicy() {
  const everyone = { '@odata.type': '#microsoft.graph.allDeviceRegistrationMembership' };
  return {
    '@odata.context': `${BETA}/$metadata#policies/deviceRegistrationPolicy/$entity`,
    id: 'deviceRegistrationPolicy',
    displayName: 'Device Registration Policy',
    description: 'Tenant-wide policy that manages initial provisioning controls using quota restrictions, additional authentication and authorization checks',
    userDeviceQuota: 50,
    multiFactorAuthConfiguration: 'notRequired',
    azureADRegistration: { isAdminConfigurable: false, allowedToRegister: everyone },
    azureADJoin: {
      isAdminConfigurable: true,
      allowedToJoin: everyone,
      localAdmins: { enableGlobalAdmins: true, registeringUsers: everyone },
    },
    localAdminPassword: { isEnabled: false },
  };
}

function intuneSettings() {
  return {
    '@odata.context': `${V1}/$metadata#deviceManagement/settings`,
    deviceComplianceCheckinThresholdDays: 30,
    isScheduledActionEnabled: true,
    secureByDefault: false,
  };
}

export default function gstTenSpo(demo) {
  const answers = {
    'GET /v1.0/groups': demo.ok(groups(demo)),
    'GET /beta/legacy/policies': demo.ok(legacyPolicies(demo)),
    'GET /beta/admin/appsAndServices/settings': demo.ok(appsAndServicesSettings()),
    // No idle-session timeout has ever been set: Graph answers with an empty collection.
    'GET /v1.0/policies/activityBasedTimeoutPolicies': demo.ok(
      demo.collection('policies/activityBasedTimeoutPolicies', []),
    ),
    'GET /v1.0/directory/onPremisesSynchronization': demo.ok(onPremisesSynchronization(demo)),
    'GET /beta/policies/deviceRegistrationPolicy': demo.ok(deviceRegistrationPolicy()),
    'GET /v1.0/deviceManagement/settings': demo.ok(intuneSettings()),
  };
  // Only fill what the tenant does not already answer.
  return Object.fromEntries(Object.entries(answers).filter(([key]) => !(key in demo.graph)));
}
