"use client";

import Image from "next/image";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useDropzone, type FileRejection } from "react-dropzone";
import type { ReferenceRules, SizeOption } from "@/lib/models";
import type { FitMode } from "@/lib/videos/fit-reference-image";
import { Button } from "@/components/ui/button";
import type { ReferenceImageState } from "./use-reference-image";

/** The rules of a model that takes reference images (the field is not shown for the others). */
export type AcceptedReference = Exclude<ReferenceRules, { kind: "none" }>;

type Props = {
  rules: AcceptedReference;
  size: SizeOption;
  reference: ReferenceImageState;
  serverError?: string;
  /** The second image of a first-and-last-frame model: always optional. */
  lastFrame?: boolean;
};

const ACCEPT: Record<string, string[]> = {
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
  "image/webp": [".webp"],
};

/**
 * A reference image by the model's rules: one image, optional or required; where the model takes
 * a first and a last frame, this field twice (the second with `lastFrame`). Where the provider needs
 * the exact pixels, the image is compared with the video's size and can be fitted on the server.
 */
export function ReferenceImageField({ rules, size, reference, serverError, lastFrame = false }: Props) {
  const t = useTranslations("generate.reference");
  const mb = Math.round(rules.maxBytes / 1024 / 1024);
  const accept = Object.fromEntries(Object.entries(ACCEPT).filter(([mime]) => rules.mimeTypes.includes(mime)));
  const required = rules.minCount > 0;
  const label = lastFrame
    ? t("labelLastFrame")
    : required
      ? t("labelRequired")
      : rules.kind === "first_last_frame"
        ? t("labelFirstFrame")
        : t("label");
  const hintId = lastFrame ? "last-frame-hint" : "reference-hint";

  function onDrop(accepted: File[], rejected: FileRejection[]) {
    const code = rejected[0]?.errors[0]?.code;
    if (code) {
      reference.setError(
        code === "file-too-large" ? t("tooLarge", { mb }) : code === "too-many-files" ? t("oneFile") : t("wrongType"),
      );
      return;
    }
    if (accepted[0]) void reference.pick(accepted[0]);
  }

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    accept,
    maxSize: rules.maxBytes,
    multiple: false,
    onDrop,
    noClick: true,
    noKeyboard: true,
  });
  const error = reference.error ?? serverError;
  const { picked, fitted } = reference;

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={hintId}>
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">{label}</legend>
      <p id={hintId} className="text-xs text-slate-500 dark:text-slate-400">
        {rules.mustMatchSize ? t("hint", { mb }) : t("hintAnySize", { mb })}
        {rules.kind === "first_last_frame" ? ` ${t("firstFrameOnly")}` : null}
      </p>
      {!picked ? (
        <div
          {...getRootProps({
            className:
              "flex flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed px-4 py-6 text-center text-sm transition " +
              (isDragActive
                ? "border-brand-500 bg-brand-50 dark:bg-slate-800"
                : "border-slate-300 dark:border-slate-700"),
          })}
        >
          <input {...getInputProps({ "aria-label": label })} />
          <p className="text-slate-600 dark:text-slate-300">{isDragActive ? t("dropActive") : t("drop")}</p>
          <Button type="button" variant="secondary" onClick={open}>
            {t("choose")}
          </Button>
        </div>
      ) : (
        <div className="flex flex-col gap-3 rounded-xl border border-slate-200 p-3 dark:border-slate-800">
          <div className="flex flex-wrap gap-4">
            <Preview
              src={picked.previewUrl}
              alt={t("preview")}
              width={picked.width}
              height={picked.height}
              caption={t("pixels", { width: picked.width, height: picked.height })}
            />
            {fitted ? (
              <Preview
                src={fitted.previewUrl}
                alt={t("fittedPreview")}
                width={fitted.width}
                height={fitted.height}
                caption={t("fitted", { width: fitted.width, height: fitted.height, mode: t(fitted.mode) })}
              />
            ) : null}
          </div>
          {rules.mustMatchSize ? (
            <>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                {t("required", { width: size.width, height: size.height })}
              </p>
              <p
                role="status"
                data-testid="reference-match"
                className={`text-sm font-medium ${reference.matches ? "text-emerald-700 dark:text-emerald-300" : "text-amber-700 dark:text-amber-300"}`}
              >
                {reference.matches ? t("matches") : t("mismatch")}
              </p>
              {!reference.matches ? <FitChooser reference={reference} /> : null}
            </>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("notRequired")}</p>
          )}
          <div className="flex flex-wrap gap-2">
            {fitted ? (
              <Button type="button" variant="ghost" onClick={reference.undoFit}>
                {t("useOriginal")}
              </Button>
            ) : null}
            <Button type="button" variant="secondary" onClick={reference.clear}>
              {t("remove")}
            </Button>
          </div>
        </div>
      )}
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function FitChooser({ reference }: { reference: ReferenceImageState }) {
  const t = useTranslations("generate.reference");
  const [mode, setMode] = useState<FitMode>("crop");
  return (
    <fieldset className="flex flex-col gap-2 rounded-lg bg-slate-50 p-3 dark:bg-slate-950">
      <legend className="sr-only">{t("fitTitle")}</legend>
      {(["crop", "pad"] as const).map((m) => (
        <label key={m} className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="fitMode"
            value={m}
            checked={mode === m}
            onChange={() => setMode(m)}
            className="mt-1 accent-brand-600"
          />
          <span>
            <span className="font-medium">{t(m)}</span>
            <span className="block text-xs text-slate-500 dark:text-slate-400">
              {t(m === "crop" ? "cropHint" : "padHint")}
            </span>
          </span>
        </label>
      ))}
      <Button type="button" onClick={() => reference.fit(mode)} disabled={reference.fitting} className="self-start">
        {reference.fitting ? t("fitting") : t("fit")}
      </Button>
    </fieldset>
  );
}

function Preview({
  src,
  alt,
  width,
  height,
  caption,
}: {
  src: string;
  alt: string;
  width: number;
  height: number;
  caption: string;
}) {
  return (
    <figure className="flex flex-col gap-1">
      <Image
        src={src}
        alt={alt}
        width={width}
        height={height}
        unoptimized
        className="h-32 w-auto max-w-full rounded-lg border border-slate-200 bg-slate-900 object-contain dark:border-slate-700"
      />
      <figcaption className="text-xs text-slate-600 tabular-nums dark:text-slate-400">{caption}</figcaption>
    </figure>
  );
}
