import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  describeFixtureProblem,
  tenantFixtureSchema,
  type TenantFixture,
} from '../../shared/fixture/tenant-fixture';
import { AuthorizationCodes } from './authorization-codes';
import type { SimClient } from './clients';
import { DeviceCodes } from './device-codes';
import { startDnsServer, type DnsFault } from './dns-server';
import { defaultSignedInUser, type EntraContext } from './entra-context';
import { EntraService } from './entra';
import { FaultPlan } from './faults';
import { GraphService } from './graph';
import { FixtureError } from './load-fixture';
import { SeededIds } from './seeded-ids';
import { jsonReply, loggableQuery, publicOrigin, type SimReply, type SimRequest } from './sim-http';
import { TokenService, type SimUser } from './tokens';
import { ThrottleModel, type EarlyRetry } from './throttle-model';

/** Requests with a larger body are refused. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

export interface SimulatorOptions {
  readonly fixture: TenantFixture;
  /** App registrations the tenant knows (none by default). */
  readonly clients?: readonly SimClient[];
  /** Makes ids, codes, token keys and request ids reproducible (default 0). */
  readonly seed?: number;
  /** Loopback port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Who user flows sign in; default: the fixture's first user, else admin@defaultDomain. */
  readonly signedInUser?: SimUser;
  /** Polls answered `authorization_pending` before a device code is approved (default 1). */
  readonly deviceCodePendingPolls?: number;
  /** Seconds between device-code polls announced to the client (default 1). */
  readonly deviceCodeInterval?: number;
  /** How long a device code is valid (default 900 s). */
  readonly deviceCodeLifetimeSeconds?: number;
  /** Access and id token lifetime (default 3600 s). */
  readonly tokenLifetimeSeconds?: number;
  /** Delay before every answer. */
  readonly latencyMs?: number;
  /**
   * Enforce Microsoft Graph's throttling buckets (off by default). Requests that come back before
   * an announced `Retry-After` are always caught and listed in `earlyRetries`.
   */
  readonly throttling?: boolean;
  /** Milliseconds since the epoch; defaults to the system clock. */
  readonly clock?: () => number;
  /** Loopback port of the DNS server (UDP and TCP); 0 (default) picks a free one. */
  readonly dnsPort?: number;
  /** DNS names that time out or fail, for tests. */
  readonly dnsFaults?: readonly DnsFault[];
}

export interface SimRequestLogEntry {
  readonly service: 'entra' | 'graph';
  readonly method: string;
  readonly path: string;
  /** The query string, with token-, secret- and code-like values masked. */
  readonly query: string;
  /** 0 when the simulator held the request without answering. */
  readonly status: number;
  readonly grantType?: string;
  readonly clientId?: string;
  readonly authenticated?: boolean;
  /** The `uti` claim of the accepted bearer token (a Graph request that got past sign-in). */
  readonly tokenId?: string;
}

export interface Simulator {
  /** `http://127.0.0.1:PORT` */
  readonly base: string;
  readonly port: number;
  readonly tenantId: string;
  /** The person user flows sign in. */
  readonly signedInUser: SimUser;
  /** Every request answered so far, in order. Holds no secrets or tokens. */
  readonly log: SimRequestLogEntry[];
  /** Port of the DNS server for the fixture's `dns` records (UDP and TCP). */
  readonly dnsPort: number;
  /** Requests that came back before the `Retry-After` they were given had passed. */
  readonly earlyRetries: readonly EarlyRetry[];
  /** Bytes of Graph answers written so far. */
  readonly graphBytes: () => number;
  /** `127.0.0.1:PORT` of the DNS server, for a resolver's server list. */
  readonly dns: string;
  /** The person entered this code and signed in. Throws for an unknown code. */
  approveDeviceCode(userCode: string): void;
  /** The person declined the sign-in for this code. Throws for an unknown code. */
  declineDeviceCode(userCode: string): void;
  /** Stops listening and drops every open connection (including held requests). */
  close(): Promise<void>;
}

function positiveOr(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new Error(`Simulator option ${name} must be a number of at least 0.`);
  }
  return value;
}

function isGraphPath(path: string): boolean {
  return /^\/(v1\.0|beta)(\/|$)/.test(path);
}

