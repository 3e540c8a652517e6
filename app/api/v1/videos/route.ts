import { apiRoute } from "@/lib/http/v1/api-route";
import { createVideo, listVideos } from "@/lib/http/v1/videos-api";

// The studio's OpenAI-compatible API (docs/api.md): POST /v1/videos, GET /v1/videos.
export const POST = apiRoute((ctx, request) => createVideo(ctx, request));
export const GET = apiRoute((ctx, request) => listVideos(ctx, request));
