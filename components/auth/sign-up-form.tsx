"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { signUpAction } from "@/lib/actions/sign-up";
import { initialResult } from "@/lib/forms/action-result";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const [state, action] = useActionState(signUpAction, initialResult);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.formError ? <Alert>{state.formError}</Alert> : null}
      <TextField
        label={t("auth.name")}
        name="name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        error={errors.name}
      />
      <TextField
        label={t("auth.email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={errors.email}
      />
      <TextField
        label={t("auth.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={t("auth.passwordHint", { min: MIN_PASSWORD_LENGTH })}
        error={errors.password}
      />
      <SubmitButton label={t("auth.signUp")} pendingLabel={t("auth.signingUp")} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("auth.haveAccount")}{" "}
        <Link
          className="font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-100"
          href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        >
          {t("auth.signInInstead")}
        </Link>
      </p>
    </form>
  );
}
