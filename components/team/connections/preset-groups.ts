import { PRESETS, type PresetSpec } from "@/lib/models";

// The kinds of connection, grouped as the "Add connection" form lists them. A preset added to the
// registry later lands in "custom" until it is placed here.

export type PresetGroup = "simulators" | "apiyi" | "laozhang" | "openrouter" | "openai" | "custom";
const ORDER: PresetGroup[] = ["simulators", "apiyi", "laozhang", "openrouter", "openai", "custom"];

function groupOf(preset: PresetSpec): PresetGroup {
  if (preset.simulatorProfile) return "simulators";
  if (preset.id.startsWith("apiyi-")) return "apiyi";
  if (preset.id.startsWith("laozhang-")) return "laozhang";
  if (preset.id === "openrouter") return "openrouter";
  if (preset.id === "openai") return "openai";
  return "custom";
}

export function groupedPresets(): { group: PresetGroup; presets: PresetSpec[] }[] {
  const all = PRESETS as readonly PresetSpec[];
  return ORDER.map((group) => ({ group, presets: all.filter((p) => groupOf(p) === group) })).filter(
    (g) => g.presets.length > 0,
  );
}
