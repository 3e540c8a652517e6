"use client";

import { useCallback, useEffect, useState, useTransition } from "react";
import { unstable_isUnrecognizedActionError } from "next/navigation";
import { useTranslations } from "next-intl";
import { fitReferenceImageAction } from "@/lib/actions/videos";
import type { FitMode } from "@/lib/videos/fit-reference-image";

// The reference image's life on the page: the file the person chose (its pixel size read in the
// browser, for the instant comparison), and — after "Fit to size" — the server's fitted copy for
// one particular video size. Change the size and the fitted copy no longer applies.
// A file over the registry's limit never leaves the browser; an action that fails on the way
// (a body the server refuses, a dropped connection) ends in words, never in a broken page. Only a
// page from an older build is left to Next, which answers it with its own "reload" error.

export type PickedImage = { file: File; previewUrl: string; width: number; height: number };
export type FittedImage = PickedImage & { mode: FitMode; forSize: string };

async function pixelSize(file: File): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(file);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

async function dataUrlToFile(dataUrl: string, name: string, type: string): Promise<File> {
  const blob = await (await fetch(dataUrl)).blob();
  return new File([blob], name, { type });
}

export function useReferenceImage(
  teamId: string,
  size: { size: string; width: number; height: number },
  maxBytes: number,
) {
  const t = useTranslations("generate.reference");
  const [picked, setPicked] = useState<PickedImage | null>(null);
  const [fitted, setFitted] = useState<FittedImage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fitting, startFitting] = useTransition();
  const tooLarge = t("tooLarge", { mb: Math.round(maxBytes / 1048576) });

  // Object URLs hold the file in memory until revoked.
  useEffect(() => {
    const url = picked?.previewUrl;
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [picked]);

  const pick = useCallback(
    async (file: File) => {
      setError(null);
      setFitted(null);
      if (file.size > maxBytes) {
        setPicked(null);
        setError(tooLarge);
        return;
      }
      try {
        const { width, height } = await pixelSize(file);
        setPicked({ file, previewUrl: URL.createObjectURL(file), width, height });
      } catch {
        setPicked(null);
        setError(t("unreadable"));
      }
    },
    [maxBytes, t, tooLarge],
  );

  const clear = useCallback(() => {
    setPicked(null);
    setFitted(null);
    setError(null);
  }, []);

  const fit = useCallback(
    (mode: FitMode) => {
      if (!picked) return;
      if (picked.file.size > maxBytes) {
        setError(tooLarge);
        return;
      }
      startFitting(async () => {
        const form = new FormData();
        form.set("teamId", teamId);
        form.set("size", size.size);
        form.set("mode", mode);
        form.set("image", picked.file);
        try {
          const result = await fitReferenceImageAction(form);
          const fittedImage = result.data;
          if (!result.ok || !fittedImage) {
            setError(result.formError ?? t("fitFailed"));
            return;
          }
          const ext = fittedImage.mimeType.split("/")[1] ?? "png";
          const base = picked.file.name.replace(/\.[^.]+$/, "") || "reference";
          const file = await dataUrlToFile(
            fittedImage.dataUrl,
            `${base}-${size.size}-${mode}.${ext}`,
            fittedImage.mimeType,
          );
          setError(null);
          setFitted({
            file,
            previewUrl: fittedImage.dataUrl,
            width: fittedImage.width,
            height: fittedImage.height,
            mode,
            forSize: size.size,
          });
        } catch (error) {
          if (unstable_isUnrecognizedActionError(error)) throw error;
          setError(t("fitFailed"));
        }
      });
    },
    [picked, size.size, teamId, maxBytes, t, tooLarge],
  );

  const current = fitted && fitted.forSize === size.size ? fitted : null;
  const effective: PickedImage | null = current ?? picked;
  const matches = effective ? effective.width === size.width && effective.height === size.height : true;
  return {
    picked,
    fitted: current,
    effective,
    matches,
    error,
    setError,
    fitting,
    pick,
    clear,
    fit,
    undoFit: () => setFitted(null),
  };
}

export type ReferenceImageState = ReturnType<typeof useReferenceImage>;
