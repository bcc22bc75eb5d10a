// Contoso Dental: logging, investigation and Secure Score answers that the base tenant does not
// hold.
// - The unified audit log (searched through Graph's audit log query API): a week of ordinary
//   activity, 13-20 November 2026. Mail is read by Outlook (desktop, web and mobile), by
//   "Patient Reminder Sync" (the owner approved it: it reads the reception mailbox every morning)
//   and, every night at about 2 a.m., by "MailMerge Pro", which nobody approved and which holds
//   Mail.ReadWrite for every mailbox. That last pattern is exactly what mailbox access records are
//   for.
// - Secure Score: the daily history of the last 30 days (the score rose on 9 November when two
//   more staff registered for MFA and self-service password reset was turned on), and a control
//   profile for every control the score lists, plus Customer Lockbox, which this licence lacks.
// - Risky users: Business Premium has Entra ID P1 only, so Identity Protection refuses (403).

/** Microsoft's own client apps that read mail. */
const OUTLOOK_DESKTOP = 'd3590ed6-52b3-4102-aeff-aad2292ab01c';
const OUTLOOK_WEB = '9199bf20-a13f-4107-85dc-02114787ef48';
const OUTLOOK_MOBILE = '27922004-5251-4030-b22d-91ecd9a37ea4';
const EXCHANGE_ONLINE = '00000002-0000-0ff1-ce00-000000000000';
const SHAREPOINT = '00000003-0000-0ff1-ce00-000000000000';

const IP = {
  office: '203.0.113.24',
  home: '198.51.100.62',
  msp: '198.51.100.17',
  reminderHost: '20.42.65.91',
  mailmergeHost: '185.220.101.47',
};

// ---------------------------------------------------------------------------------------------
// Audit records

