import { describe, expect, it } from "vitest";
import { attachmentDisposition, downloadFileName, promptSlug } from "@/lib/videos/download-file-name";

describe("download file names", () => {
  const video = {
    model: "sora-2",
    size: "1280x720",
    seconds: 8,
    prompt: "A red lighthouse at dusk, slow aerial push-in over the waves",
  };

  it("say model, size, seconds and the first words of the prompt", () => {
    expect(downloadFileName(video, "video")).toBe("sora-2-1280x720-8s-a-red-lighthouse-at-dusk-slow.mp4");
    expect(downloadFileName(video, "thumbnail")).toBe(
      "sora-2-1280x720-8s-a-red-lighthouse-at-dusk-slow-thumbnail.webp",
    );
    expect(downloadFileName(video, "spritesheet")).toMatch(/-spritesheet\.jpg$/);
  });

  it("leave out simulator markers and punctuation, keep other scripts, fall back to 'video'", () => {
    expect(promptSlug("A fox [[moderation]] in snow!!")).toBe("a-fox-in-snow");
    expect(promptSlug("雨中 街道上的纸船")).toBe("雨中-街道上的纸船");
    expect(promptSlug("[[stall:40]] ... ")).toBe("video");
    expect(promptSlug("x".repeat(80))).toBe("video");
  });

  it("give an ASCII fallback plus the exact UTF-8 name", () => {
    expect(attachmentDisposition("sora-2-720x1280-4s-a-fox.mp4")).toBe(
      `attachment; filename="sora-2-720x1280-4s-a-fox.mp4"; filename*=UTF-8''sora-2-720x1280-4s-a-fox.mp4`,
    );
    const zh = attachmentDisposition("sora-2-720x1280-4s-纸船.mp4");
    expect(zh).toContain(`filename="sora-2-720x1280-4s.mp4"`);
    expect(zh).toContain(`filename*=UTF-8''sora-2-720x1280-4s-${encodeURIComponent("纸船")}.mp4`);
  });
});
