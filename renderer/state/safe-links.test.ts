import { describe, expect, it } from 'vitest';
import { isAllowedLink } from './safe-links';

describe('isAllowedLink', () => {
  it('opens Microsoft admin centres, documentation and the device sign-in page over https', () => {
    expect(isAllowedLink('https://entra.microsoft.com/#view/Microsoft_AAD_IAM')).toBe(true);
    expect(isAllowedLink('https://learn.microsoft.com/en-us/entra/')).toBe(true);
    expect(isAllowedLink('https://admin.microsoft.com/')).toBe(true);
    expect(isAllowedLink('https://microsoft.com/devicelogin')).toBe(true);
    expect(
      isAllowedLink('https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-193a'),
    ).toBe(true);
  });
  it('refuses other hosts and paths, http, look-alikes, credentials and ports', () => {
    expect(isAllowedLink('http://entra.microsoft.com/')).toBe(false);
    expect(isAllowedLink('https://entra.microsoft.com.evil.example/')).toBe(false);
    expect(isAllowedLink('https://evil.example/?https://entra.microsoft.com')).toBe(false);
    expect(isAllowedLink('https://user:pw@entra.microsoft.com/')).toBe(false);
    expect(isAllowedLink('https://entra.microsoft.com:8443/')).toBe(false);
    expect(isAllowedLink('https://microsoft.com/anything-else')).toBe(false);
    expect(isAllowedLink('https://www.cisa.gov/')).toBe(false);
    expect(isAllowedLink('https://contoso-admin.sharepoint.com/')).toBe(false);
    expect(isAllowedLink('javascript:alert(1)')).toBe(false);
    expect(isAllowedLink('not a url')).toBe(false);
  });
});
