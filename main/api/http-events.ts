import type { ServerResponse } from 'node:http';
import type { ApiEvent, ApiEvents } from '../../shared/api/contract';
import { baseHeaders } from './http-security';

const HEARTBEAT_MS = 20_000;

/** Server-Sent Events to every open browser tab: `data: {"event": ..., "payload": ...}`. */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  attach(response: ServerResponse): void {
    response.writeHead(200, {
      ...baseHeaders(),
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 2000\n: connected\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void {
    this.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
  }

  private write(text: string): void {
    for (const client of this.clients) client.write(text);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
