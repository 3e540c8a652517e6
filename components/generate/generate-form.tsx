"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { unstable_isUnrecognizedActionError, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { describePrice, estimateCents, findSize, validChoices, type ModelSpec } from "@/lib/models";
import { submitVideoAction } from "@/lib/actions/videos";
import type { SubmittedVideo } from "@/lib/actions/video-submission";
import { initialResult, type ActionResult } from "@/lib/forms/action-result";
import { overrideOf, type ConnectionOffer, type VideoFormValues } from "@/lib/videos/form-rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { VideoDto } from "@/lib/videos/video-dto";
import { Card } from "@/components/ui/card";
import { billingLine, priceLines, type PricingT } from "@/components/pricing/price-text";
import { formatUsdMilliCents } from "@/lib/money/format";
import { PromptField } from "./prompt-field";
import { ModelSettings } from "./model-settings";
import { CostPreview, type BudgetSummary, type PriceBasis } from "./cost-preview";
import { ReferenceImageField } from "./reference-image-field";
import { RecentVideos } from "./recent-videos";
import { VariationsField } from "./variations-field";
import { useReferenceImage } from "./use-reference-image";
import { newIdempotencyKey } from "./new-idempotency-key";

type Props = {
  teamId: string;
  offers: ConnectionOffer[];
  initial: VideoFormValues;
  budget: BudgetSummary;
  initialIdempotencyKey: string;
  /** The person's newest videos, listed live beside the form. */
  recent: VideoDto[];
  /** "Use these settings again" came from this task: recorded on what is submitted (decision 080). */
  sourceTaskId?: string;
};

type Selection = { connectionId: string; modelId: string; size: string; seconds: number };

/** The selection made valid: a connection of the team, one of its models, a size and duration it prices. */
function settle(offers: readonly ConnectionOffer[], wanted: Selection) {
  const usable = offers.filter((o) => o.models.length > 0);
  const offer = usable.find((o) => o.id === wanted.connectionId) ?? usable[0]!;
  const model = offer.models.find((m) => m.id === wanted.modelId) ?? offer.models[0]!;
  const override = overrideOf(offer, model.id);
  const choices = validChoices(model, { size: wanted.size, seconds: wanted.seconds }, override);
  return { offer, model, override, choices };
}

export function GenerateForm(props: Props) {
  const t = useTranslations("generate");
  if (props.offers.every((o) => o.models.length === 0)) return <Alert tone="info">{t("noConnections")}</Alert>;
  return <GenerateFormBody {...props} />;
}

