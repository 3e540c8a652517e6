// Where to go after signing in: only a path on this site, never another origin ("//evil", "https:").
export function safeCallbackPath(value: FormDataEntryValue | string | null | undefined): string {
  if (typeof value !== "string") return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value.slice(0, 500);
}
