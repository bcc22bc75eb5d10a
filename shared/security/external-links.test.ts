import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-links';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://learn.microsoft.com/en-us/entra/identity/conditional-access/overview',
    'https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade',
    'https://admin.microsoft.com/Adminportal/Home#/users',
    'https://security.microsoft.com/auditlogsearch',
    'https://purview.microsoft.com/audit/auditsearch',
    'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=x&code_challenge=y',
    'https://microsoft.com/devicelogin',
    'https://www.microsoft.com/devicelogin',
    'https://login.microsoft.com/device',
    'https://aka.ms/mysecurityinfo',
    'https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-193a',
    'https://LEARN.microsoft.com/en-us/',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://learn.microsoft.com/'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['custom scheme', 'ms-settings:privacy'],
    ['smb share', 'smb://attacker/share'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['a look-alike host', 'https://learn.microsoft.com.evil.com/'],
    ['a sub-domain of an allowed host', 'https://evil.learn.microsoft.com/'],
    ['a parent domain', 'https://microsoft.com/'],
    ['another path on microsoft.com', 'https://microsoft.com/evil'],
    ['a path that only starts like the device page', 'https://microsoft.com/deviceloginevil'],
    ['another cisa.gov page', 'https://www.cisa.gov/uploads/file.exe'],
    ['credentials', 'https://user:pass@learn.microsoft.com/'],
    ['user only', 'https://evil.com@learn.microsoft.com/'],
    ['a port', 'https://learn.microsoft.com:8443/'],
    ['graph (an api, not a page)', 'https://graph.microsoft.com/v1.0/me'],
    ['a backslash trick', 'https://evil.com\\@learn.microsoft.com/'],
    ['a space', 'https://learn.microsoft.com/ x'],
    ['a newline', 'https://learn.microsoft.com/\nx'],
    ['an IP address', 'https://13.107.246.1/'],
    ['a punycode look-alike', 'https://xn--lern-microsoft-xyz.com/'],
    ['not a url', 'learn.microsoft.com'],
    ['empty', ''],
    ['not a string', 42],
    ['too long', `https://learn.microsoft.com/${'a'.repeat(9000)}`],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
