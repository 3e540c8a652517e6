// A countdown as the two largest units that matter ("23 h 59 min", "4 min 10 s"), so a card's
// text stays short while still moving every second when little time is left.

export type DurationParts =
  | { unit: "days"; d: number; h: number }
  | { unit: "hours"; h: number; m: number }
  | { unit: "minutes"; m: number; s: number }
  | { unit: "seconds"; s: number };

export function durationParts(ms: number): DurationParts {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return { unit: "days", d, h };
  if (h > 0) return { unit: "hours", h, m };
  if (m > 0) return { unit: "minutes", m, s };
  return { unit: "seconds", s };
}
