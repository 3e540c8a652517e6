import { apiRoute } from "@/lib/http/v1/api-route";
import { removeVideo, retrieveVideo } from "@/lib/http/v1/videos-api";

type Params = { videoId: string };

// GET and DELETE /v1/videos/{id} (docs/api.md).
export const GET = apiRoute<Params>((ctx, _request, { videoId }) => retrieveVideo(ctx, videoId));
export const DELETE = apiRoute<Params>((ctx, _request, { videoId }) => removeVideo(ctx, videoId));
