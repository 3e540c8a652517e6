// Kept for the many callers that import from here; the types live with the client (lib/db/client.ts).
export type { Reader, Tx } from "@/lib/db/client";
