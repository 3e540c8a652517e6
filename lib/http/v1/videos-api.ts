import "server-only";
import { db } from "@/lib/db";
import { allDurations, findPreset, sizesOf, effectivePrice } from "@/lib/models";
import { createVideoJob } from "@/lib/videos/create-video-job";
import { deleteVideo } from "@/lib/videos/delete-video";
import { remixVideo } from "@/lib/videos/remix-video";
import { teamOffers } from "@/lib/videos/offers";
import { readReference, validateSubmission } from "@/lib/videos/submission-checks";
import { apiVideoPage } from "@/lib/videos/api-video-pages";
import { authorizeVideo } from "@/lib/videos/video-access";
import { openVideoMedia } from "@/lib/videos/video-media";
import { videoStatuses } from "@/lib/videos/video-status";
import type { VideoDto } from "@/lib/videos/video-dto";
import type { ConnectionOffer } from "@/lib/videos/form-rules";
import { apiErrors } from "./api-error";
import type { ApiContext } from "./api-route";
import { idempotencyKeyOf, readCreateFields } from "./create-request";
import { englishGenerate } from "./english";
import { toOpenAIVideo, type OpenAIVideo } from "./video-object";

// The operations of /api/v1/videos and /api/v1/models. Each calls the lib function the studio's
// own pages and actions call, with the token's creator as the actor: the same permission checks,
// the same registry rules, the same budgets, the same submit path (createVideoJob).

/** The token creator's membership as authenticateApiToken read it for this request. */
const actorOf = (ctx: ApiContext) => ctx.actor;
const tokenOf = (ctx: ApiContext) => ({ id: ctx.tokenId, monthlyCapCents: ctx.monthlyCapCents });

const asVideos = (videos: VideoDto[]): OpenAIVideo[] => videos.map(toOpenAIVideo);

/** Which connection a create uses: the one named (id or name), else the first offering the model. */
function pickConnection(offers: ConnectionOffer[], connection: string | null, model: string): string {
  if (connection) {
    const wanted = connection.trim().toLowerCase();
    const offer = offers.find((o) => o.id === connection) ?? offers.find((o) => o.name.trim().toLowerCase() === wanted);
    if (!offer) throw apiErrors.invalid("connection", "This team has no active connection with that id or name.");
    return offer.id;
  }
  const offer = offers.find((o) => o.models.some((m) => m.id === model));
  if (!offer)
    throw apiErrors.invalid("model", `This team offers no model '${model}'. GET /v1/models lists the ones it offers.`);
  return offer.id;
}

const FIELD_PARAM: Record<string, string> = { reference: "input_reference", lastFrame: "input_reference" };

/** POST /videos: the Generate form's checks and submit, with the token's cap on top. */
export async function createVideo(ctx: ApiContext, request: Request) {
  await authorizeVideo(actorOf(ctx), "videos.create");
  const { key, given } = idempotencyKeyOf(request, ctx.tokenId);
  const fields = await readCreateFields(request);
  const offers = await teamOffers(db, ctx.teamId);
  const model = fields.model?.trim() || "sora-2";
  const connectionId = pickConnection(offers, fields.connection, model);
  const spec = offers.find((o) => o.id === connectionId)?.models.find((m) => m.id === model);
  if (!spec) throw apiErrors.invalid("model", `The connection does not offer the model '${model}'.`);
  const seconds = fields.seconds === null ? spec.defaultSeconds : Number(fields.seconds.trim());
  if (!Number.isInteger(seconds))
    throw apiErrors.invalid("seconds", `Invalid value for 'seconds': '${fields.seconds}' is not a whole number.`);
  const t = englishGenerate();
  const checked = validateSubmission(
    offers,
    { connectionId, model, size: fields.size?.trim() || spec.defaultSize, seconds, prompt: fields.prompt ?? "" },
    t,
  );
  if (!checked.ok) {
    const [field, message] = Object.entries(checked.result.fieldErrors)[0]!;
    throw apiErrors.invalid(FIELD_PARAM[field] ?? field, message);
  }
  const reference = await readReference(offers, checked.values, fields.inputReference, t);
  if (!reference.ok) throw apiErrors.invalid("input_reference", reference.error);
  const { task, created } = await createVideoJob({
    teamId: ctx.teamId,
    userId: ctx.userId,
    idempotencyKey: key,
    ...checked.values,
    ...(reference.image ? { referenceImage: reference.image } : {}),
    apiToken: tokenOf(ctx),
  });
  const [video] = asVideos([task]);
  return Response.json(video, {
    headers: { "Cache-Control": "no-store", ...(given && !created ? { "Idempotent-Replayed": "true" } : {}) },
  });
}

