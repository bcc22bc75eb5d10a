// Contoso Dental: Conditional Access and sign-in method answers that the base tenant does not
// hold. Microsoft's three built-in authentication strengths (the practice never made its own),
// and the preview (beta) sign-in methods policy, which adds the system-preferred MFA setting
// (left at Microsoft's default) to what the v1.0 policy already shows.

const BETA = 'https://graph.microsoft.com/beta';

const BUILT_IN_CREATED = '2022-09-30T00:00:00Z';

/** Microsoft's built-in authentication strengths, as every tenant lists them. */
function authenticationStrengthPolicies(demo) {
  const strength = (n, displayName, description, allowedCombinations) => ({
    id: `00000000-0000-0000-0000-00000000000${n}`,
    createdDateTime: BUILT_IN_CREATED,
    modifiedDateTime: BUILT_IN_CREATED,
    displayName,
    description,
    policyType: 'builtIn',
    requirementsSatisfied: 'mfa',
    allowedCombinations,
  });
  return demo.collection('policies/authenticationStrengthPolicies', [
    strength(2, 'Multifactor authentication', 'Combinations of methods that satisfy strong authentication, such as a password + SMS', [
      'windowsHelloForBusiness',
      'fido2',
      'x509CertificateMultiFactor',
      'deviceBasedPush',
      'temporaryAccessPassOneTime',
      'temporaryAccessPassMultiUse',
      'password,microsoftAuthenticatorPush',
      'password,softwareOath',
      'password,hardwareOath',
      'password,sms',
      'password,voice',
      'federatedMultiFactor',
      'microsoftAuthenticatorPush,federatedSingleFactor',
      'softwareOath,federatedSingleFactor',
      'hardwareOath,federatedSingleFactor',
      'sms,federatedSingleFactor',
      'voice,federatedSingleFactor',
    ]),
    strength(3, 'Passwordless MFA', 'Passwordless methods that satisfy strong authentication, such as Passwordless sign-in with the Microsoft Authenticator', [
      'windowsHelloForBusiness',
      'fido2',
      'x509CertificateMultiFactor',
      'deviceBasedPush',
    ]),
    strength(4, 'Phishing-resistant MFA', 'Phishing-resistant, Passwordless methods for the strongest authentication, such as a FIDO2 security key', [
      'windowsHelloForBusiness',
      'fido2',
      'x509CertificateMultiFactor',
    ]),
  ]);
}

/** The beta view of the sign-in methods policy: the v1.0 answer plus preview-only settings. */
function authenticationMethodsPolicyBeta(demo) {
  const v1 = demo.graph['GET /v1.0/policies/authenticationMethodsPolicy']?.body;
  if (!v1) throw new Error('ca-auth part: the base tenant has no v1.0 authenticationMethodsPolicy');
  const allUsers = { targetType: 'group', id: 'all_users' };
  return {
    ...v1,
    '@odata.context': `${BETA}/$metadata#policies/authenticationMethodsPolicy/$entity`,
    systemCredentialPreferences: {
      state: 'default',
      excludeTargets: [],
      includeTargets: [allUsers],
    },
    reportSuspiciousActivitySettings: {
      state: 'default',
      voiceReportingCode: 0,
      includeTarget: allUsers,
    },
  };
}

export default function caAuth(demo) {
  return {
    'GET /v1.0/policies/authenticationStrengthPolicies': demo.ok(authenticationStrengthPolicies(demo)),
    'GET /beta/policies/authenticationMethodsPolicy': demo.ok(authenticationMethodsPolicyBeta(demo)),
  };
}
