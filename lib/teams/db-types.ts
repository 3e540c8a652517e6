import type { Db } from "@/lib/db/client";

/** A Prisma interactive-transaction client; functions that must run inside one take this. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Either the client or a transaction: for reads that may run inside or outside one. */
export type Reader = Tx | Db;
