import { describe, expect, it } from "vitest";
import { parseByteRange } from "@/lib/http/byte-range";

// RFC 9110 §14: the one Range reader of stored media and the simulator's content.

describe("parseByteRange", () => {
  // The simulator's cases, unchanged.
  it.each([
    [null, { kind: "full" }],
    ["bytes=0-99", { kind: "partial", start: 0, end: 99 }],
    ["bytes=900-", { kind: "partial", start: 900, end: 999 }],
    ["bytes=-100", { kind: "partial", start: 900, end: 999 }],
    ["bytes=-5000", { kind: "partial", start: 0, end: 999 }],
    ["bytes=500-5000", { kind: "partial", start: 500, end: 999 }],
    ["bytes=1000-", { kind: "unsatisfiable" }],
    ["bytes=-0", { kind: "unsatisfiable" }],
    ["bytes=5-2", { kind: "full" }],
    ["bytes=0-1,5-6", { kind: "full" }],
    ["items=0-1", { kind: "full" }],
    ["bytes=-", { kind: "full" }],
  ])("%s of 1000 bytes", (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });

  it("reads first-last, first- and -suffix", () => {
    expect(parseByteRange("bytes=0-0", 1000)).toEqual({ kind: "partial", start: 0, end: 0 });
    expect(parseByteRange("bytes=999-999", 1000)).toEqual({ kind: "partial", start: 999, end: 999 });
    expect(parseByteRange("bytes=0-", 1000)).toEqual({ kind: "partial", start: 0, end: 999 });
    expect(parseByteRange("bytes=-1", 1000)).toEqual({ kind: "partial", start: 999, end: 999 });
    expect(parseByteRange("bytes=-1000", 1000)).toEqual({ kind: "partial", start: 0, end: 999 });
  });

  it("clamps a last byte beyond the end; a first byte at or beyond it is unsatisfiable (416)", () => {
    expect(parseByteRange("bytes=10-999999999999", 1000)).toEqual({ kind: "partial", start: 10, end: 999 });
    expect(parseByteRange("bytes=1000-1001", 1000)).toEqual({ kind: "unsatisfiable" });
    expect(parseByteRange("bytes=999999999-", 1000)).toEqual({ kind: "unsatisfiable" });
  });

  it("finds nothing to send in an empty body", () => {
    expect(parseByteRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
    expect(parseByteRange("bytes=-5", 0)).toEqual({ kind: "unsatisfiable" });
    expect(parseByteRange(null, 0)).toEqual({ kind: "full" });
  });

  it("accepts the unit in any case and optional whitespace around a single spec", () => {
    expect(parseByteRange("Bytes=0-9", 1000)).toEqual({ kind: "partial", start: 0, end: 9 });
    expect(parseByteRange("bytes= 0-9 ", 1000)).toEqual({ kind: "partial", start: 0, end: 9 });
    expect(parseByteRange("bytes=0-9,", 1000)).toEqual({ kind: "partial", start: 0, end: 9 });
  });

  it("ignores several ranges (the whole body, never multipart/byteranges), even unsatisfiable ones", () => {
    expect(parseByteRange("bytes=0-1, 5-6", 1000)).toEqual({ kind: "full" });
    expect(parseByteRange("bytes=0-99,-100", 1000)).toEqual({ kind: "full" });
    expect(parseByteRange("bytes=2000-,3000-", 1000)).toEqual({ kind: "full" });
  });

  it.each([
    "",
    "bytes",
    "bytes=",
    "bytes=,",
    "bytes=a-b",
    "bytes=1-2-3",
    "bytes=--5",
    "bytes=+1-2",
    "bytes 0-9",
    "0-9",
  ])("ignores the malformed %j (the whole body)", (header) => {
    expect(parseByteRange(header, 1000)).toEqual({ kind: "full" });
  });

  it("ignores an invalid spec (last before first) even beyond the end", () => {
    expect(parseByteRange("bytes=2000-1500", 1000)).toEqual({ kind: "full" });
  });
});
