import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../shared/security/external-links';
import { CHECKS } from './catalog';

describe('check catalog links', () => {
  it('allows every page link of the check catalog', () => {
    const links = CHECKS.flatMap((check) => [
      ...check.content.learnMore.map((l) => l.url),
      ...check.content.steps.flatMap((s) => (s.link ? [s.link.url] : [])),
    ]);
    expect(links.length).toBeGreaterThan(50);
    expect(links.filter((url) => !isAllowedExternalUrl(url))).toEqual([]);
  });
});
