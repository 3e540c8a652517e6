import type { ReactNode } from "react";
import { PublicShell } from "@/components/shell/public-shell";

// Public (proxy.ts lets /invite through): the page itself decides what a signed-out visitor sees.
export default function InviteLayout({ children }: { children: ReactNode }) {
  return <PublicShell width="md">{children}</PublicShell>;
}
