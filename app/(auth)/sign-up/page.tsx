import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { Card } from "@/components/ui/card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { OAuthButtons } from "../oauth-buttons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUp") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <Card>
      <h1 className="text-xl font-semibold">{t("signUpTitle")}</h1>
      <p className="mt-1 mb-5 text-sm text-slate-600 dark:text-slate-400">{t("signUpLead")}</p>
      <SignUpForm callbackUrl={callbackUrl} />
      <OAuthButtons callbackUrl={callbackUrl} />
    </Card>
  );
}
