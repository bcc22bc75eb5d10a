import { gunzipSync, gzipSync } from 'node:zlib';

/** Snapshot evidence is stored gzip-compressed JSON. */
export function encodeJson(value: unknown): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(value), 'utf8'));
}

export function decodeJson<T>(data: Buffer): T {
  return JSON.parse(gunzipSync(data).toString('utf8')) as T;
}
