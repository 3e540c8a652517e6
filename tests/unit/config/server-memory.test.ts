import { describe, expect, it } from "vitest";
import { withServerMemoryDefaults } from "@/lib/config/server-memory";

describe("the memory settings npm start gives next start", () => {
  it("adds glibc's and V8's settings to an environment that has none", () => {
    const env = withServerMemoryDefaults<Record<string, string>>({ PATH: "/usr/bin" });
    expect(env).toEqual({
      PATH: "/usr/bin",
      MALLOC_ARENA_MAX: "2",
      MALLOC_MMAP_THRESHOLD_: "4194304",
      MALLOC_TRIM_THRESHOLD_: "131072",
      NODE_OPTIONS: "--max-semi-space-size=16",
    });
  });

  it("keeps an operator's own values and other Node options", () => {
    const env: Record<string, string | undefined> = withServerMemoryDefaults({
      MALLOC_ARENA_MAX: "4",
      NODE_OPTIONS: "--max-old-space-size=2048 --max-semi-space-size=32",
    });
    expect(env.MALLOC_ARENA_MAX).toBe("4");
    expect(env.MALLOC_TRIM_THRESHOLD_).toBe("131072");
    expect(env.NODE_OPTIONS).toBe("--max-old-space-size=2048 --max-semi-space-size=32");
    expect(withServerMemoryDefaults({ NODE_OPTIONS: "--enable-source-maps" }).NODE_OPTIONS).toBe(
      "--enable-source-maps --max-semi-space-size=16",
    );
  });

  it("sets nothing with STUDIO_MEMORY_DEFAULTS=off, and never changes the environment it is given", () => {
    const given = { STUDIO_MEMORY_DEFAULTS: "off", NODE_OPTIONS: "--inspect" };
    expect(withServerMemoryDefaults(given)).toEqual(given);
    const other: Record<string, string> = {};
    withServerMemoryDefaults(other);
    expect(other).toEqual({});
  });
});
