// A small reader of zips with stored (uncompressed) entries, for tests: the central directory's
// names, sizes, CRC-32 and offsets, and each entry's bytes from its local header. Reads what
// client-zip writes (data descriptors; the ZIP64 extra field for large sizes and offsets).

export type ZipEntry = { name: string; method: number; crc32: number; data: Buffer };

function zip64Extra(extra: Buffer, wanted: { size: boolean; compressed: boolean; offset: boolean }) {
  const out: { size?: number; compressed?: number; offset?: number } = {};
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (wanted.size) out.size = next();
      if (wanted.compressed) out.compressed = next();
      if (wanted.offset) out.offset = next();
    }
    p += 4 + len;
  }
  return out;
}

export function readZip(zip: Buffer): ZipEntry[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("no end of central directory");
  let count = zip.readUInt16LE(eocd + 10);
  let cdOffset = zip.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && zip.readUInt32LE(locator) === 0x07064b50) {
    const z64 = Number(zip.readBigUInt64LE(locator + 8));
    count = Number(zip.readBigUInt64LE(z64 + 32));
    cdOffset = Number(zip.readBigUInt64LE(z64 + 48));
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(p + 10);
    const crc32 = zip.readUInt32LE(p + 16);
    let compressed = zip.readUInt32LE(p + 20);
    let size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    let offset = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    const extra = zip.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    const big = zip64Extra(extra, {
      size: size === 0xffffffff,
      compressed: compressed === 0xffffffff,
      offset: offset === 0xffffffff,
    });
    size = big.size ?? size;
    compressed = big.compressed ?? compressed;
    offset = big.offset ?? offset;
    if (zip.readUInt32LE(offset) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    if (method === 0 && compressed !== size) throw new Error(`stored entry ${name} with two sizes`);
    entries.push({ name, method, crc32, data: zip.subarray(start, start + compressed) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Reads a web stream to the end. */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(Buffer.from(next.value));
  return Buffer.concat(chunks);
}
