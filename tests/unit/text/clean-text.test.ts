import { describe, expect, it } from "vitest";
import { cleanMultilineText, cleanSingleLineText, hasControlCharacters } from "@/lib/text/clean-text";
import { singleLineText } from "@/lib/text/text-fields";
import { addConnectionSchema, createTeamSchema } from "@/lib/teams/team-form-schemas";
import { signUpSchema } from "@/lib/auth/sign-up";
import { validateVideoRequest, VideoRequestError } from "@/lib/videos/validate-video-request";
import { SORA_2 } from "@/lib/models/catalog/sora";

const C0_EXCEPT_TAB_LF = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter(
  (c) => c !== "\t" && c !== "\n" && c !== "\r",
);
const C1 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)).filter((c) => c !== "\u0085");

describe("cleanMultilineText (prompts)", () => {
  it("removes NUL, every other C0 control but tab and line feed, DEL and C1 controls", () => {
    for (const c of [...C0_EXCEPT_TAB_LF, "\u007f", ...C1]) {
      expect(cleanMultilineText(`a${c}b`), `U+${c.charCodeAt(0).toString(16)}`).toBe("ab");
    }
  });

  it("keeps tabs and line breaks, written as \\n whatever the kind", () => {
    expect(cleanMultilineText("one\ttwo\nthree")).toBe("one\ttwo\nthree");
    expect(cleanMultilineText("a\r\nb\rc\u0085d\u2028e\u2029f")).toBe("a\nb\nc\nd\ne\nf");
    expect(cleanMultilineText("a\r\n\r\nb")).toBe("a\n\nb");
  });

  it("trims, and leaves nothing of a prompt made only of controls and spaces", () => {
    expect(cleanMultilineText("  \u0000 A cat \u0007\n ")).toBe("A cat");
    expect(cleanMultilineText("\u0000\u0001\u001f\u007f\u009f \r\n")).toBe("");
  });

  it("keeps every printable character: accents, CJK, emoji with joiners, right-to-left text", () => {
    const text = "Café 雨中的城市 👩‍🚀 שלום\u200dx";
    expect(cleanMultilineText(text)).toBe(text);
  });

  it("turns lone surrogates into U+FFFD instead of storing a broken string", () => {
    expect(cleanMultilineText("a\ud800b")).toBe("a\ufffdb");
  });
});

describe("cleanSingleLineText (names)", () => {
  it("removes controls and turns runs of tabs and line breaks into one space", () => {
    expect(cleanSingleLineText("Ada\u0000 Lovelace")).toBe("Ada Lovelace");
    expect(cleanSingleLineText("Ada\r\n\tLovelace")).toBe("Ada Lovelace");
    expect(cleanSingleLineText("Ada \n Lovelace\u2028x")).toBe("Ada Lovelace x");
    expect(cleanSingleLineText("\n\tAda\t\n")).toBe("Ada");
    expect(cleanSingleLineText("\u0000\u0000")).toBe("");
  });
});

describe("hasControlCharacters", () => {
  it("is true for any control character, tab and line breaks included, and false for ordinary text", () => {
    for (const c of ["\u0000", "\t", "\n", "\r", "\u001b", "\u007f", "\u0085", "\u009f", "\u2028", "\u2029"])
      expect(hasControlCharacters(`x${c}`)).toBe(true);
    expect(hasControlCharacters("https://relay.example/v1 Café 雨")).toBe(false);
  });
});

describe("form schemas use the rule", () => {
  const field = singleLineText({ required: "errors.nameRequired", tooLong: "errors.nameTooLong" }, 5);

  it("a name of only control characters gets the normal required message", () => {
    const result = field.safeParse("\u0000\u0007\r\n");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("errors.nameRequired");
  });

  it("length is counted after cleaning", () => {
    expect(field.safeParse("ab\u0000\u0000\u0000\u0000cd").data).toBe("abcd");
    expect(field.safeParse("abcdef").error?.issues[0]?.message).toBe("errors.nameTooLong");
  });

  it("sign-up and new-team names are cleaned, and empty after cleaning is required", () => {
    expect(
      signUpSchema.parse({ name: "Ada\u0000\nL", email: "ADA@example.test", password: "correct horse" }).name,
    ).toBe("Ada L");
    expect(
      signUpSchema.safeParse({ name: "\u0000", email: "a@example.test", password: "correct horse" }).error?.issues[0]
        ?.message,
    ).toBe("errors.nameRequired");
    expect(createTeamSchema.parse({ name: "Night\u0000 crew\r\n" }).name).toBe("Night crew");
    expect(createTeamSchema.safeParse({ name: "\u0000 \t" }).error?.issues[0]?.message).toBe("errors.teamNameRequired");
  });

  it("a provider base URL or key with a control character is refused, not cleaned", () => {
    const base = {
      teamId: "t1",
      preset: "custom-openai",
      name: "Relay",
      baseUrl: "https://relay.example/v1",
      apiKey: "sk-abcdefgh",
    };
    expect(addConnectionSchema.safeParse(base).success).toBe(true);
    const badUrl = addConnectionSchema.safeParse({ ...base, baseUrl: "https://relay.example/v1\u0000" });
    expect(badUrl.error?.issues.map((i) => i.message)).toContain("teamErrors.baseUrlInvalid");
    const badKey = addConnectionSchema.safeParse({ ...base, apiKey: "sk-abcd\u0000efgh" });
    expect(badKey.error?.issues.map((i) => i.message)).toContain("teamErrors.keyFormat");
  });
});

describe("the engine's prompt rule (validateVideoRequest)", () => {
  const ok = { model: "sora-2", size: "720x1280", seconds: 4, prompt: "" };

  it("stores and sends the cleaned prompt, line breaks kept", () => {
    expect(validateVideoRequest(SORA_2, { ...ok, prompt: " A\u0000 lighthouse\r\nat night\u001b " }).prompt).toBe(
      "A lighthouse\nat night",
    );
  });

  it("a prompt of only control characters is a missing prompt", () => {
    expect(() => validateVideoRequest(SORA_2, { ...ok, prompt: "\u0000\u0007\r\n" })).toThrow(
      new VideoRequestError("prompt", "promptRequired"),
    );
  });

  it("the length limit counts the cleaned prompt", () => {
    expect(
      validateVideoRequest(SORA_2, { ...ok, prompt: "x".repeat(32_000) + "\u0000".repeat(10) }).prompt,
    ).toHaveLength(32_000);
  });
});