function auditRecords(demo) {
  const records = [];
  const upn = (key) => demo.person(key).userPrincipalName;
  let n = 0;

  function record({ at, type, operation, service, who, ip, objectId, data, userType = 'regular' }) {
    n += 1;
    const id = demo.guid(`audit/${n}/${operation}`);
    const userId = who ?? 'app@sharepoint';
    records.push({
      id,
      createdDateTime: at,
      auditLogRecordType: type,
      operation,
      organizationId: demo.TENANT_ID,
      userType,
      userId,
      service,
      objectId: objectId ?? '',
      userPrincipalName: userId,
      clientIp: ip,
      administrativeUnits: [],
      auditData: {
        CreationTime: at.replace(/Z$/, ''),
        Id: id,
        Operation: operation,
        OrganizationId: demo.TENANT_ID,
        UserId: userId,
        Workload: service,
        ResultStatus: 'Succeeded',
        ClientIPAddress: ip,
        ...data,
      },
    });
  }

  /** MailItemsAccessed, as Exchange aggregates it (one record per client session and folder). */
  function mailRead({ at, owner, appId, clientAppId, ip, clientInfo, accessType = 'Bind', count, folder = '\\Inbox', appOnly = false }) {
    const mailbox = upn(owner);
    record({
      at,
      type: 'exchangeItemAggregated',
      operation: 'MailItemsAccessed',
      service: 'Exchange',
      who: mailbox,
      ip,
      objectId: mailbox,
      userType: appOnly ? 'application' : 'regular',
      data: {
        RecordType: 50,
        AppId: appId,
        ClientAppId: clientAppId,
        ClientInfoString: clientInfo,
        ExternalAccess: false,
        LogonType: 0,
        MailboxOwnerUPN: mailbox,
        MailboxGuid: demo.guid(`mailbox/${owner}`),
        OperationCount: count,
        OperationProperties: [
          { Name: 'MailAccessType', Value: accessType },
          { Name: 'IsThrottled', Value: 'False' },
        ],
        Folders: [{ Path: folder, FolderItems: [] }],
      },
    });
  }

  // Friday 13 to Friday 20 November 2026; the 14th and 15th are the weekend.
  const days = ['13', '14', '15', '16', '17', '18', '19', '20'].map((d) => `2026-11-${d}`);
  const weekdays = days.filter((d) => d !== '2026-11-14' && d !== '2026-11-15');

  // Staff reading their own mail in Outlook.
  const desktop = { appId: OUTLOOK_DESKTOP, clientAppId: OUTLOOK_DESKTOP, clientInfo: 'Client=MSExchangeRPC' };
  const web = { appId: EXCHANGE_ONLINE, clientAppId: OUTLOOK_WEB, clientInfo: 'Client=OWA;Action=ViaProxy' };
  const mobile = { appId: OUTLOOK_MOBILE, clientAppId: OUTLOOK_MOBILE, clientInfo: 'Client=REST;Client=RESTSystem;;' };
  for (const day of weekdays) {
    mailRead({ at: `${day}T15:04:11Z`, owner: 'lynne', ...desktop, ip: IP.office, count: 14 });
    mailRead({ at: `${day}T15:31:52Z`, owner: 'jessica', ...desktop, ip: IP.office, count: 22 });
    mailRead({ at: `${day}T16:12:40Z`, owner: 'laura', ...web, ip: IP.office, count: 9 });
    mailRead({ at: `${day}T14:20:05Z`, owner: 'megan', ...mobile, ip: IP.home, count: 6, accessType: 'Sync' });
  }
  mailRead({ at: '2026-11-18T21:10:33Z', owner: 'megan', ...desktop, ip: IP.home, count: 31 });
  mailRead({ at: '2026-11-19T17:45:18Z', owner: 'aisha', ...web, ip: IP.office, count: 12 });

  // Patient Reminder Sync (approved): the reception mailbox, every weekday at 06:00 Pacific.
  const reminder = demo.APPS.reminder.appId;
  for (const day of weekdays) {
    mailRead({
      at: `${day}T14:00:09Z`,
      owner: 'reception',
      appId: reminder,
      clientAppId: '',
      ip: IP.reminderHost,
      clientInfo: 'Client=REST;Client=RESTSystem;;',
      count: 18,
      folder: '\\Inbox\\Appointments',
      appOnly: true,
    });
  }

  // MailMerge Pro (nobody approved it): every night, the mailboxes of the owner, the office
  // manager and billing, read in full.
  const mailmerge = demo.MAILMERGE.appId;
  for (const day of days) {
    for (const [j, owner] of ['megan', 'lynne', 'laura'].entries()) {
      mailRead({
        at: `${day}T10:0${2 + j}:1${j}Z`,
        owner,
        appId: mailmerge,
        clientAppId: '',
        ip: IP.mailmergeHost,
        clientInfo: 'Client=REST;Client=RESTSystem;;',
        count: 240 + 17 * j,
        accessType: 'Sync',
        appOnly: true,
      });
    }
  }

  // Other everyday activity.
  const signIn = (at, who, ip) =>
    record({
      at,
      type: 'azureActiveDirectoryStsLogon',
      operation: 'UserLoggedIn',
      service: 'AzureActiveDirectory',
      who: upn(who),
      ip,
      objectId: EXCHANGE_ONLINE,
      data: { RecordType: 15, ApplicationId: EXCHANGE_ONLINE, AzureActiveDirectoryEventType: 1 },
    });
  signIn('2026-11-20T09:52:38Z', 'aisha', IP.office);
  signIn('2026-11-20T08:12:44Z', 'megan', IP.home);
  signIn('2026-11-19T16:21:07Z', 'lynne', IP.office);
  signIn('2026-11-18T21:14:08Z', 'itsupport', IP.msp);

  const send = (at, who, subjectHint) =>
    record({
      at,
      type: 'exchangeItem',
      operation: 'Send',
      service: 'Exchange',
      who: upn(who),
      ip: IP.office,
      objectId: upn(who),
      data: { RecordType: 2, Item: { ParentFolder: { Path: '\\Sent Items' }, Subject: subjectHint } },
    });
  send('2026-11-17T17:02:19Z', 'jessica', 'Appointment reminder');
  send('2026-11-18T18:40:51Z', 'laura', 'Claim status');
  send('2026-11-20T16:33:02Z', 'lynne', 'Staff rota for December');

  const file = (at, who, operation, name) =>
    record({
      at,
      type: 'sharePointFileOperation',
      operation,
      service: 'SharePoint',
      who: upn(who),
      ip: IP.office,
      objectId: `https://contosodental.sharepoint.com/sites/Office/Shared Documents/${name}`,
      data: { RecordType: 6, ApplicationId: SHAREPOINT, SourceFileName: name, SiteUrl: 'https://contosodental.sharepoint.com/sites/Office/' },
    });
  file('2026-11-16T17:20:44Z', 'brian', 'FileAccessed', 'Payroll 2026-11.xlsx');
  file('2026-11-17T19:05:12Z', 'laura', 'FileModified', 'Insurance claims tracker.xlsx');
  file('2026-11-19T16:48:30Z', 'lynne', 'FileAccessed', 'Staff rota.docx');

  record({
    at: '2026-11-18T22:03:47Z',
    type: 'exchangeAdmin',
    operation: 'Set-Mailbox',
    service: 'Exchange',
    who: upn('lynne'),
    ip: IP.office,
    objectId: upn('reception'),
    data: { RecordType: 1, ObjectId: upn('reception'), Parameters: [{ Name: 'Identity', Value: 'Reception' }, { Name: 'GrantSendOnBehalfTo', Value: upn('jessica') }] },
  });

  return records.sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
}