/** Starts the tenant simulator on 127.0.0.1: Microsoft Entra ID, Microsoft Graph and DNS for one fixture. */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const checked = tenantFixtureSchema.safeParse(options.fixture);
  if (!checked.success) throw new FixtureError('fixture', describeFixtureProblem(checked.error));
  const fixture = checked.data;

  const seed = options.seed ?? 0;
  const now = options.clock ?? Date.now;
  const ids = new SeededIds(seed);
  const tokens = new TokenService(
    ids,
    now,
    positiveOr(options.tokenLifetimeSeconds, 3600, 'tokenLifetimeSeconds'),
  );
  const faults = new FaultPlan(fixture.faults ?? []);
  const latencyMs = positiveOr(options.latencyMs, 0, 'latencyMs');

  const clients = new Map<string, SimClient>();
  for (const client of options.clients ?? []) {
    const key = client.clientId.toLowerCase();
    if (!key) throw new Error('Every simulated client needs a clientId.');
    if (clients.has(key)) throw new Error(`The client ${client.clientId} is registered twice.`);
    clients.set(key, client);
  }
  const user = options.signedInUser ?? defaultSignedInUser(fixture, ids);
  const deviceCodes = new DeviceCodes(
    ids,
    now,
    positiveOr(options.deviceCodePendingPolls, 1, 'deviceCodePendingPolls'),
    positiveOr(options.deviceCodeLifetimeSeconds, 900, 'deviceCodeLifetimeSeconds'),
  );
  const context: EntraContext = {
    fixture,
    ids,
    tokens,
    now,
    clients,
    user,
    deviceCodes,
    authorizationCodes: new AuthorizationCodes(ids, now),
    deviceCodeInterval: positiveOr(options.deviceCodeInterval, 1, 'deviceCodeInterval'),
  };
  const entra = new EntraService(context, faults);
  const usersBody = fixture.graph['GET /v1.0/users']?.body as { value?: unknown } | undefined;
  const throttle = new ThrottleModel({
    users: Array.isArray(usersBody?.value) ? usersBody.value.length : 0,
    tenantId: fixture.tenant.id,
    now,
  });
  const graph = new GraphService({
    fixture,
    ids,
    tokens,
    faults,
    now,
    throttle,
    enforceThrottling: options.throttling === true,
  });
  let graphBytes = 0;

  const log: SimRequestLogEntry[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closing: Promise<void> | undefined;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const write = (res: ServerResponse, reply: SimReply) => {
    if (res.destroyed || res.writableEnded) return;
    const body = Buffer.from(reply.body, 'utf8');
    res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
    if (reply.delivery === 'truncate') {
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.end(body);
  };

  const dispatch = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const simRequest: SimRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      rawQuery: url.search.slice(1),
      query: url.searchParams,
      headers: req.headers,
      body,
      origin: publicOrigin(req.headers, `127.0.0.1:${port}`),
    };
    const service = isGraphPath(simRequest.path) ? 'graph' : 'entra';
    const reply = service === 'graph' ? graph.handle(simRequest) : entra.handle(simRequest);
    log.push({
      service,
      method: simRequest.method,
      path: simRequest.path,
      query: loggableQuery(simRequest.rawQuery),
      status: reply.delivery === 'hold' ? 0 : reply.status,
      ...reply.note,
    });
    if (latencyMs > 0) await wait(latencyMs);
    if (reply.delivery === 'hold') {
      reply.done?.();
      return;
    }
    if (service === 'graph') graphBytes += Buffer.byteLength(reply.body);
    write(res, reply);
    reply.done?.();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_REQUEST_BODY_BYTES) {
        refused = true;
        write(
          res,
          jsonReply(413, {
            error: {
              code: 'RequestEntityTooLarge',
              message: `The request body is larger than ${MAX_REQUEST_BODY_BYTES} bytes.`,
            },
          }),
        );
        res.on('finish', () => req.socket.destroy());
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (refused) return;
      dispatch(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        write(
          res,
          jsonReply(500, {
            error: {
              code: 'InternalServerError',
              message: `The tenant simulator could not answer this request: ${error instanceof Error ? error.message : String(error)}`,
            },
          }),
        );
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `The tenant simulator cannot use port ${options.port}: it is already in use.`
            : `The tenant simulator could not start: ${error.message}`,
        ),
      ),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  try {
    dns = await startDnsServer({
      zone: fixture.dns ?? {},
      ...(options.dnsPort !== undefined ? { port: options.dnsPort } : {}),
      ...(options.dnsFaults ? { faults: options.dnsFaults } : {}),
    });
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }

  return {
    base: `http://127.0.0.1:${port}`,
    port,
    tenantId: fixture.tenant.id,
    dnsPort: dns.port,
    earlyRetries: throttle.earlyRetries,
    graphBytes: () => graphBytes,
    dns: dns.address,
    signedInUser: user,
    log,
    approveDeviceCode: (userCode) => deviceCodes.approve(userCode),
    declineDeviceCode: (userCode) => deviceCodes.decline(userCode),
    close() {
      closing ??= Promise.all([
        new Promise<void>((resolve) => {
          for (const timer of timers) clearTimeout(timer);
          timers.clear();
          server.close(() => resolve());
          server.closeAllConnections();
          for (const socket of sockets) socket.destroy();
        }),
        dns.close(),
      ]).then(() => undefined);
      return closing;
    },
  };
}
