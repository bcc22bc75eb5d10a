// Builds the Contoso Dental demo tenant: a tenant-fixture/1 document of recorded Microsoft Graph
// v1.0 responses and public DNS answers, plus the tenant settings the owner would declare.
//
//   node assets/demo/generate-demo.mjs
//
// Deterministic: every id comes from a SHA-256 of a fixed name and every timestamp is written out,
// so running it twice gives byte-identical files. No credentials or key material of any kind.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const GRAPH = 'https://graph.microsoft.com/v1.0';

// ---------------------------------------------------------------------------------------------
// Deterministic identifiers

function digest(name) {
  return createHash('sha256').update(`contoso-dental/${name}`).digest();
}

/** A GUID (version 4 layout) derived from a name: 8-4-4-4-12 lowercase hex. */
function guid(name) {
  const b = Buffer.from(digest(name).subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The 16 bytes of a GUID in the mixed-endian order Windows uses. */
function guidBytes(id) {
  const h = id.replace(/-/g, '');
  const raw = Buffer.from(h, 'hex');
  return Buffer.concat([
    Buffer.from(raw.subarray(0, 4)).reverse(),
    Buffer.from(raw.subarray(4, 6)).reverse(),
    Buffer.from(raw.subarray(6, 8)).reverse(),
    raw.subarray(8, 16),
  ]);
}

const b64url = (buf) => buf.toString('base64url');

/** Tenant-wide unified role assignment id: role template bytes + principal bytes + "-1". */
function roleAssignmentId(roleTemplateId, principalId) {
  return `${b64url(guidBytes(roleTemplateId))}${b64url(guidBytes(principalId))}-1`;
}

/** App role assignment id: base64url of the principal's GUID bytes plus a derived tail. */
function appRoleAssignmentId(principalId, appRoleId) {
  return b64url(Buffer.concat([guidBytes(principalId), digest(`ara/${principalId}/${appRoleId}`).subarray(0, 16)]));
}

// ---------------------------------------------------------------------------------------------
// Well-known Microsoft identifiers

const TENANT_ID = guid('tenant');
const DEFAULT_DOMAIN = 'contosodental.com';
const INITIAL_DOMAIN = 'contosodental.onmicrosoft.com';
const MICROSOFT_SERVICES_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

const SPB_SKU_ID = 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46';

/** Service plans of Microsoft 365 Business Premium (SPB) with the service name Graph reports. */
const SPB_PLANS = [
  ['AAD_SMB', 'de377cbc-0019-4ec2-b77c-3f223947e102', 'AADPremiumService'],
  ['AAD_PREMIUM', '41781fb2-bc02-4b7c-bd55-b576c07bb09d', 'AADPremiumService'],
  ['MFA_PREMIUM', '8a256a2b-b617-496d-b51b-e76466e88db0', 'MultiFactorService'],
  ['ADALLOM_S_DISCOVERY', '932ad362-64a8-4783-9106-97849a1a30b9', 'Adallom'],
  ['EXCHANGE_S_STANDARD', '9aaf7827-d63c-4b61-89c3-182f06f82e5c', 'exchange'],
  ['EXCHANGE_S_ARCHIVE_ADDON', '176a09a6-7ec5-4039-ac02-b2791c6ba793', 'exchange'],
  ['EXCHANGE_S_FOUNDATION', '113feb6c-3fe4-4440-bddc-54d774bf0318', 'exchange'],
  ['MICROSOFTBOOKINGS', '199a5c09-e0ca-4e37-8f7c-b05d533e1ea2', 'exchange'],
  ['ATP_ENTERPRISE', 'f20fedf3-f3c3-43c3-8267-2bfdd51c0939', 'exchange'],
  ['SHAREPOINTSTANDARD', 'c7699d2e-19aa-44de-8edf-1736da088ca1', 'SharePoint'],
  ['SHAREPOINTWAC', 'e95bec33-7c88-4a70-8e19-b10bd9d0c014', 'SharePoint'],
  ['OFFICE_BUSINESS', '094e7854-93fc-4d55-b2c0-3ab5369ebdc1', 'MicrosoftOffice'],
  ['MCOSTANDARD', '0feaeb32-d00e-4d66-bd5a-43b5b83db82c', 'MicrosoftCommunicationsOnline'],
  ['TEAMS1', '57ff2da0-773e-42df-b2af-ffb7a2317929', 'TeamspaceAPI'],
  ['INTUNE_A', 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5', 'SCO'],
  ['INTUNE_SMBIZ', '8e9ff0ff-aa7a-4b20-83c1-2f636b600ac2', 'SCO'],
  ['MDE_SMB', 'bfc1bbd9-981b-4f71-9b82-17c35fd0e2a4', 'WindowsDefenderATP'],
  ['WINBIZ', '8e229017-d77b-43d5-9305-903395523b99', 'Windows'],
  ['RMS_S_PREMIUM', '6c57d4b6-3b23-47a5-9bc9-69f17b4947b3', 'RMSOnline'],
  ['RMS_S_ENTERPRISE', 'bea4c11e-220a-4e6d-8eb8-8ea15d019f90', 'RMSOnline'],
  ['FORMS_PLAN_E1', '159f4cd6-e380-449f-a816-af1a9ef76344', 'OfficeForms'],
  ['SWAY', 'a23b959c-7ce8-4e57-9140-b90eb88a9e97', 'Sway'],
  ['PROJECTWORKMANAGEMENT', 'b737dad2-2f6c-4c65-90e3-ca563267e8b9', 'ProjectWorkManagement'],
  ['BPOS_S_TODO_1', '5e62787c-c316-451f-b873-1d05acd4d12c', 'To-Do'],
  ['YAMMER_ENTERPRISE', '7547a3fe-08ee-4ccb-b430-5077c5041653', 'YammerEnterprise'],
  ['POWERAPPS_O365_S1', '92f7a6f3-b89b-4bbd-8c30-809e6da5ad1c', 'PowerAppsService'],
  ['FLOW_O365_S1', '0f9b09cb-62d1-4ff4-9129-43f4996f83f4', 'ProcessSimple'],
];

const ROLE = {
  globalAdmin: '62e90394-69f5-4237-9190-012177145e10',
  privilegedRoleAdmin: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  userAdmin: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  sharepointAdmin: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c',
  exchangeAdmin: '29232cdf-9323-42fd-ade2-1d097af3e4de',
  hybridIdentityAdmin: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2',
  applicationAdmin: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  cloudApplicationAdmin: '158c047a-c907-4556-b7ef-446551a6b5f7',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
};

/** The eight highly privileged roles (template ids). */
const PRIVILEGED_ROLES = [
  ROLE.globalAdmin,
  ROLE.privilegedRoleAdmin,
  ROLE.userAdmin,
  ROLE.sharepointAdmin,
  ROLE.exchangeAdmin,
  ROLE.hybridIdentityAdmin,
  ROLE.applicationAdmin,
  ROLE.cloudApplicationAdmin,
];

const ROLE_DEFINITIONS = [
  [ROLE.globalAdmin, 'Global Administrator', 'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.', ['microsoft.directory/users/allProperties/allTasks', 'microsoft.directory/roleAssignments/allProperties/allTasks', 'microsoft.directory/applications/allProperties/allTasks', 'microsoft.directory/conditionalAccessPolicies/allProperties/allTasks', 'microsoft.office365.exchange/allEntities/allProperties/allTasks', 'microsoft.office365.sharePoint/allEntities/allTasks']],
  [ROLE.privilegedRoleAdmin, 'Privileged Role Administrator', 'Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.', ['microsoft.directory/roleAssignments/allProperties/allTasks', 'microsoft.directory/roleDefinitions/allProperties/allTasks', 'microsoft.directory/privilegedIdentityManagement/allProperties/allTasks']],
  [ROLE.userAdmin, 'User Administrator', 'Can manage all aspects of users and groups, including resetting passwords for limited admins.', ['microsoft.directory/users/create', 'microsoft.directory/users/delete', 'microsoft.directory/users/password/update', 'microsoft.directory/groups/create', 'microsoft.directory/groups/members/update']],
  [ROLE.sharepointAdmin, 'SharePoint Administrator', 'Can manage all aspects of the SharePoint service.', ['microsoft.office365.sharePoint/allEntities/allTasks', 'microsoft.directory/groups.unified/create', 'microsoft.office365.serviceHealth/allEntities/allTasks', 'microsoft.office365.supportTickets/allEntities/allTasks']],
  [ROLE.exchangeAdmin, 'Exchange Administrator', 'Can manage all aspects of the Exchange product.', ['microsoft.office365.exchange/allEntities/basic/allTasks', 'microsoft.directory/groups.unified/create', 'microsoft.office365.serviceHealth/allEntities/allTasks', 'microsoft.office365.supportTickets/allEntities/allTasks']],
  [ROLE.hybridIdentityAdmin, 'Hybrid Identity Administrator', 'Can manage Active Directory to Microsoft Entra cloud provisioning, Microsoft Entra Connect, pass-through authentication (PTA), password hash synchronization (PHS), seamless single sign-on (seamless SSO), and federation settings. Does not have access to manage Microsoft Entra Connect Health.', ['microsoft.directory/onPremisesSynchronization/standard/read', 'microsoft.directory/domains/federationConfiguration/basic/update']],
  [ROLE.applicationAdmin, 'Application Administrator', 'Can create and manage all aspects of app registrations and enterprise apps.', ['microsoft.directory/applications/create', 'microsoft.directory/applications/credentials/update', 'microsoft.directory/servicePrincipals/appRoleAssignedTo/update', 'microsoft.directory/applicationProxy/allProperties/allTasks']],
  [ROLE.cloudApplicationAdmin, 'Cloud Application Administrator', 'Can create and manage all aspects of app registrations and enterprise apps except App Proxy.', ['microsoft.directory/applications/create', 'microsoft.directory/applications/credentials/update', 'microsoft.directory/servicePrincipals/appRoleAssignedTo/update']],
  [ROLE.globalReader, 'Global Reader', 'Can read everything that a Global Administrator can, but not update anything.', ['microsoft.directory/users/allProperties/read', 'microsoft.directory/roleAssignments/allProperties/read', 'microsoft.directory/conditionalAccessPolicies/allProperties/read']],
];

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const EXO_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
const PERM = {
  mailRead: '810c84a8-4a9e-49e6-bf7d-12d183f40d01',
  mailReadWrite: 'e2a3a72e-5f79-4c64-b1b1-878b674786c9',
  filesReadWriteAll: '75359482-378d-4052-8f01-80520e7db3cd',
  fullAccessAsApp: 'dc890d15-9560-4a4c-9b7f-a736ec74ec40',
};

const GUEST_ROLE_LIMITED = '10dae51f-b6af-4016-8d66-8c2a99b929b3';

// ---------------------------------------------------------------------------------------------
// People and accounts

const TENANT_CREATED = '2019-03-11T17:42:08Z';
const LICENCE_DATE = '2023-07-01T16:05:31Z'; // moved from Business Standard to Business Premium

/**
 * Every account in the directory. `licensed` = Business Premium with a mailbox.
 * `mfa` = methods registered (empty = not registered). `lastSignIn` feeds signInActivity.
 */
const PEOPLE = [
  { key: 'megan', given: 'Megan', sur: 'Bowen', upn: 'megan.bowen', title: 'Practice Owner & Principal Dentist', dept: 'Clinical', created: TENANT_CREATED, licensed: true, mfa: ['microsoftAuthenticatorPush', 'microsoftAuthenticatorPasswordless', 'mobilePhone'], lastSignIn: '2026-11-20T08:12:44Z', display: 'Dr. Megan Bowen' },
  { key: 'lynne', given: 'Lynne', sur: 'Robbins', upn: 'lynne.robbins', title: 'Office Manager', dept: 'Administration', created: '2019-03-12T15:20:10Z', licensed: true, mfa: ['microsoftAuthenticatorPush', 'mobilePhone'], lastSignIn: '2026-11-20T07:58:02Z' },
  { key: 'adele', given: 'Adele', sur: 'Vance', upn: 'adele.vance', title: 'Associate Dentist', dept: 'Clinical', created: '2019-06-03T14:02:51Z', licensed: true, mfa: ['microsoftAuthenticatorPush', 'mobilePhone'], lastSignIn: '2026-11-19T16:40:18Z', display: 'Dr. Adele Vance' },
  { key: 'raj', given: 'Raj', sur: 'Patel', upn: 'raj.patel', title: 'Associate Dentist', dept: 'Clinical', created: '2021-09-13T15:31:09Z', licensed: true, mfa: ['microsoftAuthenticatorPush'], lastSignIn: '2026-11-19T17:05:33Z', display: 'Dr. Raj Patel' },
  { key: 'sofia', given: 'Sofia', sur: 'Alvarez', upn: 'sofia.alvarez', title: 'Orthodontist', dept: 'Clinical', created: '2023-02-20T16:11:45Z', licensed: true, mfa: ['microsoftAuthenticatorPush', 'mobilePhone'], lastSignIn: '2026-11-18T15:22:07Z', display: 'Dr. Sofia Alvarez' },
  { key: 'grace', given: 'Grace', sur: 'Taylor', upn: 'grace.taylor', title: 'Dental Hygienist', dept: 'Hygiene', created: '2019-04-01T16:45:00Z', licensed: true, mfa: ['mobilePhone'], lastSignIn: '2026-11-19T18:01:12Z' },
  { key: 'hannah', given: 'Hannah', sur: 'Kim', upn: 'hannah.kim', title: 'Dental Hygienist', dept: 'Hygiene', created: '2020-08-17T15:09:30Z', licensed: true, mfa: ['microsoftAuthenticatorPush', 'mobilePhone'], lastSignIn: '2026-11-20T09:14:55Z' },
  { key: 'miguel', given: 'Miguel', sur: 'Torres', upn: 'miguel.torres', title: 'Dental Hygienist', dept: 'Hygiene', created: '2022-01-10T16:30:22Z', licensed: true, mfa: ['microsoftAuthenticatorPush'], lastSignIn: '2026-11-17T16:48:39Z' },
  { key: 'priya', given: 'Priya', sur: 'Shah', upn: 'priya.shah', title: 'Dental Hygienist', dept: 'Hygiene', created: '2024-05-06T15:55:17Z', licensed: true, mfa: ['microsoftAuthenticatorPush', 'mobilePhone'], lastSignIn: '2026-11-20T10:03:21Z' },
  { key: 'johanna', given: 'Johanna', sur: 'Lorenz', upn: 'johanna.lorenz', title: 'Dental Assistant', dept: 'Clinical', created: '2019-09-23T14:37:48Z', licensed: true, mfa: ['mobilePhone'], lastSignIn: '2026-11-19T15:26:50Z' },
  { key: 'tom', given: 'Tom', sur: 'Becker', upn: 'tom.becker', title: 'Dental Assistant', dept: 'Clinical', created: '2021-03-08T16:14:03Z', licensed: true, mfa: ['microsoftAuthenticatorPush'], lastSignIn: '2026-11-18T17:33:29Z' },
  { key: 'emily', given: 'Emily', sur: 'Chen', upn: 'emily.chen', title: 'Dental Assistant', dept: 'Clinical', created: '2023-08-14T15:48:36Z', licensed: true, mfa: ['microsoftAuthenticatorPush', 'mobilePhone'], lastSignIn: '2026-11-20T08:47:15Z' },
  { key: 'diego', given: 'Diego', sur: 'Ramos', upn: 'diego.ramos', title: 'Dental Assistant', dept: 'Clinical', created: '2025-01-13T16:20:58Z', licensed: true, mfa: ['microsoftAuthenticatorPush'], lastSignIn: '2026-11-19T16:02:41Z' },
  { key: 'jessica', given: 'Jessica', sur: 'Moore', upn: 'jessica.moore', title: 'Front Desk Coordinator', dept: 'Front Office', created: '2020-02-03T15:02:19Z', licensed: true, mfa: ['microsoftAuthenticatorPush', 'mobilePhone'], lastSignIn: '2026-11-20T07:31:06Z' },
  { key: 'kevin', given: 'Kevin', sur: "O'Brien", upn: 'kevin.obrien', title: 'Front Desk Coordinator (part-time)', dept: 'Front Office', created: '2024-09-09T15:44:12Z', licensed: true, mfa: [], lastSignIn: '2026-11-16T16:18:27Z' },
  { key: 'aisha', given: 'Aisha', sur: 'Mohammed', upn: 'aisha.mohammed', title: 'Patient Coordinator', dept: 'Front Office', created: '2022-06-20T15:25:40Z', licensed: true, mfa: ['microsoftAuthenticatorPush', 'mobilePhone'], lastSignIn: '2026-11-20T09:52:38Z' },
  { key: 'rachel', given: 'Rachel', sur: 'Foster', upn: 'rachel.foster', title: 'Treatment Coordinator', dept: 'Front Office', created: '2021-11-29T16:07:55Z', licensed: true, mfa: ['microsoftAuthenticatorPush'], lastSignIn: '2026-11-19T17:41:03Z' },
  { key: 'laura', given: 'Laura', sur: 'Nguyen', upn: 'laura.nguyen', title: 'Insurance & Billing Coordinator', dept: 'Administration', created: '2020-10-05T14:58:24Z', licensed: true, mfa: ['microsoftAuthenticatorPush', 'mobilePhone'], lastSignIn: '2026-11-20T08:26:11Z' },
  { key: 'brian', given: 'Brian', sur: 'Walsh', upn: 'brian.walsh', title: 'Bookkeeper', dept: 'Administration', created: '2019-05-13T15:33:07Z', licensed: true, mfa: ['mobilePhone'], lastSignIn: '2026-11-18T14:09:52Z' },
  { key: 'carlos', given: 'Carlos', sur: 'Mendes', upn: 'carlos.mendes', title: 'Sterilization Technician', dept: 'Clinical', created: '2026-10-05T15:12:44Z', licensed: true, mfa: ['microsoftAuthenticatorPush'], lastSignIn: '2026-11-19T14:55:16Z' },
  { key: 'reception', upn: 'reception', display: 'Reception', title: null, dept: null, created: '2019-03-12T16:01:33Z', licensed: false, enabled: false, mfa: [], lastSignIn: null },
  { key: 'scanner', upn: 'scanner', display: 'Office Scanner', title: 'Scan-to-email (front office copier)', dept: null, created: '2020-01-27T18:22:05Z', licensed: true, mfa: [], lastSignIn: '2026-11-20T11:37:29Z' },
  { key: 'itsupport', upn: 'it-support', display: 'Northwind IT Support', title: 'Managed IT provider', dept: 'Northwind IT', company: 'Northwind IT', created: '2022-04-04T19:10:47Z', licensed: false, mfa: ['microsoftAuthenticatorPush', 'microsoftAuthenticatorPasswordless'], lastSignIn: '2026-11-18T21:14:08Z' },
  { key: 'breakglass', upn: 'breakglass', domain: INITIAL_DOMAIN, display: 'Emergency Access (break-glass)', title: null, dept: null, created: '2022-04-04T19:26:12Z', licensed: false, mfa: ['passKeyDeviceBound'], lastSignIn: '2026-09-02T18:03:51Z' },
  { key: 'contractor', given: 'Jon', sur: 'Ramsey', upn: 'jon.contractor', display: 'Jon Ramsey (Contractor)', title: 'IT Contractor', dept: 'External', created: '2024-02-05T17:48:26Z', licensed: true, mfa: [], lastSignIn: '2025-06-27T20:31:45Z' },
  { key: 'labguest', guest: 'sam.ortiz@bridgewaterdentallab.com', given: 'Sam', sur: 'Ortiz', display: 'Sam Ortiz (Bridgewater Dental Lab)', created: '2023-03-15T17:19:32Z', lastSignIn: '2026-11-12T19:44:21Z' },
  { key: 'accountant', guest: 'dana@whitfieldcpa.com', given: 'Dana', sur: 'Whitfield', display: 'Dana Whitfield (Whitfield CPA)', created: '2021-04-12T16:52:09Z', lastSignIn: '2026-04-15T17:06:58Z' },
];

for (const p of PEOPLE) {
  p.id = guid(`user/${p.key}`);
  if (p.guest) {
    p.userPrincipalName = `${p.guest.replace('@', '_')}#EXT#@${INITIAL_DOMAIN}`;
    p.mail = p.guest;
    p.userType = 'Guest';
  } else {
    p.userPrincipalName = `${p.upn}@${p.domain ?? DEFAULT_DOMAIN}`;
    p.mail = p.licensed || p.key === 'reception' ? p.userPrincipalName : null;
    p.userType = 'Member';
  }
  p.displayName = p.display ?? `${p.given} ${p.sur}`;
  p.accountEnabled = p.enabled ?? true;
}
const person = (key) => {
  const p = PEOPLE.find((x) => x.key === key);
  if (!p) throw new Error(`no person ${key}`);
  return p;
};
const OWNER = person('megan');
const MANAGER = person('lynne');
const MSP = person('itsupport');
const BREAKGLASS = person('breakglass');
const SCANNER = person('scanner');
const CONTRACTOR = person('contractor');

/** Who holds which role, tenant-wide. */
const ROLE_HOLDERS = [
  [ROLE.globalAdmin, OWNER],
  [ROLE.globalAdmin, MANAGER],
  [ROLE.globalAdmin, MSP],
  [ROLE.globalAdmin, BREAKGLASS],
  [ROLE.globalAdmin, CONTRACTOR],
  [ROLE.exchangeAdmin, MANAGER],
  [ROLE.sharepointAdmin, MSP],
];
const ADMIN_IDS = new Set(ROLE_HOLDERS.map(([, p]) => p.id));

// ---------------------------------------------------------------------------------------------
// Graph responses

const collection = (context, value) => ({ '@odata.context': `${GRAPH}/$metadata#${context}`, value });

const assignedPlans = (date) =>
  SPB_PLANS.map(([, servicePlanId, service]) => ({ assignedDateTime: date, capabilityStatus: 'Enabled', service, servicePlanId }));

const provisionedPlans = () => [
  ...SPB_PLANS.filter(([, , s]) => s === 'exchange').map(() => ({ capabilityStatus: 'Enabled', provisioningStatus: 'Success', service: 'exchange' })),
  { capabilityStatus: 'Enabled', provisioningStatus: 'Success', service: 'MicrosoftCommunicationsOnline' },
  { capabilityStatus: 'Enabled', provisioningStatus: 'Success', service: 'SharePoint' },
  { capabilityStatus: 'Enabled', provisioningStatus: 'Success', service: 'SharePoint' },
];

function organization() {
  return collection('organization', [
    {
      id: TENANT_ID,
      deletedDateTime: null,
      businessPhones: ['+1 425 555 0140'],
      city: 'Bellevue',
      country: null,
      countryLetterCode: 'US',
      createdDateTime: TENANT_CREATED,
      defaultUsageLocation: 'US',
      displayName: 'Contoso Dental',
      isMultipleDataLocationsForServicesEnabled: null,
      marketingNotificationEmails: [],
      onPremisesLastSyncDateTime: null,
      onPremisesSyncEnabled: null,
      partnerTenantType: null,
      postalCode: '98004',
      preferredLanguage: 'en',
      securityComplianceNotificationMails: [],
      securityComplianceNotificationPhones: [],
      state: 'WA',
      street: '12 Lakeview Plaza, Suite 210',
      technicalNotificationMails: [`it-support@${DEFAULT_DOMAIN}`],
      tenantType: 'AAD',
      directorySizeQuota: { used: 412, total: 300000 },
      privacyProfile: null,
      assignedPlans: assignedPlans(LICENCE_DATE),
      onPremisesSyncStatus: [],
      provisionedPlans: [
        { capabilityStatus: 'Enabled', provisioningStatus: 'Success', service: 'exchange' },
        { capabilityStatus: 'Enabled', provisioningStatus: 'Success', service: 'SharePoint' },
        { capabilityStatus: 'Enabled', provisioningStatus: 'Success', service: 'MicrosoftCommunicationsOnline' },
      ],
      verifiedDomains: [
        { capabilities: 'Email, OfficeCommunicationsOnline', isDefault: true, isInitial: false, name: DEFAULT_DOMAIN, type: 'Managed' },
        { capabilities: 'Email, OfficeCommunicationsOnline', isDefault: false, isInitial: true, name: INITIAL_DOMAIN, type: 'Managed' },
      ],
    },
  ]);
}

function subscribedSkus() {
  const licensedCount = PEOPLE.filter((p) => p.licensed).length;
  return collection('subscribedSkus', [
    {
      accountName: 'ContosoDental',
      accountId: TENANT_ID,
      appliesTo: 'User',
      capabilityStatus: 'Enabled',
      consumedUnits: licensedCount,
      id: `${TENANT_ID}_${SPB_SKU_ID}`,
      skuId: SPB_SKU_ID,
      skuPartNumber: 'SPB',
      subscriptionIds: [guid('subscription/spb')],
      prepaidUnits: { enabled: 25, suspended: 0, warning: 0, lockedOut: 0 },
      servicePlans: SPB_PLANS.map(([servicePlanName, servicePlanId]) => ({
        servicePlanId,
        servicePlanName,
        provisioningStatus: 'Success',
        appliesTo: 'User',
      })),
    },
  ]);
}

function securityDefaults() {
  return {
    '@odata.context': `${GRAPH}/$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity`,
    id: '00000000-0000-0000-0000-000000000000',
    displayName: 'Security Defaults',
    description:
      'Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When enabled, these recommendations will be automatically enforced in your organization. Administrators and users will be better protected from common identity related attacks.',
    isEnabled: false,
  };
}

const NAMED_LOCATION_ID = guid('namedLocation/ca-us');

function namedLocations() {
  return collection('identity/conditionalAccess/namedLocations', [
    {
      '@odata.type': '#microsoft.graph.countryNamedLocation',
      id: NAMED_LOCATION_ID,
      displayName: 'Canada and United States',
      createdDateTime: '2025-08-19T22:04:37.1736042Z',
      modifiedDateTime: '2025-08-19T22:04:37.1736042Z',
      countriesAndRegions: ['CA', 'US'],
      includeUnknownCountriesAndRegions: false,
      countryLookupMethod: 'clientIpAddress',
    },
  ]);
}

function caPolicy({ key, displayName, state, created, modified, users, clientAppTypes = ['all'], locations = null, grant }) {
  return {
    id: guid(`ca/${key}`),
    templateId: null,
    displayName,
    createdDateTime: created,
    modifiedDateTime: modified,
    state,
    sessionControls: null,
    conditions: {
      userRiskLevels: [],
      signInRiskLevels: [],
      clientAppTypes,
      servicePrincipalRiskLevels: [],
      insiderRiskLevels: null,
      platforms: null,
      locations,
      devices: null,
      clientApplications: null,
      authenticationFlows: null,
      applications: {
        includeApplications: ['All'],
        excludeApplications: [],
        includeUserActions: [],
        includeAuthenticationContextClassReferences: [],
        applicationFilter: null,
      },
      users: {
        includeUsers: [],
        excludeUsers: [],
        includeGroups: [],
        excludeGroups: [],
        includeRoles: [],
        excludeRoles: [],
        includeGuestsOrExternalUsers: null,
        excludeGuestsOrExternalUsers: null,
        ...users,
      },
    },
    grantControls: {
      operator: 'OR',
      builtInControls: [grant],
      customAuthenticationFactors: [],
      termsOfUse: [],
      authenticationStrength: null,
    },
  };
}

const CA_POLICIES = [
  caPolicy({
    key: 'admin-mfa',
    displayName: 'Require MFA for admins',
    state: 'enabled',
    created: '2025-03-18T19:22:41.6632853Z',
    modified: '2025-03-18T19:31:05.2870014Z',
    users: { includeRoles: PRIVILEGED_ROLES, excludeUsers: [BREAKGLASS.id] },
    grant: 'mfa',
  }),
  caPolicy({
    key: 'all-users-mfa',
    displayName: 'Require MFA for all users',
    state: 'enabledForReportingButNotEnforced',
    created: '2026-04-14T17:08:19.4413577Z',
    modified: '2026-04-14T17:08:19.4413577Z',
    users: { includeUsers: ['All'], excludeUsers: [BREAKGLASS.id] },
    grant: 'mfa',
  }),
  caPolicy({
    key: 'block-legacy',
    displayName: 'Block legacy authentication',
    state: 'enabled',
    created: '2025-03-18T19:40:12.9981265Z',
    modified: '2025-05-06T15:17:48.0341129Z',
    users: { includeUsers: ['All'], excludeUsers: [BREAKGLASS.id, SCANNER.id] },
    clientAppTypes: ['exchangeActiveSync', 'other'],
    grant: 'block',
  }),
  caPolicy({
    key: 'geo-block',
    displayName: 'Block sign-ins from outside Canada and US',
    state: 'disabled',
    created: '2025-08-19T22:11:53.5520468Z',
    modified: '2025-08-21T16:02:30.7316695Z',
    users: { includeUsers: ['All'], excludeUsers: [BREAKGLASS.id] },
    locations: { includeLocations: ['All'], excludeLocations: [NAMED_LOCATION_ID] },
    grant: 'block',
  }),
];

function roleAssignments() {
  return collection('roleManagement/directory/roleAssignments(principal())', ROLE_HOLDERS.map(([roleDefinitionId, p]) => ({
    id: roleAssignmentId(roleDefinitionId, p.id),
    principalId: p.id,
    roleDefinitionId,
    directoryScopeId: '/',
    appScopeId: null,
    condition: null,
    principal: {
      '@odata.type': '#microsoft.graph.user',
      id: p.id,
      displayName: p.displayName,
      userPrincipalName: p.userPrincipalName,
      mail: p.mail,
    },
  })));
}

function roleDefinitions() {
  return collection('roleManagement/directory/roleDefinitions', ROLE_DEFINITIONS.map(([id, displayName, description, actions]) => ({
    id,
    description,
    displayName,
    isBuiltIn: true,
    isEnabled: true,
    resourceScopes: ['/'],
    templateId: id,
    version: '1',
    rolePermissions: [{ allowedResourceActions: actions, excludedResourceActions: [], condition: null }],
  })));
}

function signInActivity(p) {
  if (!p.lastSignIn) return null;
  return {
    lastSignInDateTime: p.lastSignIn,
    lastSignInRequestId: guid(`signin-activity/${p.key}`),
    lastNonInteractiveSignInDateTime: p.lastSignIn,
    lastNonInteractiveSignInRequestId: guid(`signin-activity-ni/${p.key}`),
    lastSuccessfulSignInDateTime: p.lastSignIn,
    lastSuccessfulSignInRequestId: guid(`signin-activity/${p.key}`),
  };
}

function users() {
  return collection('users', PEOPLE.map((p) => ({
    id: p.id,
    businessPhones: p.userType === 'Member' && p.given ? ['+1 425 555 0140'] : [],
    displayName: p.displayName,
    givenName: p.given ?? null,
    surname: p.sur ?? null,
    jobTitle: p.title ?? null,
    department: p.dept ?? null,
    companyName: p.company ?? null,
    mail: p.mail,
    mobilePhone: null,
    officeLocation: p.userType === 'Member' && p.given ? 'Bellevue' : null,
    preferredLanguage: p.userType === 'Member' ? 'en-US' : null,
    userPrincipalName: p.userPrincipalName,
    userType: p.userType,
    accountEnabled: p.accountEnabled,
    createdDateTime: p.created,
    creationType: p.userType === 'Guest' ? 'Invitation' : null,
    externalUserState: p.userType === 'Guest' ? 'Accepted' : null,
    externalUserStateChangeDateTime: p.userType === 'Guest' ? p.created : null,
    usageLocation: p.userType === 'Member' ? 'US' : null,
    onPremisesSyncEnabled: null,
    onPremisesImmutableId: null,
    onPremisesLastSyncDateTime: null,
    assignedLicenses: p.licensed ? [{ disabledPlans: [], skuId: SPB_SKU_ID }] : [],
    assignedPlans: p.licensed ? assignedPlans(p.created > LICENCE_DATE ? p.created : LICENCE_DATE) : [],
    provisionedPlans: p.licensed ? provisionedPlans() : [],
    signInActivity: signInActivity(p),
  })));
}

function authorizationPolicy() {
  return {
    '@odata.context': `${GRAPH}/$metadata#policies/authorizationPolicy/$entity`,
    id: 'authorizationPolicy',
    allowInvitesFrom: 'everyone',
    allowedToSignUpEmailBasedSubscriptions: true,
    allowedToUseSSPR: true,
    allowEmailVerifiedUsersToJoinOrganization: false,
    allowUserConsentForRiskyApps: false,
    blockMsolPowerShell: false,
    description: 'Used to manage authorization related settings across the company.',
    displayName: 'Authorization Policy',
    guestUserRoleId: GUEST_ROLE_LIMITED,
    defaultUserRolePermissions: {
      allowedToCreateApps: false,
      allowedToCreateSecurityGroups: true,
      allowedToCreateTenants: true,
      allowedToReadBitlockerKeysForOwnedDevice: true,
      allowedToReadOtherUsers: true,
      permissionGrantPoliciesAssigned: [
        'ManagePermissionGrantsForSelf.microsoft-user-default-legacy',
        'ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-team',
        'ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-chat',
      ],
    },
  };
}

function domains() {
  const common = {
    authenticationType: 'Managed',
    availabilityStatus: null,
    isAdminManaged: true,
    isRoot: true,
    isVerified: true,
    passwordNotificationWindowInDays: 14,
    passwordValidityPeriodInDays: 2147483647,
    state: null,
    supportedServices: ['Email', 'OfficeCommunicationsOnline'],
  };
  return collection('domains', [
    { id: DEFAULT_DOMAIN, ...common, isDefault: true, isInitial: false },
    { id: INITIAL_DOMAIN, ...common, isDefault: false, isInitial: true },
  ]);
}

function sharepointSettings() {
  return {
    '@odata.context': `${GRAPH}/$metadata#admin/sharepoint/settings/$entity`,
    allowedDomainGuidsForSyncApp: [],
    availableManagedPathsForSiteCreation: ['/sites/', '/teams/'],
    deletedUserPersonalSiteRetentionPeriodInDays: 30,
    excludedFileExtensionsForSyncApp: [],
    idleSessionSignOut: { isEnabled: false, warnAfterInSeconds: 0, signOutAfterInSeconds: 0 },
    imageTaggingOption: 'basic',
    isCommentingOnSitePagesEnabled: true,
    isFileActivityNotificationEnabled: true,
    isLegacyAuthProtocolsEnabled: true,
    isLoopEnabled: true,
    isMacSyncAppEnabled: true,
    isRequireAcceptingUserToMatchInvitedUserEnabled: false,
    isResharingByExternalUsersEnabled: true,
    isSharePointMobileNotificationEnabled: true,
    isSharePointNewsfeedEnabled: false,
    isSiteCreationEnabled: true,
    isSiteCreationUIEnabled: true,
    isSitePagesCreationEnabled: true,
    isSitesStorageLimitAutomatic: true,
    isSyncButtonHiddenOnPersonalSite: false,
    isUnmanagedSyncAppForTenantRestricted: false,
    personalSiteDefaultStorageLimitInMB: 1048576,
    sharingAllowedDomainList: [],
    sharingBlockedDomainList: [],
    sharingCapability: 'externalUserAndGuestSharing',
    sharingDomainRestrictionMode: 'none',
    siteCreationDefaultManagedPath: '/sites/',
    siteCreationDefaultStorageLimitInMB: 26214400,
    tenantDefaultTimezone: '(UTC-08:00) Pacific Time (US and Canada)',
  };
}

const SYSTEM_PREFERRED = {
  passKeyDeviceBound: 'fido2',
  microsoftAuthenticatorPush: 'push',
  mobilePhone: 'sms',
};

function userRegistrationDetails() {
  const members = PEOPLE.filter((p) => p.userType === 'Member');
  return collection('reports/authenticationMethods/userRegistrationDetails', members.map((p) => {
    const registered = p.mfa.length > 0;
    const preferred = p.mfa.map((m) => SYSTEM_PREFERRED[m]).find(Boolean) ?? 'none';
    return {
      id: p.id,
      userPrincipalName: p.userPrincipalName,
      userDisplayName: p.displayName,
      userType: 'member',
      isAdmin: ADMIN_IDS.has(p.id),
      isSsprRegistered: registered,
      isSsprEnabled: true,
      isSsprCapable: registered,
      isMfaRegistered: registered,
      isMfaCapable: registered,
      isPasswordlessCapable: p.mfa.includes('passKeyDeviceBound') || p.mfa.includes('microsoftAuthenticatorPasswordless'),
      methodsRegistered: p.mfa,
      isSystemPreferredAuthenticationMethodEnabled: true,
      systemPreferredAuthenticationMethods: registered ? [preferred] : [],
      userPreferredMethodForSecondaryAuthentication: ['push', 'sms'].includes(preferred) ? preferred : 'none',
      lastUpdatedDateTime: '2026-11-20T06:14:37.5521793Z',
    };
  }));
}

function authenticationMethodsPolicy() {
  const allUsers = (extra = {}) => [{ targetType: 'group', id: 'all_users', isRegistrationRequired: false, ...extra }];
  const noGroup = { targetType: 'group', id: '00000000-0000-0000-0000-000000000000' };
  return {
    '@odata.context': `${GRAPH}/$metadata#policies/authenticationMethodsPolicy/$entity`,
    id: 'authenticationMethodsPolicy',
    displayName: 'Authentication Methods Policy',
    description:
      'The tenant-wide policy that controls which authentication methods are allowed in the tenant, authentication method registration requirements, and self-service password reset settings',
    lastModifiedDateTime: '2025-03-18T19:12:26.4483117Z',
    policyVersion: '1.5',
    reconfirmationInDays: 0,
    policyMigrationState: 'migrationInProgress',
    registrationEnforcement: {
      authenticationMethodsRegistrationCampaign: {
        snoozeDurationInDays: 1,
        enforceRegistrationAfterAllowedSnoozes: true,
        state: 'default',
        excludeTargets: [],
        includeTargets: [{ id: 'all_users', targetType: 'group', targetedAuthenticationMethod: 'microsoftAuthenticator' }],
      },
    },
    authenticationMethodConfigurations: [
      {
        '@odata.type': '#microsoft.graph.microsoftAuthenticatorAuthenticationMethodConfiguration',
        id: 'MicrosoftAuthenticator',
        state: 'enabled',
        isSoftwareOathEnabled: false,
        excludeTargets: [],
        featureSettings: {
          displayAppInformationRequiredState: { state: 'enabled', includeTarget: { targetType: 'group', id: 'all_users' }, excludeTarget: noGroup },
          displayLocationInformationRequiredState: { state: 'default', includeTarget: { targetType: 'group', id: 'all_users' }, excludeTarget: noGroup },
        },
        includeTargets: allUsers({ authenticationMode: 'any' }),
      },
      {
        '@odata.type': '#microsoft.graph.fido2AuthenticationMethodConfiguration',
        id: 'Fido2',
        state: 'enabled',
        isAttestationEnforced: true,
        isSelfServiceRegistrationAllowed: true,
        excludeTargets: [],
        keyRestrictions: { isEnforced: false, enforcementType: 'block', aaGuids: [] },
        includeTargets: allUsers(),
      },
      {
        '@odata.type': '#microsoft.graph.smsAuthenticationMethodConfiguration',
        id: 'Sms',
        state: 'enabled',
        excludeTargets: [],
        includeTargets: allUsers({ isUsableForSignIn: false }),
      },
      {
        '@odata.type': '#microsoft.graph.voiceAuthenticationMethodConfiguration',
        id: 'Voice',
        state: 'disabled',
        isOfficePhoneAllowed: false,
        excludeTargets: [],
        includeTargets: [],
      },
      {
        '@odata.type': '#microsoft.graph.emailAuthenticationMethodConfiguration',
        id: 'Email',
        state: 'enabled',
        allowExternalIdToUseEmailOtp: 'default',
        excludeTargets: [],
        includeTargets: allUsers(),
      },
      {
        '@odata.type': '#microsoft.graph.softwareOathAuthenticationMethodConfiguration',
        id: 'SoftwareOath',
        state: 'disabled',
        excludeTargets: [],
        includeTargets: [],
      },
      {
        '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration',
        id: 'TemporaryAccessPass',
        state: 'disabled',
        defaultLifetimeInMinutes: 60,
        defaultLength: 8,
        minimumLifetimeInMinutes: 60,
        maximumLifetimeInMinutes: 480,
        isUsableOnce: false,
        excludeTargets: [],
        includeTargets: [],
      },
      {
        '@odata.type': '#microsoft.graph.x509CertificateAuthenticationMethodConfiguration',
        id: 'X509Certificate',
        state: 'disabled',
        excludeTargets: [],
        includeTargets: [],
        certificateUserBindings: [
          { x509CertificateField: 'PrincipalName', userProperty: 'onPremisesUserPrincipalName', priority: 1 },
          { x509CertificateField: 'RFC822Name', userProperty: 'userPrincipalName', priority: 2 },
        ],
        authenticationModeConfiguration: { x509CertificateAuthenticationDefaultMode: 'x509CertificateSingleFactor', rules: [] },
      },
    ],
  };
}

function adminConsentRequestPolicy() {
  return {
    '@odata.context': `${GRAPH}/$metadata#policies/adminConsentRequestPolicy/$entity`,
    isEnabled: false,
    notifyReviewers: false,
    remindersEnabled: false,
    requestDurationInDays: 0,
    version: 0,
    reviewers: [],
  };
}

// Applications registered in the tenant, and the service principals of the tenant.

const APPS = {
  reminder: {
    objectId: guid('application/patient-reminder-sync'),
    appId: guid('appId/patient-reminder-sync'),
    spId: guid('servicePrincipal/patient-reminder-sync'),
    displayName: 'Patient Reminder Sync',
    created: '2024-11-26T20:14:52Z',
  },
  scan: {
    objectId: guid('application/scan-to-onedrive'),
    appId: guid('appId/scan-to-onedrive'),
    spId: guid('servicePrincipal/scan-to-onedrive'),
    displayName: 'Scan to OneDrive',
    created: '2025-09-30T18:37:06Z',
  },
};
const MAILMERGE = {
  spId: guid('servicePrincipal/mailmerge-pro'),
  appId: guid('appId/mailmerge-pro'),
  ownerTenant: guid('tenant/mailmerge-pro-publisher'),
};
const GRAPH_SP_ID = guid('servicePrincipal/microsoft-graph');
const EXO_SP_ID = guid('servicePrincipal/exchange-online');

function application(app, { requiredResourceAccess, passwordCredentials = [], keyCredentials = [] }) {
  return {
    id: app.objectId,
    deletedDateTime: null,
    appId: app.appId,
    applicationTemplateId: null,
    createdDateTime: app.created,
    description: null,
    disabledByMicrosoftStatus: null,
    displayName: app.displayName,
    groupMembershipClaims: null,
    identifierUris: [],
    isDeviceOnlyAuthSupported: null,
    isFallbackPublicClient: null,
    notes: null,
    publisherDomain: DEFAULT_DOMAIN,
    serviceManagementReference: null,
    signInAudience: 'AzureADMyOrg',
    tags: [],
    tokenEncryptionKeyId: null,
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
    keyCredentials,
    passwordCredentials,
    requiredResourceAccess,
    web: { homePageUrl: null, logoutUrl: null, redirectUris: [], implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false } },
  };
}

function applications() {
  return collection('applications', [
    application(APPS.reminder, {
      requiredResourceAccess: [{ resourceAppId: GRAPH_APP_ID, resourceAccess: [{ id: PERM.mailRead, type: 'Role' }] }],
      passwordCredentials: [
        {
          customKeyIdentifier: null,
          displayName: 'reminder-sync-prod',
          endDateTime: '2026-11-26T20:19:33Z',
          keyId: guid('credential/patient-reminder-sync/secret'),
          startDateTime: '2024-11-26T20:19:33Z',
        },
      ],
    }),
    application(APPS.scan, {
      requiredResourceAccess: [{ resourceAppId: GRAPH_APP_ID, resourceAccess: [{ id: PERM.filesReadWriteAll, type: 'Role' }] }],
      keyCredentials: [
        {
          customKeyIdentifier: digest('credential/scan-to-onedrive/thumbprint').subarray(0, 20).toString('hex').toUpperCase(),
          displayName: 'CN=scan-to-onedrive.contosodental.com',
          endDateTime: '2027-09-30T18:41:00Z',
          keyId: guid('credential/scan-to-onedrive/certificate'),
          startDateTime: '2025-09-30T18:41:00Z',
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
          key: null,
        },
      ],
    }),
  ]);
}

function servicePrincipal({ id, appId, displayName, ownerTenant, publisherName, verifiedPublisher = null, signInAudience, tags = [], appRoles = [], homepage = null, servicePrincipalNames }) {
  return {
    id,
    deletedDateTime: null,
    accountEnabled: true,
    alternativeNames: [],
    appDisplayName: displayName,
    appDescription: null,
    appId,
    applicationTemplateId: null,
    appOwnerOrganizationId: ownerTenant,
    appRoleAssignmentRequired: false,
    description: null,
    disabledByMicrosoftStatus: null,
    displayName,
    homepage,
    info: { logoUrl: null, marketingUrl: null, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null },
    loginUrl: null,
    logoutUrl: null,
    notes: null,
    notificationEmailAddresses: [],
    preferredSingleSignOnMode: null,
    preferredTokenSigningKeyThumbprint: null,
    publisherName,
    replyUrls: [],
    servicePrincipalNames: servicePrincipalNames ?? [appId],
    servicePrincipalType: 'Application',
    signInAudience,
    tags,
    tokenEncryptionKeyId: null,
    verifiedPublisher: verifiedPublisher ?? { displayName: null, verifiedPublisherId: null, addedDateTime: null },
    appRoles,
    keyCredentials: [],
    passwordCredentials: [],
  };
}

const appRole = (id, value, displayName, description) => ({
  allowedMemberTypes: ['Application'],
  description,
  displayName,
  id,
  isEnabled: true,
  origin: 'Application',
  value,
});

function servicePrincipals() {
  return collection('servicePrincipals', [
    servicePrincipal({
      id: GRAPH_SP_ID,
      appId: GRAPH_APP_ID,
      displayName: 'Microsoft Graph',
      ownerTenant: MICROSOFT_SERVICES_TENANT,
      publisherName: 'Microsoft Services',
      signInAudience: 'AzureADMultipleOrgs',
      servicePrincipalNames: ['https://canary.graph.microsoft.com', 'https://graph.microsoft.com', 'https://ags.windows.net', GRAPH_APP_ID, 'https://graph.microsoft.us', 'https://dod-graph.microsoft.us'],
      appRoles: [
        appRole(PERM.mailRead, 'Mail.Read', 'Read mail in all mailboxes', 'Allows the app to read mail in all mailboxes without a signed-in user.'),
        appRole(PERM.mailReadWrite, 'Mail.ReadWrite', 'Read and write mail in all mailboxes', 'Allows the app to create, read, update, and delete mail in all mailboxes without a signed-in user. Does not include permission to send mail.'),
        appRole(PERM.filesReadWriteAll, 'Files.ReadWrite.All', 'Read and write files in all site collections', 'Allows the app to read, create, update and delete all files in all site collections without a signed in user. '),
      ],
    }),
    servicePrincipal({
      id: EXO_SP_ID,
      appId: EXO_APP_ID,
      displayName: 'Office 365 Exchange Online',
      ownerTenant: MICROSOFT_SERVICES_TENANT,
      publisherName: 'Microsoft Services',
      signInAudience: 'AzureADMultipleOrgs',
      servicePrincipalNames: ['https://outlook.office365.com/', 'https://outlook.office.com', EXO_APP_ID, 'https://ps.outlook.com'],
      appRoles: [
        appRole(PERM.fullAccessAsApp, 'full_access_as_app', 'Use Exchange Web Services with full access to all mailboxes', 'Allows the app to have full access via Exchange Web Services to all mailboxes without a signed-in user.'),
      ],
    }),
    servicePrincipal({
      id: APPS.reminder.spId,
      appId: APPS.reminder.appId,
      displayName: APPS.reminder.displayName,
      ownerTenant: TENANT_ID,
      publisherName: 'Contoso Dental',
      signInAudience: 'AzureADMyOrg',
      tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
    }),
    servicePrincipal({
      id: APPS.scan.spId,
      appId: APPS.scan.appId,
      displayName: APPS.scan.displayName,
      ownerTenant: TENANT_ID,
      publisherName: 'Contoso Dental',
      signInAudience: 'AzureADMyOrg',
      tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
    }),
    servicePrincipal({
      id: MAILMERGE.spId,
      appId: MAILMERGE.appId,
      displayName: 'MailMerge Pro',
      ownerTenant: MAILMERGE.ownerTenant,
      publisherName: 'MailMerge Pro Software',
      signInAudience: 'AzureADMultipleOrgs',
      homepage: 'https://mailmergepro.example',
      tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
    }),
  ]);
}

function graphAppRoleAssignedTo() {
  const grant = (principalId, principalDisplayName, appRoleId, createdDateTime) => ({
    id: appRoleAssignmentId(principalId, appRoleId),
    deletedDateTime: null,
    appRoleId,
    createdDateTime,
    principalDisplayName,
    principalId,
    principalType: 'ServicePrincipal',
    resourceDisplayName: 'Microsoft Graph',
    resourceId: GRAPH_SP_ID,
  });
  return collection(`servicePrincipals('${GRAPH_SP_ID}')/appRoleAssignedTo`, [
    grant(APPS.reminder.spId, APPS.reminder.displayName, PERM.mailRead, '2024-11-26T20:26:10.4471326Z'),
    grant(APPS.scan.spId, APPS.scan.displayName, PERM.filesReadWriteAll, '2025-09-30T18:52:44.9013257Z'),
    grant(MAILMERGE.spId, 'MailMerge Pro', PERM.mailReadWrite, '2026-02-09T23:17:35.6620148Z'),
  ]);
}

function exoAppRoleAssignedTo() {
  return collection(`servicePrincipals('${EXO_SP_ID}')/appRoleAssignedTo`, []);
}

function secureScores() {
  const control = (controlCategory, controlName, description, score, scoreInPercentage, implementationStatus) => ({
    controlCategory,
    controlName,
    description,
    score,
    scoreInPercentage,
    implementationStatus,
    lastSynced: '2026-11-20T02:11:36Z',
  });
  const members = PEOPLE.filter((p) => p.userType === 'Member');
  const membersRegistered = members.filter((p) => p.mfa.length > 0).length;
  const adminsRegistered = members.filter((p) => ADMIN_IDS.has(p.id) && p.mfa.length > 0).length;
  return collection('security/secureScores', [
    {
      id: `${TENANT_ID}_2026-11-20`,
      azureTenantId: TENANT_ID,
      activeUserCount: 21,
      createdDateTime: '2026-11-20T02:11:36Z',
      currentScore: 38.5,
      maxScore: 82,
      enabledServices: ['HasExchange', 'HasSharePoint', 'HasOD4B', 'HasInTune'],
      licensedUserCount: 22,
      averageComparativeScores: [
        { basis: 'AllTenants', averageScore: 41.27 },
        { basis: 'TotalSeats', averageScore: 36.84, seatSizeRangeLowerValue: '1', seatSizeRangeUpperValue: '100' },
        { basis: 'IndustryTypes', averageScore: 39.62, industryName: 'Healthcare' },
      ],
      controlScores: [
        control('Identity', 'AdminMFAV2', 'Ensure multifactor authentication is enabled for all users in administrative roles.', 8, 80, `You have ${ADMIN_IDS.size} users with administrative roles; ${adminsRegistered} are registered for multifactor authentication.`),
        control('Identity', 'MFARegistrationV2', 'Ensure all users can complete multifactor authentication.', 8.5, 85, `${membersRegistered} of ${members.length} users are registered for multifactor authentication.`),
        control('Identity', 'BlockLegacyAuthentication', 'Enable Conditional Access policies to block legacy authentication.', 8, 100, 'A Conditional Access policy blocks legacy authentication.'),
        control('Identity', 'PWAgePolicyNew', 'Set passwords to never expire.', 8, 100, 'Passwords are set to never expire.'),
        control('Identity', 'IntegratedApps', 'Do not allow users to grant consent to unmanaged applications.', 0, 0, 'Users can consent to apps accessing company data on their behalf.'),
        control('Identity', 'SelfServicePasswordReset', 'Enable self-service password reset.', 1, 100, 'Self-service password reset is enabled.'),
        control('Apps', 'mip_search_auditlog', 'Ensure audit data recording is enabled.', 3, 100, 'Audit log search is turned on.'),
        control('Apps', 'exo_mailboxaudit', 'Ensure mailbox auditing for all users is enabled.', 2, 100, 'Mailbox auditing is on for all users.'),
        control('Apps', 'spo_legacy_auth', 'Ensure modern authentication for SharePoint applications is required.', 0, 0, 'Legacy authentication protocols are allowed for SharePoint.'),
        control('Apps', 'mdo_safelinksforemail', 'Create Safe Links policies for email messages.', 0, 0, 'No Safe Links policy covers all recipients.'),
        control('Apps', 'mdo_safeattachmentpolicy', 'Ensure Safe Attachments policy is enabled.', 0, 0, 'No Safe Attachments policy covers all recipients.'),
      ],
      vendorInformation: { provider: 'SecureScore', providerVersion: null, subProvider: null, vendor: 'Microsoft' },
    },
  ]);
}

// Sign-in log: the last week.

const CA_RESULT_NOT_ENABLED = { result: 'notEnabled', enforcedGrantControls: [], enforcedSessionControls: [] };

function appliedPolicies({ admin, legacy, mfaDone }) {
  const [adminMfa, allMfa, blockLegacy, geo] = CA_POLICIES;
  const entry = (p, result, enforcedGrantControls = []) => ({
    id: p.id,
    displayName: p.displayName,
    enforcedGrantControls,
    enforcedSessionControls: [],
    result,
  });
  return [
    admin && !legacy ? entry(adminMfa, 'success', ['Mfa']) : entry(adminMfa, 'notApplied'),
    entry(allMfa, legacy ? 'reportOnlyFailure' : mfaDone ? 'reportOnlySuccess' : 'reportOnlyInterrupted', ['Mfa']),
    entry(blockLegacy, 'notApplied'),
    { id: geo.id, displayName: geo.displayName, ...CA_RESULT_NOT_ENABLED },
  ];
}

const PLACES = {
  office: { ip: '203.0.113.24', city: 'Bellevue', state: 'Washington', countryOrRegion: 'US', lat: 47.6101, lon: -122.2015 },
  home: { ip: '198.51.100.62', city: 'Kirkland', state: 'Washington', countryOrRegion: 'US', lat: 47.6769, lon: -122.206 },
  msp: { ip: '198.51.100.17', city: 'Vancouver', state: 'British Columbia', countryOrRegion: 'CA', lat: 49.2827, lon: -123.1207 },
  abroad: { ip: '192.0.2.77', city: 'Amsterdam', state: 'Noord-Holland', countryOrRegion: 'NL', lat: 52.3676, lon: 4.9041 },
};

const APP = {
  outlookMobile: ['27922004-5251-4030-b22d-91ecd9a37ea4', 'Outlook Mobile', EXO_APP_ID, 'Office 365 Exchange Online'],
  officeHome: ['4765445b-32c6-49b0-83e6-1d93765276ca', 'OfficeHome', '4765445b-32c6-49b0-83e6-1d93765276ca', 'OfficeHome'],
  teams: ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', 'Microsoft Teams', '00000003-0000-0ff1-ce00-000000000000', 'Office 365 SharePoint Online'],
  exchange: [EXO_APP_ID, 'Office 365 Exchange Online', EXO_APP_ID, 'Office 365 Exchange Online'],
  azurePortal: ['c44b4083-3bb0-49c1-b47d-974e53cbdf3c', 'Azure Portal', '797f4846-ba00-4fd7-ba43-dac1f8f63013', 'Windows Azure Service Management API'],
  adminPortal: ['00000006-0000-0ff1-ce00-000000000000', 'Microsoft Office 365 Portal', '00000006-0000-0ff1-ce00-000000000000', 'Microsoft Office 365 Portal'],
};

function signIn(n, { who, at, app, place, clientAppUsed, device, failure = null, mfaDone = true }) {
  const p = person(who);
  const [appId, appDisplayName, resourceId, resourceDisplayName] = app;
  const legacy = !['Browser', 'Mobile Apps and Desktop clients'].includes(clientAppUsed);
  const admin = ADMIN_IDS.has(p.id);
  const policies = failure ? CA_POLICIES.map((c) => ({ id: c.id, displayName: c.displayName, enforcedGrantControls: [], enforcedSessionControls: [], result: c.state === 'disabled' ? 'notEnabled' : 'notApplied' })) : appliedPolicies({ admin, legacy, mfaDone });
  return {
    id: guid(`signIn/${n}`),
    createdDateTime: at,
    userDisplayName: p.displayName,
    userPrincipalName: p.userPrincipalName,
    userId: p.id,
    appId,
    appDisplayName,
    ipAddress: place.ip,
    clientAppUsed,
    correlationId: guid(`signIn/${n}/correlation`),
    conditionalAccessStatus: policies.some((x) => x.result === 'success') ? 'success' : 'notApplied',
    isInteractive: true,
    riskDetail: 'none',
    riskLevelAggregated: 'none',
    riskLevelDuringSignIn: 'none',
    riskState: 'none',
    riskEventTypes: [],
    riskEventTypes_v2: [],
    resourceDisplayName,
    resourceId,
    status: failure
      ? { errorCode: 50126, failureReason: 'Error validating credentials due to invalid username or password.', additionalDetails: 'The user didn\'t enter the right credentials. It\'s expected to see some number of these errors in your logs due to users making mistakes.' }
      : { errorCode: 0, failureReason: 'Other.', additionalDetails: legacy ? null : mfaDone ? 'MFA requirement satisfied by claim in the token' : null },
    deviceDetail: {
      deviceId: device?.managed ? guid(`device/${who}`) : '',
      displayName: device?.managed ? device.name : '',
      operatingSystem: device?.os ?? '',
      browser: device?.browser ?? '',
      isCompliant: Boolean(device?.managed),
      isManaged: Boolean(device?.managed),
      trustType: device?.managed ? 'Azure AD joined' : '',
    },
    location: {
      city: place.city,
      state: place.state,
      countryOrRegion: place.countryOrRegion,
      geoCoordinates: { altitude: null, latitude: place.lat, longitude: place.lon },
    },
    appliedConditionalAccessPolicies: policies,
  };
}

function signIns() {
  const frontPc = { managed: true, name: 'CD-FRONT-01', os: 'Windows10', browser: 'Edge 131.0.0' };
  const rows = [
    signIn(1, { who: 'scanner', at: '2026-11-20T11:37:29Z', app: APP.exchange, place: PLACES.office, clientAppUsed: 'Authenticated SMTP', mfaDone: false }),
    signIn(2, { who: 'aisha', at: '2026-11-20T09:52:38Z', app: APP.officeHome, place: PLACES.office, clientAppUsed: 'Browser', device: frontPc }),
    signIn(3, { who: 'megan', at: '2026-11-20T08:12:44Z', app: APP.outlookMobile, place: PLACES.home, clientAppUsed: 'Mobile Apps and Desktop clients', device: { os: 'Ios 18.6' } }),
    signIn(4, { who: 'lynne', at: '2026-11-19T16:21:07Z', app: APP.adminPortal, place: PLACES.office, clientAppUsed: 'Browser', device: { managed: true, name: 'CD-OFFICE-02', os: 'Windows10', browser: 'Edge 131.0.0' } }),
    signIn(5, { who: 'raj', at: '2026-11-19T17:05:33Z', app: APP.teams, place: PLACES.office, clientAppUsed: 'Mobile Apps and Desktop clients', device: { managed: true, name: 'CD-OP3-01', os: 'Windows10' } }),
    signIn(6, { who: 'itsupport', at: '2026-11-18T21:14:08Z', app: APP.azurePortal, place: PLACES.msp, clientAppUsed: 'Browser', device: { os: 'Windows10', browser: 'Chrome 131.0.0' } }),
    signIn(7, { who: 'kevin', at: '2026-11-16T16:18:27Z', app: APP.officeHome, place: PLACES.office, clientAppUsed: 'Browser', device: frontPc, mfaDone: false }),
    signIn(8, { who: 'scanner', at: '2026-11-15T10:04:51Z', app: APP.exchange, place: PLACES.office, clientAppUsed: 'Authenticated SMTP', mfaDone: false }),
    signIn(9, { who: 'contractor', at: '2026-11-14T03:48:12Z', app: APP.officeHome, place: PLACES.abroad, clientAppUsed: 'Browser', device: { os: 'Linux', browser: 'Firefox 132.0' }, failure: true }),
    signIn(10, { who: 'brian', at: '2026-11-13T22:40:15Z', app: APP.officeHome, place: PLACES.home, clientAppUsed: 'Browser', device: { os: 'MacOs', browser: 'Safari 18.1' } }),
  ];
  return collection('auditLogs/signIns', rows);
}

// ---------------------------------------------------------------------------------------------
// Public DNS

/** A structurally valid RSA-2048 SubjectPublicKeyInfo with a derived modulus (public data only). */
function dkimPublicKey(selector) {
  const modulus = Buffer.concat([0, 1, 2, 3, 4, 5, 6, 7].map((i) => digest(`dkim/${selector}/${i}`)));
  modulus[0] |= 0x80;
  modulus[255] |= 0x01;
  const spki = Buffer.concat([
    Buffer.from('30820122300d06092a864886f70d01010105000382010f003082010a0282010100', 'hex'),
    modulus,
    Buffer.from('0203010001', 'hex'),
  ]);
  return spki.toString('base64');
}

function dns() {
  const selector = (n) => `selector${n}-contosodental-com._domainkey.${INITIAL_DOMAIN}`;
  return {
    [DEFAULT_DOMAIN]: {
      TXT: ['v=spf1 include:spf.protection.outlook.com ~all', 'MS=ms12345678'],
      MX: [{ exchange: 'contosodental-com.mail.protection.outlook.com', priority: 0 }],
    },
    [`_dmarc.${DEFAULT_DOMAIN}`]: { TXT: [`v=DMARC1; p=none; rua=mailto:dmarc@${DEFAULT_DOMAIN}`] },
    [`selector1._domainkey.${DEFAULT_DOMAIN}`]: { CNAME: [selector(1)] },
    [`selector2._domainkey.${DEFAULT_DOMAIN}`]: { CNAME: [selector(2)] },
    [selector(1)]: { TXT: [`v=DKIM1; k=rsa; p=${dkimPublicKey(1)}`] },
    [selector(2)]: { TXT: [`v=DKIM1; k=rsa; p=${dkimPublicKey(2)}`] },
  };
}

// ---------------------------------------------------------------------------------------------
// Assemble

const ok = (body) => ({ status: 200, body });

const graph = {
  'GET /v1.0/organization': ok(organization()),
  'GET /v1.0/subscribedSkus': ok(subscribedSkus()),
  'GET /v1.0/domains': ok(domains()),
  'GET /v1.0/users': ok(users()),
  'GET /v1.0/policies/identitySecurityDefaultsEnforcementPolicy': ok(securityDefaults()),
  'GET /v1.0/identity/conditionalAccess/policies': ok(collection('identity/conditionalAccess/policies', CA_POLICIES)),
  'GET /v1.0/identity/conditionalAccess/namedLocations': ok(namedLocations()),
  'GET /v1.0/roleManagement/directory/roleAssignments': ok(roleAssignments()),
  'GET /v1.0/roleManagement/directory/roleDefinitions': ok(roleDefinitions()),
  'GET /v1.0/policies/authorizationPolicy': ok(authorizationPolicy()),
  'GET /v1.0/policies/authenticationMethodsPolicy': ok(authenticationMethodsPolicy()),
  'GET /v1.0/policies/adminConsentRequestPolicy': ok(adminConsentRequestPolicy()),
  'GET /v1.0/reports/authenticationMethods/userRegistrationDetails': ok(userRegistrationDetails()),
  'GET /v1.0/admin/sharepoint/settings': ok(sharepointSettings()),
  'GET /v1.0/applications': ok(applications()),
  'GET /v1.0/servicePrincipals': ok(servicePrincipals()),
  [`GET /v1.0/servicePrincipals/${GRAPH_SP_ID}/appRoleAssignedTo`]: ok(graphAppRoleAssignedTo()),
  [`GET /v1.0/servicePrincipals/${EXO_SP_ID}/appRoleAssignedTo`]: ok(exoAppRoleAssignedTo()),
  'GET /v1.0/security/secureScores': ok(secureScores()),
  'GET /v1.0/auditLogs/signIns': ok(signIns()),
};

// Per-family additions: each file in parts/ exports a function (demo) => { 'GET /v1.0/…': response }.
const PARTS_DIR = join(HERE, 'parts');
const demo = {
  guid, ok, collection, person, PEOPLE, TENANT_ID, DEFAULT_DOMAIN, INITIAL_DOMAIN, ROLE, PRIVILEGED_ROLES,
  OWNER, MANAGER, MSP, BREAKGLASS, SCANNER, CONTRACTOR, APPS, MAILMERGE, GRAPH_SP_ID, EXO_SP_ID, GRAPH_APP_ID, EXO_APP_ID,
  SPB_SKU_ID, TENANT_CREATED, graph,
};
if (existsSync(PARTS_DIR)) {
  for (const file of readdirSync(PARTS_DIR).filter((f) => f.endsWith('.mjs')).sort()) {
    const part = await import(pathToFileURL(join(PARTS_DIR, file)).href);
    Object.assign(graph, part.default(demo));
  }
}

const fixture = {
  format: 'tenant-fixture/1',
  tenant: { id: TENANT_ID, displayName: 'Contoso Dental', defaultDomain: DEFAULT_DOMAIN },
  // The demo is judged as of the day it describes, so it tells the same story on any date.
  recordedAt: '2026-11-20T18:00:00Z',
  graph,
  dns: dns(),
};

const settings = {
  breakGlassAccounts: [BREAKGLASS.userPrincipalName],
  approvedMailApps: [APPS.reminder.appId],
  approvedPublicGroups: [],
};

// Guard: nothing that looks like credential material may be written.
const text = JSON.stringify(fixture);
for (const banned of ['secretText', '"hint"', 'access_token', 'refresh_token', 'client_secret', 'PRIVATE KEY']) {
  if (text.includes(banned)) throw new Error(`refusing to write credential-like field ${banned}`);
}

writeFileSync(join(HERE, 'contoso-dental.json'), `${JSON.stringify(fixture, null, 2)}\n`);
writeFileSync(join(HERE, 'contoso-dental.settings.json'), `${JSON.stringify(settings, null, 2)}\n`);

console.log(`tenant ${TENANT_ID}`);
console.log(`break-glass ${BREAKGLASS.id}  scanner ${SCANNER.id}  owner ${OWNER.id}`);
console.log(`Microsoft Graph service principal ${GRAPH_SP_ID}`);
console.log(`Patient Reminder Sync appId ${APPS.reminder.appId}`);
console.log(`${Object.keys(graph).length} graph responses, ${Object.keys(fixture.dns).length} DNS names`);