// ---------------------------------------------------------------------------------------------
// Secure Score: 30 days of history and the control profiles

/** What the score looked like before 9 November: two controls lower. */
const EARLIER = {
  MFARegistrationV2: { score: 7.5, scoreInPercentage: 75 },
  SelfServicePasswordReset: { score: 0, scoreInPercentage: 0 },
};

function secureScoreHistory(demo) {
  const stored = demo.graph['GET /v1.0/security/secureScores']?.body?.value?.[0];
  if (!stored) throw new Error('the base tenant has no Secure Score to extend');
  const value = [];
  const latest = Date.parse(stored.createdDateTime);
  for (let i = 0; i < 30; i++) {
    const at = new Date(latest - i * 86_400_000).toISOString().replace('.000', '');
    const day = at.slice(0, 10);
    if (i === 0) {
      value.push(stored);
      continue;
    }
    const before = day < '2026-11-09';
    const controlScores = stored.controlScores.map((c) =>
      before && EARLIER[c.controlName] ? { ...c, ...EARLIER[c.controlName], lastSynced: at } : { ...c, lastSynced: at },
    );
    const delta = before
      ? Object.entries(EARLIER).reduce(
          (sum, [name, e]) => sum + e.score - stored.controlScores.find((c) => c.controlName === name).score,
          0,
        )
      : 0;
    value.push({ ...stored, id: `${demo.TENANT_ID}_${day}`, createdDateTime: at, currentScore: stored.currentScore + delta, controlScores });
  }
  return demo.collection('security/secureScores', value);
}

