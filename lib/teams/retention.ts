// How long the studio keeps archived videos: "keep" or a number of days (team setting).
export const RETENTION_CHOICES = ["keep", "7", "30", "90", "365"] as const;
export type RetentionChoice = (typeof RETENTION_CHOICES)[number];

export function retentionChoiceOf(days: number | null): RetentionChoice {
  const value = days === null ? "keep" : String(days);
  return (RETENTION_CHOICES as readonly string[]).includes(value) ? (value as RetentionChoice) : "keep";
}
