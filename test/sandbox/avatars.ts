import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

// Small GitHub-style identicons (5×5 mirrored grid) per login, as PNG and SVG, so the offline
// workbench shows real images. Generated on request; deterministic per login.

const SIZE = 5;
const CELL = 8;
const PAD = 4;
const PX = SIZE * CELL + 2 * PAD;

function pattern(login: string): { cells: boolean[]; color: [number, number, number] } {
  const h = createHash('md5').update(login.toLowerCase()).digest();
  const hue = ((h[0] ?? 0) / 255) * 360;
  const [r, g, b] = hslToRgb(hue, 0.55, 0.55);
  const cells: boolean[] = [];
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const mx = x < 3 ? x : SIZE - 1 - x;
      cells.push((((h[1 + y * 3 + mx] ?? 0) >> 0) & 1) === 1);
    }
  }
  return { cells, color: [r, g, b] };
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

export function avatarPng(login: string): Buffer {
  const { cells, color } = pattern(login);
  const rows: Buffer[] = [];
  for (let y = 0; y < PX; y++) {
    const row = Buffer.alloc(1 + PX * 3);
    for (let x = 0; x < PX; x++) {
      const cx = Math.floor((x - PAD) / CELL);
      const cy = Math.floor((y - PAD) / CELL);
      const on = cx >= 0 && cy >= 0 && cx < SIZE && cy < SIZE && cells[cy * SIZE + cx] === true;
      const [r, g, b] = on ? color : [240, 240, 240];
      row.writeUInt8(r, 1 + x * 3);
      row.writeUInt8(g, 2 + x * 3);
      row.writeUInt8(b, 3 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(PX, 0);
  ihdr.writeUInt32BE(PX, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function avatarSvg(login: string): string {
  const { cells, color } = pattern(login);
  const fill = `rgb(${color.join(',')})`;
  const rects = cells.flatMap((on, i) => (on ? [`<rect x="${PAD + (i % SIZE) * CELL}" y="${PAD + Math.floor(i / SIZE) * CELL}" width="${CELL}" height="${CELL}"/>`] : []));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PX}" height="${PX}" viewBox="0 0 ${PX} ${PX}"><rect width="${PX}" height="${PX}" fill="#f0f0f0"/><g fill="${fill}">${rects.join('')}</g></svg>`;
}
