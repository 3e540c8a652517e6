import zlib from "node:zlib";
import sharp from "sharp";

// Real image bytes for the upload tests, made with sharp: a valid JPEG of an exact byte length
// (COM segments after SOI carry the padding: decoders skip them by their length), and the two
// broken files whose header looks perfect: a truncated JPEG and a PNG with no pixel data.

const COM_MAX = 2 + 65535; // marker + the largest length field (which counts itself)

/** A JPEG of exactly `bytes` bytes showing a `width`×`height` picture. */
export async function jpegOfBytes(width: number, height: number, bytes: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#0ea5e9"/><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#f97316"/></svg>`;
  const base = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
  let need = bytes - base.length;
  if (need < 0) throw new Error(`a ${width}x${height} JPEG needs at least ${base.length} bytes`);
  const segments: Buffer[] = [];
  while (need > 0) {
    let size = Math.min(need, COM_MAX);
    if (need - size > 0 && need - size < 4) size -= 4; // the last segment needs 4 bytes at least
    if (size < 4) throw new Error(`cannot pad a JPEG by ${need} byte(s)`);
    const segment = Buffer.alloc(size, 0x61);
    segment[0] = 0xff;
    segment[1] = 0xfe;
    segment.writeUInt16BE(size - 2, 2);
    segments.push(segment);
    need -= size;
  }
  return Buffer.concat([base.subarray(0, 2), ...segments, base.subarray(2)]);
}

/**
 * A JPEG cut off in its pixel data: the header still says `width`×`height`. By default 40% is
 * missing; `dropLast` cuts only that many bytes, which browsers still show (most of the picture)
 * while a strict decoder refuses it.
 */
export async function truncatedJpeg(
  width: number,
  height: number,
  options: { dropLast?: number } = {},
): Promise<Buffer> {
  const whole = await sharp({
    create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } },
  })
    .jpeg()
    .toBuffer();
  return whole.subarray(0, options.dropLast ? whole.length - options.dropLast : Math.floor(whole.length * 0.6));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG with a valid IHDR for `width`×`height` and an IDAT that holds no pixels. */
export async function pngWithoutPixels(width: number, height: number): Promise<Buffer> {
  const real = await sharp({ create: { width, height, channels: 3, background: "#22c55e" } })
    .png()
    .toBuffer();
  const signatureAndHeader = real.subarray(0, 8 + 12 + 13);
  return Buffer.concat([signatureAndHeader, pngChunk("IDAT", Buffer.alloc(0)), pngChunk("IEND", Buffer.alloc(0))]);
}
