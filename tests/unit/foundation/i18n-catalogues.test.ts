import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
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

const catalogues = { en: flatten(en), "zh-CN": flatten(zhCN) };

describe("message catalogues", () => {
  it("have exactly the same keys in English and Simplified Chinese", () => {
    const enKeys = [...catalogues.en.keys()].sort();
    const zhKeys = [...catalogues["zh-CN"].keys()].sort();
    expect(enKeys.filter((k) => !catalogues["zh-CN"].has(k)), "missing in zh-CN").toEqual([]);
    expect(zhKeys.filter((k) => !catalogues.en.has(k)), "missing in en").toEqual([]);
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
    const untranslated = [...catalogues["zh-CN"]].filter(([key, message]) => !properNames.has(key) && !/[\u4e00-\u9fff]/.test(message));
    expect(untranslated.map(([key]) => key)).toEqual([]);
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
