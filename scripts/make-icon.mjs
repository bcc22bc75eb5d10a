// Draws the app icon (a white check mark on a blue shield, on a dark rounded tile) and writes it
// as a 1024×1024 RGBA PNG to assets/build/icon.png. electron-builder derives the Windows .ico,
// the macOS .icns and the Linux icons from it. No dependencies: the PNG is encoded with zlib.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const SAMPLES = 4; // 4×4 supersampling per pixel for smooth edges

const TILE = [15, 42, 74]; // dark navy
const SHIELD = [43, 125, 233]; // blue
const RIM = [255, 255, 255];
const CHECK = [255, 255, 255];

/** Inside a square with rounded corners (all coordinates 0..1). */
function inTile(x, y) {
  const r = 0.18;
  const m = 0.04;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && x <= 1 - m && y >= m && y <= 1 - m;
}

/** Half-width of the shield at height y, or -1 outside it; `inset` shrinks it for the rim. */
function shieldHalfWidth(y, inset) {
  const top = 0.16 + inset;
  const shoulder = 0.5;
  const tip = 0.88 - inset * 1.6;
  const half = 0.31 - inset;
  if (y < top || y > tip) return -1;
  // A gentle dip in the middle of the top edge is drawn by the caller; the sides are straight to
  // the shoulder, then curve in to the point.
  if (y <= shoulder) return half;
  const t = (y - shoulder) / (tip - shoulder);
  return half * Math.cos((t * Math.PI) / 2) ** 0.75;
}

function inShield(x, y, inset) {
  const w = shieldHalfWidth(y, inset);
  if (w < 0) return false;
  const dx = Math.abs(x - 0.5);
  if (dx > w) return false;
  // Top edge: rises towards the corners a little, like a heater shield.
  const topAt = 0.16 + inset + 0.035 * (1 - (dx / 0.31) ** 2);
  return y >= topAt;
}

/** Distance from point p to segment ab. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

function inCheck(x, y) {
  const width = 0.045;
  return (
    segmentDistance(x, y, 0.355, 0.5, 0.46, 0.605) <= width ||
    segmentDistance(x, y, 0.46, 0.605, 0.66, 0.385) <= width
  );
}

/** The colour (with alpha) of one sample point. */
function sample(x, y) {
  if (inShield(x, y, 0.03)) return inCheck(x, y) ? [...CHECK, 255] : [...SHIELD, 255];
  if (inShield(x, y, 0)) return [...RIM, 255];
  if (inTile(x, y)) return [...TILE, 255];
  return [0, 0, 0, 0];
}

function render() {
  const rows = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let py = 0; py < SIZE; py++) {
    const row = py * (SIZE * 4 + 1);
    rows[row] = 0; // PNG filter: none
    for (let px = 0; px < SIZE; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [cr, cg, cb, ca] = sample(
            (px + (sx + 0.5) / SAMPLES) / SIZE,
            (py + (sy + 0.5) / SAMPLES) / SIZE,
          );
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = row + 1 + px * 4;
      rows[o] = a ? Math.round(r / a) : 0;
      rows[o + 1] = a ? Math.round(g / a) : 0;
      rows[o + 2] = a ? Math.round(b / a) : 0;
      rows[o + 3] = Math.round(a / (SAMPLES * SAMPLES));
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function iconPng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(render(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'build', 'icon.png');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, iconPng());
  console.log(`Wrote ${out} (${SIZE}×${SIZE}).`);
}
