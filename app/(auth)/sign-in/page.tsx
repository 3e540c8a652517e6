import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { Card } from "@/components/ui/card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { OAuthButtons } from "../oauth-buttons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <Card>
      <h1 className="mb-5 text-xl font-semibold">{t("signInTitle")}</h1>
      <SignInForm callbackUrl={callbackUrl} />
      <OAuthButtons callbackUrl={callbackUrl} />
    </Card>
  );
}
