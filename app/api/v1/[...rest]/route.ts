import { apiNotFound } from "@/lib/http/v1/api-not-found";

// Any other path under /v1 (edits, extensions, characters…): OpenAI's envelope, not a page.
export const GET = apiNotFound;
export const POST = apiNotFound;
export const DELETE = apiNotFound;
