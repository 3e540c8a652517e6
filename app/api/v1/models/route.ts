import { apiRoute } from "@/lib/http/v1/api-route";
import { listModels } from "@/lib/http/v1/videos-api";

// GET /v1/models: the team's models with their prices (docs/api.md).
export const GET = apiRoute((ctx) => listModels(ctx));
