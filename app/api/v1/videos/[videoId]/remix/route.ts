import { apiRoute } from "@/lib/http/v1/api-route";
import { remix } from "@/lib/http/v1/videos-api";

// POST /v1/videos/{id}/remix (docs/api.md).
export const POST = apiRoute<{ videoId: string }>((ctx, request, { videoId }) => remix(ctx, request, videoId));
