// The app's icons, made from app/icon.svg (the brand square with a play mark): app/favicon.ico
// (16, 32 and 48 px PNGs in one ICO, for browsers and tools that ask for /favicon.ico), app/apple-icon.png
// (180 px, home screens on iOS) and public/icons/icon-192.png / icon-512.png for the web app
// manifest (app/manifest.ts). Run after changing the SVG: node scripts/make-icons.mjs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const app = path.resolve(import.meta.dirname, "../app");
const svg = readFileSync(path.join(app, "icon.svg"));
const png = (size, { padded = false } = {}) => {
  // Home-screen icons are drawn full-bleed by the system (it rounds the corners itself).
  const image = padded ? sharp(svg, { density: 300 }).flatten({ background: "#3b55e6" }) : sharp(svg, { density: 300 });
  return image.resize(size, size).png({ compressionLevel: 9 }).toBuffer();
};

/** ICO: a 6-byte header, one 16-byte entry per image, then the PNGs themselves. */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const sizes = [16, 32, 48];
writeFileSync(
  path.join(app, "favicon.ico"),
  ico(await Promise.all(sizes.map(async (size) => ({ size, data: await png(size) })))),
);
writeFileSync(path.join(app, "apple-icon.png"), await png(180, { padded: true }));
const icons = path.resolve(app, "../public/icons");
mkdirSync(icons, { recursive: true });
writeFileSync(path.join(icons, "icon-192.png"), await png(192, { padded: true }));
writeFileSync(path.join(icons, "icon-512.png"), await png(512, { padded: true }));
console.log("app/favicon.ico, app/apple-icon.png, public/icons/icon-{192,512}.png written from app/icon.svg");
