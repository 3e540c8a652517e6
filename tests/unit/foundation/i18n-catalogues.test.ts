import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { catalogues as merged } from "@/lib/i18n/catalogues";
import { negotiateLocale } from "@/lib/i18n/locales";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// ICU arguments ({name}, {count, plural, …}) must be the same in both languages.
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([a-zA-Z0-9_]+)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

const catalogues = { en: flatten(merged.en as unknown as Tree), "zh-CN": flatten(merged["zh-CN"] as unknown as Tree) };
const messagesDir = path.resolve("lib/i18n/messages");

describe("message catalogues", () => {
  it("have exactly the same keys in English and Simplified Chinese", () => {
    const enKeys = [...catalogues.en.keys()].sort();
    const zhKeys = [...catalogues["zh-CN"].keys()].sort();
    expect(
      enKeys.filter((k) => !catalogues["zh-CN"].has(k)),
      "missing in zh-CN",
    ).toEqual([]);
    expect(
      zhKeys.filter((k) => !catalogues.en.has(k)),
      "missing in en",
    ).toEqual([]);
    expect(enKeys.length).toBeGreaterThan(50);
  });

  it("have no empty messages and the same arguments in both languages", () => {
    for (const [key, message] of catalogues.en) {
      const zh = catalogues["zh-CN"].get(key) ?? "";
      expect(message.trim(), `en ${key}`).not.toBe("");
      expect(zh.trim(), `zh-CN ${key}`).not.toBe("");
      expect(argumentsOf(zh), key).toEqual(argumentsOf(message));
    }
  });

  it("every Chinese message is written in Chinese, except proper names", () => {
    const properNames = new Set(["app.name", "auth.github", "auth.google"]);
    const untranslated = [...catalogues["zh-CN"]].filter(
      ([key, message]) => !properNames.has(key) && !/[\u4e00-\u9fff]/.test(message),
    );
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});

describe("catalogue files", () => {
  it("every feature file exists in both languages with the same namespaces, and none shadows another", () => {
    const enFiles = readdirSync(path.join(messagesDir, "en")).sort();
    expect(readdirSync(path.join(messagesDir, "zh-CN")).sort()).toEqual(enFiles);
    const seen = new Map<string, string>();
    for (const file of enFiles) {
      const en = Object.keys(JSON.parse(readFileSync(path.join(messagesDir, "en", file), "utf8")));
      const zh = Object.keys(JSON.parse(readFileSync(path.join(messagesDir, "zh-CN", file), "utf8")));
      expect(zh.sort(), file).toEqual(en.sort());
      for (const ns of en) {
        expect(seen.get(ns), `namespace ${ns} in ${file}`).toBeUndefined();
        seen.set(ns, file);
      }
    }
  });
});

describe("negotiateLocale", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-GB,en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9,zh;q=0.8,en;q=0.5", "zh-CN"],
    ["en;q=0.4,zh;q=0.6", "zh-CN"],
    ["de,fr", "en"],
    ["zh;q=0", "en"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
