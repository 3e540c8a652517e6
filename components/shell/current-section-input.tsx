"use client";

import { usePathname } from "next/navigation";
import { STUDIO_SECTIONS } from "@/lib/teams/sections";

/** Keeps the person on the same section (Gallery, Team…) when they switch teams. */
export function CurrentSectionInput() {
  const segment = usePathname().split("/")[3];
  const section = STUDIO_SECTIONS.find((s) => s === segment) ?? "generate";
  return <input type="hidden" name="section" value={section} />;
}