/** GET /videos/{id}: polls the provider when the engine says it is due, like the studio's status route. */
export async function retrieveVideo(ctx: ApiContext, videoId: string) {
  const { items } = await videoStatuses(actorOf(ctx), [videoId]);
  const [video] = asVideos(items);
  if (!video) throw apiErrors.notFound();
  return video;
}

/** GET /videos?limit&after&order: OpenAI's list page; the SDK's auto-paging follows last_id. */
export async function listVideos(ctx: ApiContext, request: Request) {
  const search = new URL(request.url).searchParams;
  const limitText = search.get("limit");
  const limit = limitText === null ? 20 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw apiErrors.invalid("limit", "'limit' must be a whole number from 1 to 100.");
  const order = search.get("order") ?? "desc";
  if (order !== "asc" && order !== "desc") throw apiErrors.invalid("order", "'order' must be 'asc' or 'desc'.");
  const after = search.get("after") || undefined;
  // A list reads what the studio knows (the sweep keeps it fresh); only retrieve asks the provider.
  const page = await apiVideoPage(actorOf(ctx), { limit, order, ...(after ? { after } : {}) });
  if (!page) throw apiErrors.invalid("after", "'after' is not the id of a video of this team.");
  const data = asVideos(page.items);
  return {
    object: "list",
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: page.hasMore,
  };
}

const VARIANTS = ["video", "thumbnail", "spritesheet"] as const;

/** GET /videos/{id}/content?variant=: the studio's own copy, with Range and ETag like the studio's media route. */
export async function videoContent(ctx: ApiContext, request: Request, videoId: string) {
  const variant = new URL(request.url).searchParams.get("variant") ?? "video";
  if (!(VARIANTS as readonly string[]).includes(variant))
    throw apiErrors.invalid("variant", "'variant' must be one of 'video', 'thumbnail', 'spritesheet'.");
  const media = await openVideoMedia(actorOf(ctx), videoId, variant as (typeof VARIANTS)[number], {
    range: request.headers.get("range"),
    ifRange: request.headers.get("if-range"),
    ifNoneMatch: request.headers.get("if-none-match"),
    ifModifiedSince: request.headers.get("if-modified-since"),
    download: false,
  });
  if (!media.found) {
    if (media.reason === "no_task") throw apiErrors.notFound();
    throw apiErrors.invalid(
      null,
      "This video's content is not in the studio's storage: wait until its status is 'completed'.",
      "video_not_ready",
    );
  }
  return new Response(media.body, { status: media.status, headers: media.headers });
}

/** DELETE /videos/{id}: the studio's rule (own videos; admins and the owner anyone's). */
export async function removeVideo(ctx: ApiContext, videoId: string) {
  if (!(await deleteVideo(actorOf(ctx), videoId))) throw apiErrors.notFound();
  return { id: videoId, object: "video.deleted", deleted: true };
}

/** POST /videos/{id}/remix: a new video on the source's connection, budgeted like any other. */
export async function remix(ctx: ApiContext, request: Request, videoId: string) {
  await authorizeVideo(actorOf(ctx), "videos.create");
  const { key, given } = idempotencyKeyOf(request, ctx.tokenId);
  const { prompt } = await readCreateFields(request);
  if (!prompt?.trim()) throw apiErrors.invalid("prompt", englishGenerate()("errors.promptRequired"));
  const result = await remixVideo(
    actorOf(ctx),
    { taskId: videoId, prompt: prompt.trim(), idempotencyKey: key },
    tokenOf(ctx),
  );
  if (!result) throw apiErrors.notFound();
  const [video] = asVideos([result.task]);
  return Response.json(video, {
    headers: { "Cache-Control": "no-store", ...(given && !result.created ? { "Idempotent-Replayed": "true" } : {}) },
  });
}

/** GET /models: every model of the team's active connections, with its price in its own unit. */
export async function listModels(ctx: ApiContext) {
  await authorizeVideo(actorOf(ctx), "videos.read");
  const offers = await teamOffers(db, ctx.teamId);
  return {
    object: "list",
    data: offers.flatMap((offer) =>
      offer.models.map((model) => ({
        id: model.id,
        object: "model",
        created: 0,
        owned_by: findPreset(offer.preset)?.label.en ?? offer.preset,
        studio: {
          connection: { id: offer.id, name: offer.name },
          label: model.label,
          price: effectivePrice(
            model,
            offer.prices[model.id] ? { modelId: model.id, price: offer.prices[model.id]! } : null,
          ),
          sizes: sizesOf(model).map((s) => s.size),
          seconds: allDurations(model),
          default_size: model.defaultSize,
          default_seconds: model.defaultSeconds,
          input_reference: model.reference.kind,
          remix: model.supportsRemix,
        },
      })),
    ),
  };
}