function GenerateFormBody({ teamId, offers, initial, budget, initialIdempotencyKey, recent, sourceTaskId }: Props) {
  const t = useTranslations("generate");
  const tv = useTranslations("variations");
  const [variations, setVariations] = useState(1);
  const tp = useTranslations("pricing") as unknown as PricingT;
  const router = useRouter();
  const [selection, setSelection] = useState<Selection>(() => {
    const { offer, model, choices } = settle(offers, { ...initial, modelId: initial.model });
    return { connectionId: offer.id, modelId: model.id, size: choices.size, seconds: choices.seconds };
  });
  const [prompt, setPrompt] = useState(initial.prompt);
  // One key per form: a double click or a resubmitted form makes one job. A new key only once
  // a submit has produced a task, so the next submit is a new video.
  const [idempotencyKey, setIdempotencyKey] = useState(initialIdempotencyKey);

  const { offer, model, override, choices } = settle(offers, selection);
  const sizeSpec = findSize(model, choices.size) ?? choices.sizes[0];
  const rules = model.reference;
  const frameSize = sizeSpec ?? { size: "", width: 0, height: 0 };
  const maxImageBytes = rules.kind === "none" ? 0 : rules.maxBytes;
  const reference = useReferenceImage(teamId, frameSize, maxImageBytes);
  const lastFrame = useReferenceImage(teamId, frameSize, maxImageBytes);
  const takesLastFrame = rules.kind === "first_last_frame" && rules.maxCount > 1;

  function choose(next: Partial<Selection>) {
    const settled = settle(offers, { ...selection, ...next });
    setSelection({
      connectionId: settled.offer.id,
      modelId: settled.model.id,
      size: settled.choices.size,
      seconds: settled.choices.seconds,
    });
  }

  const [state, action, pending] = useActionState(
    async (prev: ActionResult<SubmittedVideo>, formData: FormData): Promise<ActionResult<SubmittedVideo>> => {
      formData.delete("reference");
      formData.delete("lastFrame");
      // Only a model that takes reference images gets them: the first frame, and the last where it takes one.
      const image = rules.kind === "none" ? undefined : reference.effective?.file;
      if (image) formData.set("reference", image);
      const last = takesLastFrame ? lastFrame.effective?.file : undefined;
      if (last) formData.set("lastFrame", last);
      if (image && rules.kind !== "none" && image.size > rules.maxBytes)
        return {
          ok: false,
          fieldErrors: {
            reference: t("errors.referenceTooLarge", { maxMb: Math.round(rules.maxBytes / 1024 / 1024) }),
          },
          formError: t("errors.fixFields"),
        };
      let result: ActionResult<SubmittedVideo>;
      try {
        result = await submitVideoAction(prev, formData);
      } catch (error) {
        // A page from an older build: Next's own "reload" error. Anything else (a body the server
        // refused, a dropped connection) is said in words and the page stays as it was.
        if (unstable_isUnrecognizedActionError(error)) throw error;
        return { ok: false, formError: t("errors.notSent") };
      }
      if (result.data?.taskId) {
        setIdempotencyKey(newIdempotencyKey());
        router.refresh(); // the month's spend and reservations changed
      }
      return result;
    },
    initialResult,
  );

  // Submitted by hand rather than through <form action>: React resets a form after its action
  // runs, which would snap the selects back to their first options while the state (and the cost
  // preview) kept the person's choice. The person keeps their settings to tweak and go again.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  const estimate = estimateCents(model, { size: choices.size, seconds: choices.seconds }, override);
  const costCents = estimate.offered ? estimate.cents : null;
  const submittedCount = state.data?.videos?.length ?? 0;
  const basis = estimate.offered ? priceBasis(tp, model, override, choices.size, choices.seconds) : null;
  const promptTooLong = prompt.trim().length > model.promptMaxChars;
  const mustMatch = rules.kind !== "none" && rules.mustMatchSize;
  const lastMismatch = takesLastFrame && mustMatch && lastFrame.effective && !lastFrame.matches;
  const needsImage = rules.kind !== "none" && rules.minCount > 0 && !reference.effective;
  const blocked = !estimate.offered
    ? t("blockedNotPriced")
    : (mustMatch && !reference.matches) || lastMismatch
      ? t("blockedMismatch")
      : needsImage
        ? t("blockedReferenceRequired")
        : promptTooLong
          ? t("blockedPrompt")
          : null;
  const errors = state.fieldErrors ?? {};

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {sourceTaskId ? <input type="hidden" name="sourceTaskId" value={sourceTaskId} /> : null}
        <Card className="flex min-w-0 flex-col gap-5 lg:self-start">
          <PromptField value={prompt} onChange={setPrompt} max={model.promptMaxChars} error={errors.prompt} />
          <ModelSettings
            offers={offers}
            connectionId={offer.id}
            modelId={model.id}
            sizes={choices.sizes}
            durations={choices.durations}
            size={choices.size}
            seconds={choices.seconds}
            onConnection={(connectionId) => choose({ connectionId })}
            onModel={(modelId) => choose({ modelId })}
            onSize={(size) => choose({ size })}
            onSeconds={(seconds) => choose({ seconds })}
            errors={errors}
          />
          <p data-testid="model-price" className="-mt-2 text-xs text-slate-500 dark:text-slate-400">
            {model.label} · {priceLines(tp, describePrice(model, override)).join(" · ")}
          </p>
          {rules.kind !== "none" && sizeSpec ? (
            <ReferenceImageField rules={rules} size={sizeSpec} reference={reference} serverError={errors.reference} />
          ) : null}
          {takesLastFrame && rules.kind === "first_last_frame" && sizeSpec ? (
            <ReferenceImageField
              rules={rules}
              size={sizeSpec}
              reference={lastFrame}
              serverError={errors.lastFrame}
              lastFrame
            />
          ) : null}
        </Card>
        <div className="flex min-w-0 flex-col gap-4 lg:self-start">
          <Card className="flex flex-col gap-4">
            <CostPreview
              model={model.id}
              size={choices.size}
              seconds={choices.seconds}
              costCents={costCents}
              basis={basis}
              budget={budget}
              count={variations}
            />
            <VariationsField value={variations} onChange={setVariations} />
            {blocked ? (
              <p id="submit-blocked" className="text-sm font-medium text-amber-700 dark:text-amber-300">
                {blocked}
              </p>
            ) : null}
            <Button
              type="submit"
              disabled={pending || blocked !== null}
              aria-describedby={blocked ? "submit-blocked" : undefined}
              className="w-full"
            >
              {pending ? t("submitting") : variations > 1 ? tv("submit", { count: variations }) : t("submit")}
            </Button>
            {state.formError && !pending ? <Alert>{state.formError}</Alert> : null}
            {state.ok && !pending ? (
              <Alert tone="success">
                {submittedCount > 1 ? tv("submitted", { count: submittedCount }) : t("submitted")}
              </Alert>
            ) : null}
          </Card>
          <RecentVideos teamId={teamId} initial={recent} submitted={state.data?.videos ?? []} />
        </div>
      </form>
    </>
  );
}

/** Where the estimate comes from, in the price's own unit: rate × seconds, per request, per clip. */
function priceBasis(
  tp: PricingT,
  model: ModelSpec,
  override: ReturnType<typeof overrideOf>,
  size: string,
  seconds: number,
): PriceBasis {
  const say = tp as unknown as (key: string, values?: Record<string, string | number>) => string;
  const description = describePrice(model, override);
  let unit: string;
  switch (description.unit) {
    case "per_second": {
      const tier = findSize(model, size)?.tier ?? "";
      const rate = description.tiers.find((x) => x.tier === tier)?.milliCentsPerSecond ?? 0;
      unit = say("breakdown.per_second", { rate: formatUsdMilliCents(rate), tier, seconds });
      break;
    }
    case "per_request":
      unit = say("breakdown.per_request");
      break;
    case "per_clip": {
      const max = description.tiers.find((x) => seconds <= x.maxSeconds)?.maxSeconds ?? seconds;
      unit = say("breakdown.per_clip", { max });
      break;
    }
  }
  return { unit, billing: billingLine(tp, description), overridden: description.overridden };
}
