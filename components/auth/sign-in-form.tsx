"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { signInAction } from "@/lib/actions/sign-in";
import { initialResult } from "@/lib/forms/action-result";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const [state, action] = useActionState(signInAction, initialResult);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.formError ? <Alert>{state.formError}</Alert> : null}
      <TextField
        label={t("auth.email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
      />
      <TextField label={t("auth.password")} name="password" type="password" autoComplete="current-password" required />
      <SubmitButton label={t("auth.signIn")} pendingLabel={t("auth.signingIn")} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("auth.noAccount")}{" "}
        <Link
          className="font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-100"
          href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        >
          {t("auth.createOne")}
        </Link>
      </p>
    </form>
  );
}
