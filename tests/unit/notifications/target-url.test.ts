import { describe, expect, it } from "vitest";
import { displayUrl, isInternalAddress, targetProblem } from "@/lib/notifications/target-url";
import { retryDelayMs } from "@/lib/notifications/event-types";

describe("notification targets", () => {
  it.each([
    ["https://hooks.slack.com/services/T0/B0/xyz", null],
    ["https://oapi.dingtalk.com/robot/send?access_token=abc", null],
    ["http://93.184.216.34/hook", null],
    ["ftp://example.com/hook", "scheme"],
    ["javascript:alert(1)", "scheme"],
    ["not a url", "invalid"],
    ["https://user:pass@example.com/hook", "invalid"],
    ["http://127.0.0.1:8080/hook", "internal"],
    ["http://localhost/hook", "internal"],
    ["http://api.localhost/hook", "internal"],
    ["http://10.1.2.3/", "internal"],
    ["http://172.20.0.1/", "internal"],
    ["http://192.168.1.10/", "internal"],
    ["http://169.254.169.254/latest/meta-data", "internal"],
    ["http://100.64.0.1/", "internal"],
    ["http://0.0.0.0/", "internal"],
    ["http://[::1]/", "internal"],
    ["http://[fd00::1]/", "internal"],
    ["http://[::ffff:127.0.0.1]/", "internal"],
    ["http://metadata.google.internal/", "internal"],
    ["http://printer.local/", "internal"],
    ["http://intranet/", "internal"],
  ])("%s → %s in production", (url, problem) => {
    expect(targetProblem(url, false)).toBe(problem);
  });

  it("allows private targets when told to, never another scheme", () => {
    expect(targetProblem("http://127.0.0.1:9/hook", true)).toBeNull();
    expect(targetProblem("file:///etc/passwd", true)).toBe("scheme");
  });

  it("knows public addresses from internal ones", () => {
    expect(isInternalAddress("8.8.8.8")).toBe(false);
    expect(isInternalAddress("172.32.0.1")).toBe(false);
    expect(isInternalAddress("2606:4700::1111")).toBe(false);
    expect(isInternalAddress("fe80::1")).toBe(true);
  });

  it("shows a URL without its token", () => {
    expect(displayUrl("https://oapi.dingtalk.com/robot/send?access_token=abcdef123")).toBe(
      "https://oapi.dingtalk.com/…f123",
    );
    expect(displayUrl("https://example.com")).toBe("https://example.com/");
  });

  it("waits 30 s after the first failure, doubling after each", () => {
    expect([1, 2, 3, 7].map((n) => retryDelayMs(n) / 1000)).toEqual([30, 60, 120, 1920]);
  });
});
