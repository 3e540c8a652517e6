// The one reader of the HTTP `Range` header (RFC 9110 §14), for every body we serve in parts: the
// studio's stored media (lib/storage/media-store.ts) and the simulator's video content
// (lib/simulator/routes/video-content.ts). Pure: no I/O, no framework.

/** What to send for a body of `size` bytes: all of it (200), bytes start..end inclusive (206), or 416. */
export type RangeAnswer =
  { kind: "full" } | { kind: "partial"; start: number; end: number } | { kind: "unsatisfiable" };

const RANGE_SPEC = /^(\d*)[ \t]*-[ \t]*(\d*)$/;

/**
 * Reads a `Range` header for a body of `size` bytes.
 *
 * - `bytes=a-b` → a..min(b, size-1); `bytes=a-` → a..end; `bytes=-n` → the last n bytes (all of a
 *   shorter body).
 * - A first byte at or beyond the end, `bytes=-0`, or any range of an empty body → unsatisfiable
 *   (416 with `Content-Range: bytes *\/size`).
 * - Malformed, another unit, or `last < first` (an invalid range-spec) → the header is ignored and
 *   the whole body is sent (§14.2: a server MAY ignore Range).
 * - CHOICE: more than one range (`bytes=0-1,5-6`) is ignored too, so nobody needs
 *   multipart/byteranges; players and download managers ask for one range at a time.
 */
export function parseByteRange(header: string | null | undefined, size: number): RangeAnswer {
  if (header === null || header === undefined) return { kind: "full" };
  const equals = header.indexOf("=");
  if (equals < 0 || header.slice(0, equals).trim().toLowerCase() !== "bytes") return { kind: "full" };
  const specs = header
    .slice(equals + 1)
    .split(",")
    .map((spec) => spec.trim())
    .filter((spec) => spec !== "");
  if (specs.length !== 1) return { kind: "full" };
  const match = RANGE_SPEC.exec(specs[0]!);
  if (!match) return { kind: "full" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "full" };

  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return { kind: "full" };
  if (start >= size) return { kind: "unsatisfiable" };
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: "partial", start, end };
}
