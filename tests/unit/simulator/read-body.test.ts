import { describe, expect, it } from "vitest";
import { SimulatorHttpError } from "@/lib/simulator/errors";
import { nestFormEntries, readBody, splitBracketedKey } from "@/lib/simulator/read-body";

describe("bracketed form keys", () => {
  it("splits keys the way the openai SDK writes them", () => {
    expect(splitBracketedKey("prompt")).toEqual(["prompt"]);
    expect(splitBracketedKey("input_reference[image_url]")).toEqual(["input_reference", "image_url"]);
    expect(splitBracketedKey("a[b][c]")).toEqual(["a", "b", "c"]);
    expect(splitBracketedKey("tags[]")).toEqual(["tags", ""]);
  });

  it("nests objects, keeping the last of repeated keys", () => {
    const file = new File([new Uint8Array([1, 2])], "a.png", { type: "image/png" });
    const fields = nestFormEntries([
      ["prompt", "x"],
      ["prompt", "y"],
      ["input_reference[image_url]", "data:image/png;base64,AA=="],
      ["a[b][c]", "deep"],
      ["upload", file],
    ]);
    expect(fields).toEqual({
      prompt: "y",
      input_reference: { image_url: "data:image/png;base64,AA==" },
      a: { b: { c: "deep" } },
      upload: file,
    });
  });
});

function post(body: BodyInit | undefined, contentType?: string): Request {
  return new Request("http://x/v1/videos", {
    method: "POST",
    body,
    headers: contentType ? { "content-type": contentType } : {},
  });
}

describe("readBody", () => {
  it("reads JSON, multipart and urlencoded bodies", async () => {
    expect(await readBody(post('{"prompt":"a","seconds":8}', "application/json"))).toEqual({
      encoding: "json",
      fields: { prompt: "a", seconds: 8 },
    });
    const form = new FormData();
    form.append("prompt", "b");
    form.append("input_reference[image_url]", "data:,x");
    expect(await readBody(post(form))).toEqual({
      encoding: "form",
      fields: { prompt: "b", input_reference: { image_url: "data:,x" } },
    });
    expect(await readBody(post("prompt=c&size=1280x720", "application/x-www-form-urlencoded"))).toEqual({
      encoding: "form",
      fields: { prompt: "c", size: "1280x720" },
    });
    expect(await readBody(post(undefined))).toEqual({ encoding: "json", fields: {} });
  });

  it.each([
    ["{not json", "application/json", /could not parse the JSON/],
    ["[1,2]", "application/json", /could not parse the JSON/],
    ["hello", "text/plain", /Unsupported content type: 'text\/plain'/],
  ])("answers 400 for %s (%s)", async (body, type, message) => {
    const error = await readBody(post(body, type)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SimulatorHttpError);
    expect((error as SimulatorHttpError).status).toBe(400);
    expect((error as SimulatorHttpError).message).toMatch(message);
  });
});
