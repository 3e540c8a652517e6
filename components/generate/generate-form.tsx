"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { unstable_isUnrecognizedActionError, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CHANNELS, findModel, findSize, type ChannelId } from "@/lib/videos/model-registry";
import { estimateCostCents } from "@/lib/videos/estimate-cost";
import { submitVideoAction } from "@/lib/actions/videos";
import type { SubmittedVideo } from "@/lib/actions/video-submission";
import { initialResult, type ActionResult } from "@/lib/forms/action-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PromptField } from "./prompt-field";
import { ModelSettings } from "./model-settings";
import { CostPreview, type BudgetSummary } from "./cost-preview";
import { ReferenceImageField } from "./reference-image-field";
import { LatestVideoPanel } from "./latest-video-panel";
import { useReferenceImage } from "./use-reference-image";
import { newIdempotencyKey } from "./new-idempotency-key";
import { maxMegabytes, type VideoFormValues } from "@/lib/videos/form-rules";

type Props = {
  teamId: string;
  channel: ChannelId;
  initial: VideoFormValues;
  budget: BudgetSummary;
  initialIdempotencyKey: string;
};

export function GenerateForm({ teamId, channel, initial, budget, initialIdempotencyKey }: Props) {
  const t = useTranslations("generate");
  const router = useRouter();
  const models = CHANNELS[channel].models;
  const [modelId, setModelId] = useState(initial.model);
  const [size, setSize] = useState(initial.size);
  const [seconds, setSeconds] = useState(initial.seconds);
  const [prompt, setPrompt] = useState(initial.prompt);
  // One key per form: a double click or a resubmitted form makes one job. A new key only once
  // a submit has produced a task, so the next submit is a new video.
  const [idempotencyKey, setIdempotencyKey] = useState(initialIdempotencyKey);

  const model = findModel(channel, modelId) ?? models[0]!;
  const sizeSpec = findSize(model, size) ?? model.sizes[0]!;
  const reference = useReferenceImage(teamId, sizeSpec, model.reference.maxBytes);

  const [state, action, pending] = useActionState(
    async (prev: ActionResult<SubmittedVideo>, formData: FormData): Promise<ActionResult<SubmittedVideo>> => {
      formData.delete("reference");
      const image = reference.effective?.file;
      if (image) formData.set("reference", image);
      const tooLarge = image && image.size > model.reference.maxBytes;
      if (tooLarge)
        return {
          ok: false,
          fieldErrors: { reference: t("errors.referenceTooLarge", { maxMb: maxMegabytes(model) }) },
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

  function chooseModel(id: string) {
    const next = findModel(channel, id);
    if (!next) return;
    setModelId(next.id);
    if (!findSize(next, size)) setSize(next.defaultSize);
    if (!next.durations.includes(seconds)) setSeconds(next.defaultSeconds);
  }

  // Submitted by hand rather than through <form action>: React resets a form after its action
  // runs, which would snap the selects back to their first options while the state (and the cost
  // preview) kept the person's choice. The person keeps their settings to tweak and go again.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  const costCents = estimateCostCents(channel, model.id, sizeSpec.size, seconds);
  const promptTooLong = prompt.trim().length > model.promptMaxChars;
  const blocked = !reference.matches ? t("blockedMismatch") : promptTooLong ? t("blockedPrompt") : null;
  const errors = state.fieldErrors ?? {};

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <Card className="flex min-w-0 flex-col gap-5">
          <PromptField value={prompt} onChange={setPrompt} max={model.promptMaxChars} error={errors.prompt} />
          <ModelSettings
            models={models}
            model={model}
            size={sizeSpec.size}
            seconds={seconds}
            onModel={chooseModel}
            onSize={setSize}
            onSeconds={setSeconds}
            errors={errors}
          />
          <ReferenceImageField model={model} size={sizeSpec} reference={reference} serverError={errors.reference} />
        </Card>
        <div className="flex flex-col gap-4 lg:sticky lg:top-6 lg:self-start">
          <Card className="flex flex-col gap-4">
            <CostPreview
              model={model.id}
              size={sizeSpec.size}
              seconds={seconds}
              costCents={costCents}
              budget={budget}
            />
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
              {pending ? t("submitting") : t("submit")}
            </Button>
            {state.formError && !pending ? <Alert>{state.formError}</Alert> : null}
            {state.ok && !pending ? <Alert tone="success">{t("submitted")}</Alert> : null}
          </Card>
        </div>
      </form>
      {state.data?.video ? <LatestVideoPanel key={state.data.video.id} initial={state.data.video} /> : null}
    </>
  );
}
