import type { IncomingMessage } from 'node:http';

/** Largest request body the api accepts. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: 400 | 413 | 415; readonly message: string };

export function isJsonContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/** Reads a JSON request body of at most `limit` bytes. */
export async function readJsonBody(
  request: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<BodyResult> {
  if (!isJsonContentType(request.headers['content-type'])) {
    return { ok: false, status: 415, message: 'Requests must be sent as JSON.' };
  }
  const tooLarge = { ok: false, status: 413, message: 'The request is too large.' } as const;
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return tooLarge;
  const text = await new Promise<string | undefined>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop reading; the caller answers 413 and closes the connection.
        request.off('data', onData);
        request.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
  });
  if (text === undefined) return tooLarge;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'The request is not valid JSON.' };
  }
}
