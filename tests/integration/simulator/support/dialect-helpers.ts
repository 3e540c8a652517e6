import { expect } from "vitest";

// Helpers for the dialect profiles' tests (yi-reverse, relay, veo): a clock the test moves, and
// multipart/JSON requests with any Authorization header.

/** A wall clock the test sets; pass `now: clock.now` to the simulator. Starts at the real time. */
export class TestClock {
  private ms = Date.now();
  readonly now = (): number => this.ms;
  advance(ms: number): number {
    this.ms += ms;
    return this.ms;
  }
  get value(): number {
    return this.ms;
  }
}

export type Fields = Record<string, string | Blob>;

export function formOf(fields: Fields): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}

export async function postForm(url: string, fields: Fields, headers: Record<string, string>): Promise<Response> {
  return fetch(url, { method: "POST", headers, body: formOf(fields) });
}

export async function postJson(
  url: string,
  body: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

export async function readJson(response: Response, status: number): Promise<Record<string, unknown>> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Moves the clock in steps until the job shows one of `statuses`; returns the answer. */
export async function stepUntil(
  clock: TestClock,
  read: () => Promise<Record<string, unknown>>,
  statuses: readonly string[],
  stepMs = 250,
  maxSteps = 2000,
): Promise<Record<string, unknown>> {
  for (let i = 0; i < maxSteps; i += 1) {
    const body = await read();
    if (statuses.includes(String(body.status))) return body;
    clock.advance(stepMs);
  }
  throw new Error(`no status in ${statuses.join("/")} after ${maxSteps} steps`);
}

export function imageBlob(bytes: Uint8Array, type: string): Blob {
  return new Blob([new Uint8Array(bytes)], { type });
}
