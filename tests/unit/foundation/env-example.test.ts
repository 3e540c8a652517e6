import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// .env.example must list every variable the studio and its simulator read, with a meaning.
const example = readFileSync(".env.example", "utf8");
const listed = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
const SYSTEM = new Set(["NODE_ENV", "NEXT_PHASE"]);

function studioVariables(): string[] {
  const source = readFileSync("lib/env.ts", "utf8");
  const schema = source.slice(
    source.indexOf("const schema = z.object({"),
    source.indexOf("});", source.indexOf("const schema")),
  );
  return [...schema.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
}

function simulatorVariables(): string[] {
  const source = readFileSync("lib/simulator/options-from-env.ts", "utf8");
  return [...new Set([...source.matchAll(/(?:env\.|")(SIMULATOR_[A-Z_]+|PORT|STUDIO_DATA_DIR)\b/g)].map((m) => m[1]!))];
}

describe(".env.example", () => {
  it("lists every variable lib/env.ts validates", () => {
    const vars = studioVariables();
    expect(vars.length).toBeGreaterThan(15);
    expect(vars.filter((v) => !SYSTEM.has(v) && !listed.has(v))).toEqual([]);
  });

  it("lists every variable the simulator reads", () => {
    const vars = simulatorVariables();
    expect(vars).toContain("SIMULATOR_TIME_SCALE");
    expect(vars.filter((v) => !listed.has(v))).toEqual([]);
  });

  it("gives each variable a comment line above it", () => {
    const lines = example.split("\n");
    const bare = lines
      .map((line, i) => ({ line, i }))
      .filter(
        ({ line, i }) =>
          /^[A-Z_]+=/.test(line) && !/^#/.test(lines[i - 1] ?? "") && !/^[A-Z_]+=/.test(lines[i - 1] ?? ""),
      );
    expect(bare.map(({ line }) => line)).toEqual([]);
  });
});
