import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { SimulatorHttpError } from "@/lib/simulator/errors";
import { sizesForModel, validateOpenAiCreate } from "@/lib/simulator/profiles/openai";
import { yiReverseProfile } from "@/lib/simulator/profiles/yi-reverse";
import type { ParsedBody } from "@/lib/simulator/read-body";

async function png(width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .png()
      .toBuffer(),
  );
}

async function rejection(
  promise: Promise<unknown>,
): Promise<{ status: number; message: string; param: string | null; code: string | null }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof SimulatorHttpError)) throw new Error(`expected a SimulatorHttpError, got ${String(error)}`);
  return { status: error.status, ...error.fields };
}

const json = (fields: Record<string, unknown>): ParsedBody => ({ encoding: "json", fields });
const form = (fields: Record<string, unknown>): ParsedBody => ({ encoding: "form", fields });

describe("openai create validation", () => {
  it("applies the defaults", async () => {
    expect(await validateOpenAiCreate(json({ prompt: "a cat" }))).toEqual({
      model: "sora-2",
      size: "720x1280",
      seconds: "4",
      width: 720,
      height: 1280,
      durationSeconds: 4,
      prompt: "a cat",
      reference: null,
    });
  });

  it("enforces prompt length 1..32000 in characters", async () => {
    expect((await validateOpenAiCreate(json({ prompt: "猫".repeat(32000) }))).prompt).toHaveLength(32000);
    expect(await rejection(validateOpenAiCreate(json({})))).toMatchObject({
      status: 400,
      param: "prompt",
      code: "missing_required_parameter",
      message: "Missing required parameter: 'prompt'.",
    });
    expect(await rejection(validateOpenAiCreate(json({ prompt: "" })))).toMatchObject({
      param: "prompt",
      code: "string_below_min_length",
    });
    expect(await rejection(validateOpenAiCreate(json({ prompt: "x".repeat(32001) })))).toMatchObject({
      param: "prompt",
      code: "string_above_max_length",
    });
    expect(await rejection(validateOpenAiCreate(json({ prompt: 5 })))).toMatchObject({
      param: "prompt",
      code: "invalid_type",
    });
  });

  it("uses the recorded messages for seconds", async () => {
    expect(await rejection(validateOpenAiCreate(json({ prompt: "a", seconds: 8 })))).toEqual({
      status: 400,
      type: "invalid_request_error",
      param: "seconds",
      code: "invalid_type",
      message: "Invalid type for 'seconds': expected one of '4', '8', or '12', but got an integer instead.",
    });
    expect((await rejection(validateOpenAiCreate(form({ prompt: "a", seconds: "10" })))).message).toBe(
      "Invalid value: '10'. Supported values are: '4', '8', and '12'.",
    );
    for (const seconds of ["4", "8", "12"])
      expect((await validateOpenAiCreate(form({ prompt: "a", seconds }))).durationSeconds).toBe(Number(seconds));
  });

  it("allows sora-2 only at 720p and sora-2-pro at all four sizes", async () => {
    expect(sizesForModel("sora-2")).toEqual(["720x1280", "1280x720"]);
    expect(sizesForModel("sora-2-pro-2025-10-06")).toHaveLength(4);
    for (const size of ["720x1280", "1280x720", "1024x1792", "1792x1024"]) {
      const pro = await validateOpenAiCreate(json({ prompt: "a", model: "sora-2-pro", size }));
      expect(`${pro.width}x${pro.height}`).toBe(size);
      const standard = validateOpenAiCreate(json({ prompt: "a", model: "sora-2", size }));
      if (size.includes("720")) await expect(standard).resolves.toMatchObject({ size });
      else expect(await rejection(standard)).toMatchObject({ status: 400, param: "size", code: "invalid_value" });
    }
    expect(await rejection(validateOpenAiCreate(json({ prompt: "a", size: "640x480" })))).toMatchObject({
      param: "size",
      code: "invalid_value",
    });
    expect(await rejection(validateOpenAiCreate(json({ prompt: "a", model: "sora-3" })))).toMatchObject({
      param: "model",
      code: "invalid_value",
    });
  });

  it("rejects unknown parameters", async () => {
    expect(await rejection(validateOpenAiCreate(json({ prompt: "a", fps: 30 })))).toMatchObject({
      message: "Unrecognized request argument supplied: fps",
    });
  });

  it("accepts a reference of exactly the requested size as file or data URL", async () => {
    const image = await png(1280, 720);
    const file = new File([image], "ref.png", { type: "image/png" });
    const viaFile = await validateOpenAiCreate(form({ prompt: "a", size: "1280x720", input_reference: file }));
    expect(viaFile.reference?.mimetype).toBe("image/png");
    const dataUrl = `data:image/png;base64,${Buffer.from(image).toString("base64")}`;
    const viaUrl = await validateOpenAiCreate(
      json({ prompt: "a", size: "1280x720", input_reference: { image_url: dataUrl } }),
    );
    expect(Buffer.from(viaUrl.reference?.bytes ?? []).equals(Buffer.from(image))).toBe(true);
  });

  it("uses the recorded messages for bad references", async () => {
    const wrongSize = new File([await png(720, 1280)], "ref.png", { type: "image/png" });
    expect(
      await rejection(validateOpenAiCreate(form({ prompt: "a", size: "1280x720", input_reference: wrongSize }))),
    ).toMatchObject({
      message: "Inpaint image must match the requested width and height",
    });
    const untyped = new File([await png(720, 1280)], "ref.bin");
    expect((await rejection(validateOpenAiCreate(form({ prompt: "a", input_reference: untyped })))).message).toBe(
      "Invalid file 'input_reference': unsupported mimetype ('application/octet-stream'). Supported file formats are 'image/jpeg', 'image/png', 'image/webp', and 'video/mp4'.",
    );
    expect(
      (await rejection(validateOpenAiCreate(form({ prompt: "a", input_reference: "https://example.com/a.png" }))))
        .message,
    ).toBe("Invalid type for 'input_reference': expected a file, but got a string instead.");
    const gif = new File([new Uint8Array([1])], "a.gif", { type: "image/gif" });
    expect((await rejection(validateOpenAiCreate(form({ prompt: "a", input_reference: gif })))).message).toContain(
      "('image/gif')",
    );
    const mp4 = new File([new Uint8Array([1])], "a.mp4", { type: "video/mp4" });
    expect((await rejection(validateOpenAiCreate(form({ prompt: "a", input_reference: mp4 })))).message).toContain(
      "video references are not supported",
    );
    const garbage = new File([new Uint8Array([1, 2, 3])], "a.png", { type: "image/png" });
    expect((await rejection(validateOpenAiCreate(form({ prompt: "a", input_reference: garbage })))).message).toContain(
      "could not be decoded",
    );
  });

  it("checks reference objects", async () => {
    const body = (input_reference: unknown) => json({ prompt: "a", input_reference });
    expect((await rejection(validateOpenAiCreate(body({ file_id: "file-123" })))).message).toBe(
      "No such File object: file-123",
    );
    expect((await rejection(validateOpenAiCreate(body({})))).message).toContain("exactly one");
    expect((await rejection(validateOpenAiCreate(body({ image_url: "https://example.com/a.png" })))).message).toContain(
      "data URLs",
    );
    expect(
      (await rejection(validateOpenAiCreate(body({ image_url: "data:text/plain;base64,AA==" })))).message,
    ).toContain("('text/plain')");
    expect((await rejection(validateOpenAiCreate(body("data:image/png;base64,AA==")))).code).toBe("invalid_type");
  });
});

