import { expect } from "vitest";
import { createJson, expectVideoResource, type TestSimulator } from "./harness";

export async function setFaults(sim: TestSimulator, rules: string | string[], mode?: "append"): Promise<string[]> {
  const response = await fetch(`${sim.url}/__simulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rules, mode }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { rules: string[] }).rules;
}

export async function newJob(sim: TestSimulator, prompt: string): Promise<string> {
  const response = await createJson(sim.api, { prompt });
  expect(response.status).toBe(200);
  return expectVideoResource(await response.json()).id;
}

/** Reads a body until it ends or breaks; returns the bytes received and whether it broke. */
export async function drain(response: Response): Promise<{ received: number; broke: boolean }> {
  const reader = response.body?.getReader();
  let received = 0;
  if (!reader) return { received, broke: false };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { received, broke: false };
      received += value.byteLength;
    }
  } catch {
    return { received, broke: true };
  }
}

export async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}