/** Profile details per control: max points and what Microsoft tells admins. */
const PROFILES = {
  AdminMFAV2: ['Ensure multifactor authentication is enabled for all users in administrative roles', 10, 'Microsoft Entra ID', 'Identity', 'Tier1', 'Moderate', 'Low', ['Account breach', 'Elevation of privilege'], 'https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/Policies'],
  MFARegistrationV2: ['Ensure all users can complete multifactor authentication', 10, 'Microsoft Entra ID', 'Identity', 'Tier1', 'Moderate', 'Moderate', ['Account breach', 'Password cracking'], 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/UserRegistrationDetails'],
  BlockLegacyAuthentication: ['Enable Conditional Access policies to block legacy authentication', 8, 'Microsoft Entra ID', 'Identity', 'Tier1', 'Moderate', 'Moderate', ['Password spray', 'Account breach'], 'https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/Policies'],
  PWAgePolicyNew: ['Set passwords to never expire', 8, 'Microsoft Entra ID', 'Identity', 'Tier1', 'Low', 'Low', ['Password cracking'], 'https://admin.microsoft.com/#/Settings/SecurityPrivacy'],
  IntegratedApps: ['Do not allow users to grant consent to unmanaged applications', 4, 'Microsoft Entra ID', 'Apps', 'Tier2', 'Low', 'Moderate', ['Account breach', 'Data exfiltration'], 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ConsentPoliciesMenuBlade/~/UserSettings'],
  SelfServicePasswordReset: ['Enable self-service password reset', 1, 'Microsoft Entra ID', 'Identity', 'Tier3', 'Low', 'Low', ['Account breach'], 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/PasswordResetMenuBlade/~/Properties'],
  mip_search_auditlog: ['Ensure audit data recording is enabled', 3, 'Microsoft Information Protection', 'Data', 'Tier1', 'Low', 'Low', ['Data exfiltration'], 'https://purview.microsoft.com/audit/auditsearch'],
  exo_mailboxaudit: ['Ensure mailbox auditing for all users is enabled', 2, 'Exchange Online', 'Apps', 'Tier2', 'Low', 'Low', ['Data exfiltration', 'Account breach'], 'https://admin.exchange.microsoft.com/'],
  spo_legacy_auth: ['Ensure modern authentication for SharePoint applications is required', 2, 'SharePoint Online', 'Apps', 'Tier2', 'Moderate', 'Low', ['Password spray'], 'https://admin.microsoft.com/sharepoint?page=accessControl&modern=true'],
  mdo_safelinksforemail: ['Create Safe Links policies for email messages', 9, 'Microsoft Defender for Office 365', 'Apps', 'Tier2', 'Low', 'Low', ['Phishing', 'Malware'], 'https://security.microsoft.com/safelinksv2'],
  mdo_safeattachmentpolicy: ['Ensure Safe Attachments policy is enabled', 8, 'Microsoft Defender for Office 365', 'Apps', 'Tier2', 'Low', 'Low', ['Malware'], 'https://security.microsoft.com/safeattachmentv2'],
  CustomerLockBoxEnabled: ['Turn on customer lockbox feature', 1, 'Microsoft 365', 'Data', 'Tier3', 'Low', 'Low', ['Data exfiltration'], 'https://admin.microsoft.com/#/Settings/SecurityPrivacy'],
};

function controlProfiles(demo) {
  const latest = demo.graph['GET /v1.0/security/secureScores'].body.value[0];
  const names = [...latest.controlScores.map((c) => c.controlName), 'CustomerLockBoxEnabled'];
  for (const c of latest.controlScores) {
    const profile = PROFILES[c.controlName];
    if (!profile) throw new Error(`no control profile for ${c.controlName}`);
    if (c.scoreInPercentage > 0 && Math.abs((c.score * 100) / c.scoreInPercentage - profile[1]) > 0.01) {
      throw new Error(`control profile ${c.controlName}: max ${profile[1]} does not match its score`);
    }
  }
  return demo.collection(
    'security/secureScoreControlProfiles',
    names.map((name, rank) => {
      const [title, maxScore, service, controlCategory, tier, implementationCost, userImpact, threats, actionUrl] = PROFILES[name];
      return {
        id: name,
        azureTenantId: demo.TENANT_ID,
        actionType: 'Config',
        actionUrl,
        controlCategory,
        title,
        deprecated: false,
        implementationCost,
        lastModifiedDateTime: '2026-10-14T00:00:00Z',
        maxScore,
        rank: rank + 1,
        remediation: `<p>${title}.</p>`,
        remediationImpact: `<p>${userImpact === 'Low' ? 'Little or no impact on users.' : 'Users may need to take an action.'}</p>`,
        service,
        threats,
        tier,
        userImpact,
        complianceInformation: null,
        controlStateUpdates: [],
        vendorInformation: { provider: 'SecureScore', providerVersion: null, subProvider: null, vendor: 'Microsoft' },
      };
    }),
  );
}

// ---------------------------------------------------------------------------------------------

export default function logDnsSs(demo) {
  return {
    'GET /v1.0/security/auditLog/queries/records': demo.ok(
      demo.collection('security/auditLog/queries/records', auditRecords(demo)),
    ),
    'GET /v1.0/security/secureScores': demo.ok(secureScoreHistory(demo)),
    'GET /v1.0/security/secureScoreControlProfiles': demo.ok(controlProfiles(demo)),
    'GET /v1.0/identityProtection/riskyUsers': {
      status: 403,
      body: {
        error: {
          code: 'Forbidden',
          message: 'Your tenant is not licensed for this feature.',
          innerError: {
            date: '2026-11-20T12:00:00',
            'request-id': demo.guid('request/riskyUsers'),
            'client-request-id': demo.guid('request/riskyUsers'),
          },
        },
      },
    },
  };
}
