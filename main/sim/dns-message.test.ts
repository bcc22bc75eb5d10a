import { describe, expect, it } from 'vitest';
import {
  DNS_TYPE,
  DnsFormatError,
  RCODE,
  decodeQuery,
  encodeResponse,
  encodeTxt,
  readName,
  responseSummary,
} from './dns-message';

function header(id: number, flags: number, counts: [number, number, number, number]): Buffer {
  const b = Buffer.alloc(12);
  b.writeUInt16BE(id, 0);
  b.writeUInt16BE(flags, 2);
  counts.forEach((c, i) => b.writeUInt16BE(c, 4 + i * 2));
  return b;
}

const labels = (...parts: string[]) =>
  Buffer.concat([...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p)]))]);
const u16 = (...values: number[]) => {
  const b = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => b.writeUInt16BE(v, i * 2));
  return b;
};

describe('reading queries', () => {
  it('reads questions, following compression pointers, and the EDNS payload size', () => {
    const message = Buffer.concat([
      header(0x1234, 0x0100, [2, 0, 0, 1]),
      // example.com at offset 12
      labels('Example', 'com'),
      Buffer.from([0]),
      u16(DNS_TYPE.TXT, 1),
      // www + pointer to offset 12
      labels('www'),
      Buffer.from([0xc0, 12]),
      u16(DNS_TYPE.MX, 1),
      // OPT pseudo-record: root name, type 41, class = UDP size 1232, ttl, rdlength 0
      Buffer.from([0]),
      u16(DNS_TYPE.OPT, 1232, 0, 0, 0),
    ]);
    const query = decodeQuery(message);
    expect(query).toMatchObject({
      id: 0x1234,
      opcode: 0,
      recursionDesired: true,
      ednsUdpSize: 1232,
    });
    expect(query.questions).toEqual([
      { name: 'example.com', rawName: 'Example.com', type: DNS_TYPE.TXT, class: 1 },
      { name: 'www.example.com', rawName: 'www.Example.com', type: DNS_TYPE.MX, class: 1 },
    ]);
  });

  it('refuses pointer loops, pointers past the end and truncated messages', () => {
    const loop = Buffer.concat([header(1, 0, [1, 0, 0, 0]), Buffer.from([0xc0, 12]), u16(16, 1)]);
    expect(() => decodeQuery(loop)).toThrow(DnsFormatError);
    expect(() => readName(Buffer.from([0xc0, 0x40]), 0)).toThrow(/out of range/);
    expect(() => decodeQuery(Buffer.from([0, 1, 0]))).toThrow(/header/);
    const cut = Buffer.concat([header(1, 0, [1, 0, 0, 0]), labels('example')]);
    expect(() => decodeQuery(cut)).toThrow(DnsFormatError);
  });

  it('refuses a response (QR set) as a query', () => {
    const message = Buffer.concat([header(1, 0x8000, [0, 0, 0, 0])]);
    expect(() => decodeQuery(message)).toThrow(/QR/);
  });
});

describe('writing answers', () => {
  it('splits TXT text longer than 255 bytes into character-strings', () => {
    const text = 'x'.repeat(600);
    const data = encodeTxt(text);
    expect(data[0]).toBe(255);
    expect(data[256]).toBe(255);
    expect(data[512]).toBe(90);
    expect(data.length).toBe(600 + 3);
    expect(encodeTxt('')).toEqual(Buffer.from([0]));
    expect(encodeTxt('x'.repeat(255)).length).toBe(256);
  });

  it('sets the TC bit and drops the answers when the message is too large for UDP', () => {
    const question = { name: 'a.example', rawName: 'a.example', type: DNS_TYPE.TXT, class: 1 };
    const response = {
      id: 7,
      opcode: 0,
      recursionDesired: true,
      rcode: RCODE.NOERROR,
      question,
      answers: [
        { name: 'a.example', ttl: 60, data: { type: 'TXT' as const, text: 'y'.repeat(700) } },
      ],
    };
    const small = encodeResponse(response, 512);
    expect(responseSummary(small)).toEqual({ id: 7, truncated: true, rcode: 0, answers: 0 });
    const full = encodeResponse(response);
    expect(responseSummary(full)).toEqual({ id: 7, truncated: false, rcode: 0, answers: 1 });
    expect(full.length).toBeGreaterThan(700);
  });

  it('refuses labels longer than 63 bytes', () => {
    expect(() =>
      encodeResponse({
        id: 1,
        opcode: 0,
        recursionDesired: false,
        rcode: 0,
        answers: [
          { name: `${'a'.repeat(64)}.example`, ttl: 1, data: { type: 'A', address: '192.0.2.1' } },
        ],
      }),
    ).toThrow(DnsFormatError);
  });
});
