import { apiRoute } from "@/lib/http/v1/api-route";
import { videoContent } from "@/lib/http/v1/videos-api";

// GET /v1/videos/{id}/content?variant=video|thumbnail|spritesheet: the studio's own copy (docs/api.md).
export const GET = apiRoute<{ videoId: string }>((ctx, request, { videoId }) => videoContent(ctx, request, videoId));
