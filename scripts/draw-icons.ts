// Draws CareVisit's mark and writes the app's icons: the favicon (ICO with 16, 32 and 48 px PNGs),
// the SVG icon, the Apple touch icon and the web app manifest's PNGs (192 and 512 px, and a
// maskable 512 px one whose mark stays inside the 80 % safe zone). The files are committed; run
// `npx tsx scripts/draw-icons.ts` again only to change the mark. It uses sharp (libvips), which
// Next.js already installs for image optimisation.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import sharp from "sharp";

const BLUE = "#1d4ed8";
const ROOT = path.join(import.meta.dirname, "..");

/** A video camera with a medical cross on it, drawn on a 512 × 512 grid. */
const GLYPH = `
  <rect x="96" y="160" width="232" height="192" rx="36" fill="#fff"/>
  <path d="M344 222 L416 178 Q428 171 428 185 L428 327 Q428 341 416 334 L344 290 Z" fill="#fff"/>
  <rect x="194" y="206" width="36" height="100" rx="6" fill="${BLUE}"/>
  <rect x="162" y="238" width="100" height="36" rx="6" fill="${BLUE}"/>`;

function markSvg({ isMaskable }: { isMaskable: boolean }): string {
  const background = isMaskable
    ? `<rect width="512" height="512" fill="${BLUE}"/>`
    : `<rect width="512" height="512" rx="112" fill="${BLUE}"/>`;
  // A maskable icon may be cut to any shape inside the circle of 40 % radius: shrink the glyph.
  const glyph = isMaskable
    ? `<g transform="translate(256 256) scale(0.8) translate(-256 -256)">${GLYPH}</g>`
    : GLYPH;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${background}${glyph}</svg>`;
}

async function png(svg: string, size: number): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: 300 }).resize(size, size).png().toBuffer();
}

/** An ICO file holding PNG images (every browser since IE reads PNG entries). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

async function main() {
  const any = markSvg({ isMaskable: false });
  const maskable = markSvg({ isMaskable: true });
  mkdirSync(path.join(ROOT, "public/icons"), { recursive: true });
  const write = (file: string, data: Buffer | string) => {
    writeFileSync(path.join(ROOT, file), data);
    console.log(`wrote ${file}`);
  };
  write("public/icons/mark.svg", any);
  write("app/icon.svg", any);
  write("public/icons/icon-192.png", await png(any, 192));
  write("public/icons/icon-512.png", await png(any, 512));
  write("public/icons/maskable-512.png", await png(maskable, 512));
  // iOS rounds the corners itself and shows transparency as black: the full square.
  write("app/apple-icon.png", await png(maskable, 180));
  const small = await Promise.all(
    [16, 32, 48].map(async (size) => ({ size, data: await png(any, size) })),
  );
  write("app/favicon.ico", ico(small));
}

void main();
