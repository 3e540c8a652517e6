import { route } from "@/lib/http/route-handler";
import { receiveProviderCallback } from "@/lib/videos/provider-callback";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// A provider's signed completion callback for one connection (OpenRouter's callback_url,
// docs/providers.md, decision 063). No session: the signature over the raw body is the proof;
// nothing unsigned, stale, forged or replayed is applied.
export const POST = route<{ dialect: string; connectionId: string }>(async (request, params) => {
  const raw = await request.text();
  const h = request.headers;
  return receiveProviderCallback(
    params.dialect,
    params.connectionId,
    { id: h.get("webhook-id"), timestamp: h.get("webhook-timestamp"), signature: h.get("webhook-signature") },
    raw.slice(0, 1_000_000),
  );
});
