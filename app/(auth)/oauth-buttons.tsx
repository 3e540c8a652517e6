import { getTranslations } from "next-intl/server";
import { oauthProviders, signIn } from "@/lib/auth/config";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { Button } from "@/components/ui/button";

/** GitHub and Google appear only when their AUTH_* variables are set (see .env.example). */
export async function OAuthButtons({ callbackUrl }: { callbackUrl: string }) {
  const t = await getTranslations("auth");
  const enabled = (Object.keys(oauthProviders) as (keyof typeof oauthProviders)[]).filter((p) => oauthProviders[p]);
  if (enabled.length === 0) return null;
  return (
    <div className="mt-6 flex flex-col gap-2">
      <p className="text-center text-xs text-slate-500">{t("orContinueWith")}</p>
      {enabled.map((provider) => (
        <form
          key={provider}
          action={async () => {
            "use server";
            await signIn(provider, { redirectTo: safeCallbackPath(callbackUrl) });
          }}
        >
          <Button type="submit" variant="secondary" className="w-full">
            {t(provider)}
          </Button>
        </form>
      ))}
    </div>
  );
}