describe("yi-reverse create validation", () => {
  it("reads the documented form (sora-2 + size + seconds) and renders 704 px on the short side", async () => {
    expect(
      await yiReverseProfile.validateCreate(form({ prompt: "a", model: "sora-2", size: "1280x720", seconds: "15" })),
    ).toMatchObject({
      model: "sora-2",
      size: "1280x720",
      seconds: "15",
      width: 1280,
      height: 704,
      durationSeconds: 15,
    });
    expect(await yiReverseProfile.validateCreate(json({ prompt: "a", seconds: 10 }))).toMatchObject({
      model: "sora-2",
      size: "720x1280",
      seconds: "10",
      width: 704,
      height: 1280,
    });
    expect(await rejection(yiReverseProfile.validateCreate(form({ prompt: "a", seconds: "4" })))).toMatchObject({
      status: 400,
      param: "seconds",
    });
    expect(
      await rejection(yiReverseProfile.validateCreate(form({ prompt: "a", model: "sora-2", size: "1792x1024" }))),
    ).toMatchObject({ param: "size" });
  });

  it("derives size and duration from an older model name", async () => {
    const cases = {
      sora_video2: ["720x1280", "10", 704, 1280],
      "sora_video2-landscape": ["1280x720", "10", 1280, 704],
      "sora_video2-15s": ["720x1280", "15", 704, 1280],
      "sora_video2-landscape-15s": ["1280x720", "15", 1280, 704],
    };
    for (const [model, [size, seconds, width, height]] of Object.entries(cases)) {
      expect(await yiReverseProfile.validateCreate(form({ prompt: "a", model, seconds: "4" }))).toMatchObject({
        model,
        size,
        seconds,
        width,
        height,
      });
    }
    expect(await rejection(yiReverseProfile.validateCreate(form({ prompt: "a", model: "sora-2-pro" })))).toMatchObject({
      param: "model",
    });
  });

  it("keeps prompts under 1000 characters and takes PNG or JPG references of any size", async () => {
    await expect(yiReverseProfile.validateCreate(form({ prompt: "x".repeat(999) }))).resolves.toBeTruthy();
    expect(await rejection(yiReverseProfile.validateCreate(form({ prompt: "x".repeat(1000) })))).toMatchObject({
      code: "string_above_max_length",
    });
    const ref = new File([await png(300, 200)], "r.png", { type: "image/png" });
    expect(
      (await yiReverseProfile.validateCreate(form({ prompt: "a", input_reference: ref }))).reference,
    ).not.toBeNull();
    const webp = new File(
      [
        new Uint8Array(
          await sharp(await png(30, 20))
            .webp()
            .toBuffer(),
        ),
      ],
      "r.webp",
      { type: "image/webp" },
    );
    expect(
      (await rejection(yiReverseProfile.validateCreate(form({ prompt: "a", input_reference: webp })))).message,
    ).toContain("PNG or JPG");
  });
});
