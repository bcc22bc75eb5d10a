import {
  ClientAuthError,
  ClientAuthErrorCodes,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** Hosts the simulator plays for the Graph client. */
const GRAPH_HOSTS = new Set(['graph.microsoft.com']);

function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

function trimBase(base: string): string {
  return base.replace(/\/+$/, '');
}

/**
 * MSAL's `system.networkClient` for the simulator: MSAL keeps its real authority URL
 * (`https://login.microsoftonline.com/...`) and every call it makes is sent to the simulator, which
 * answers as the host MSAL believes it called (`X-Forwarded-Host`/`-Proto`).
 */
export function createSimNetworkClient(base: string): INetworkModule {
  const simBase = trimBase(base);

  async function send<T>(
    url: string,
    method: 'GET' | 'POST',
    options?: NetworkRequestOptions,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    const target = new URL(url);
    const headers = new Headers(options?.headers ?? {});
    headers.set('x-forwarded-host', target.host);
    headers.set('x-forwarded-proto', target.protocol.replace(':', ''));
    let response: Response;
    try {
      response = await fetch(`${simBase}${target.pathname}${target.search}`, {
        method,
        headers,
        ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
        ...(timeout ? { signal: AbortSignal.timeout(timeout) } : {}),
      });
    } catch (error) {
      const reason =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
          ? 'Request timeout'
          : `Network request failed: ${error instanceof Error ? error.message : String(error)}`;
      throw new ClientAuthError(
        ClientAuthErrorCodes.networkError,
        options?.correlationId ?? '',
        reason,
      );
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new ClientAuthError(
        ClientAuthErrorCodes.networkError,
        options?.correlationId ?? '',
        `Network request failed while reading the answer: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: hand MSAL an error answer it can report instead of failing to parse.
      body = {
        error: 'invalid_response',
        error_description: `The sign-in service answered HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`,
        raw: text,
      };
    }
    return { headers: headersToRecord(response.headers), body: body as T, status: response.status };
  }

  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) =>
      send<T>(url, 'GET', options, timeout),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) =>
      send<T>(url, 'POST', options),
  };
}

/**
 * The last middleware of a Graph client chain, in place of `HTTPMessageHandler`: requests keep their
 * logical `https://graph.microsoft.com/...` URL (so tokens attach and nextLinks parse) and are sent
 * to the simulator, which writes links for the host the client believes it called.
 */
export function createSimGraphSender(base: string): Middleware {
  const simBase = trimBase(base);
  return {
    async execute(context: Context): Promise<void> {
      const original = context.request;
      const isRequest = typeof Request !== 'undefined' && original instanceof Request;
      const url = new URL(isRequest ? (original as Request).url : String(original));
      if (url.protocol !== 'https:' || !GRAPH_HOSTS.has(url.hostname.toLowerCase())) {
        throw new Error(
          `The tenant simulator serves only https://graph.microsoft.com, not ${url.origin}.`,
        );
      }
      const headers = new Headers(isRequest ? (original as Request).headers : undefined);
      new Headers(context.options?.headers).forEach((value, key) => headers.set(key, value));
      headers.set('x-forwarded-host', url.host);
      headers.set('x-forwarded-proto', 'https');
      const method = (
        context.options?.method ?? (isRequest ? (original as Request).method : 'GET')
      ).toUpperCase();
      let body: BodyInit | null | undefined = context.options?.body;
      if (body === undefined && isRequest && method !== 'GET' && method !== 'HEAD') {
        body = await (original as Request).arrayBuffer();
      }
      const signal =
        context.options?.signal ?? (isRequest ? (original as Request).signal : undefined);
      context.response = await fetch(`${simBase}${url.pathname}${url.search}`, {
        method,
        headers,
        ...(body !== undefined && body !== null ? { body } : {}),
        ...(signal ? { signal } : {}),
        ...(context.options?.redirect ? { redirect: context.options.redirect } : {}),
      });
    },
  };
}
