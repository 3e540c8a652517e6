import { describe, expect, it } from "vitest";
import { openMediaFile, writeMediaAtomically } from "@/lib/storage/media-store";

// The studio's stored media answer Range through the one parser (lib/http/byte-range.ts).

const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

async function stored(): Promise<string> {
  const relative = `teams/range-test/${crypto.randomUUID()}/video.mp4`;
  await writeMediaAtomically(relative, [bytes], () => undefined);
  return relative;
}

async function answer(relative: string, range: string | null) {
  const opened = await openMediaFile(relative, "video/mp4", range);
  if (!opened) throw new Error("not stored");
  const body = opened.body ? new Uint8Array(await new Response(opened.body).arrayBuffer()) : null;
  return {
    status: opened.status,
    contentRange: opened.headers.get("content-range"),
    length: opened.headers.get("content-length"),
    body,
  };
}

describe("stored media and Range", () => {
  it("serves one range, the whole file without one, and 416 beyond the end", async () => {
    const file = await stored();
    expect(await answer(file, null)).toMatchObject({ status: 200, contentRange: null, length: "1000" });

    const part = await answer(file, "bytes=100-199");
    expect(part).toMatchObject({ status: 206, contentRange: "bytes 100-199/1000", length: "100" });
    expect(part.body).toEqual(bytes.subarray(100, 200));

    const tail = await answer(file, "bytes=-10");
    expect(tail).toMatchObject({ status: 206, contentRange: "bytes 990-999/1000", length: "10" });
    expect(tail.body).toEqual(bytes.subarray(990));

    expect(await answer(file, "bytes=900-5000")).toMatchObject({ status: 206, contentRange: "bytes 900-999/1000" });
    expect(await answer(file, "bytes=1000-")).toMatchObject({ status: 416, contentRange: "bytes */1000", body: null });
  });

  it("ignores malformed and multiple ranges: the whole file", async () => {
    const file = await stored();
    for (const range of ["bytes=5-2", "bytes=0-1,5-6", "items=0-1", "bytes=x"]) {
      const full = await answer(file, range);
      expect(full).toMatchObject({ status: 200, contentRange: null, length: "1000" });
      expect(full.body).toEqual(bytes);
    }
  });
});
