import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { rendererResponseHeaders } from './renderer-files';

const require = createRequire(import.meta.url);

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

describe('the content security policy of the desktop window', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('is sent on every app:// response', () => {
    expect(rendererResponseHeaders(CONTENT_SECURITY_POLICY)['Content-Security-Policy']).toBe(
      CONTENT_SECURITY_POLICY,
    );
  });

  it('runs only the app’s own scripts: no inline script, no eval', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/,
    );
    expect(policy.has('script-src-elem')).toBe(false);
    expect(policy.has('script-src-attr')).toBe(false);
  });

  it('lets the page talk only to its own origin (main calls Microsoft, never the renderer)', () => {
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(
          /^(\*|https?:|http:|ws:|wss:|blob:|filesystem:)/,
        );
        expect(source, `${name} ${source}`).not.toMatch(/\./);
      }
    }
  });

  it('closes plugins, <base>, forms and framing', () => {
    expect(policy.has('object-src') ? policy.get('object-src') : policy.get('default-src')).toEqual(
      ["'none'"],
    );
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.has('frame-src') ? policy.get('frame-src') : policy.get('default-src')).toEqual([
      "'none'",
    ]);
  });

  it('has no high or medium finding in csp-evaluator (the library Electronegativity uses)', () => {
    const csp = require('@doyensec/csp-evaluator') as {
      CspParser: new (policy: string) => { csp: unknown };
      CspEvaluator: new (
        csp: unknown,
        version: unknown,
      ) => {
        evaluate(): { severity: number; directive: string; value: string }[];
      };
      Version: { CSP3: unknown };
      severities: Record<string, number>;
    };
    const findings = new csp.CspEvaluator(
      new csp.CspParser(CONTENT_SECURITY_POLICY).csp,
      csp.Version.CSP3,
    ).evaluate();
    const serious = findings.filter((f) =>
      [
        csp.severities.HIGH,
        csp.severities.MEDIUM,
        csp.severities.HIGH_MAYBE,
        csp.severities.SYNTAX,
      ].includes(f.severity),
    );
    expect(serious).toEqual([]);
    // The one remark: 'self' scripts are risky where a site hosts JSONP or user uploads; app:// does not.
    expect(findings.map((f) => `${f.directive} ${f.value}`)).toEqual(["script-src 'self'"]);
  });
});
