import { describe, expect, it } from "vitest";
import type { Reader } from "@/lib/db/client";
import { readTogether } from "@/lib/db/read-together";

// What the helper tells apart, as Prisma 7 builds them: the client has $connect, a transaction's
// client does not (both have $transaction).
const client = { $connect: async () => {}, $transaction: async () => {} } as unknown as Reader;
const transaction = { $transaction: async () => {} } as unknown as Reader;

function reads() {
  let running = 0;
  let most = 0;
  const read = (value: number) => async () => {
    most = Math.max(most, ++running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running--;
    return value;
  };
  return { all: [read(1), read(2), read(3)] as const, most: () => most };
}

describe("readTogether", () => {
  it("reads at once on the client", async () => {
    const r = reads();
    expect(await readTogether(client, ...r.all)).toEqual([1, 2, 3]);
    expect(r.most()).toBe(3);
  });

  it("reads one after another in a transaction, in order", async () => {
    const r = reads();
    expect(await readTogether(transaction, ...r.all)).toEqual([1, 2, 3]);
    expect(r.most()).toBe(1);
  });
});
