// The studio's sections, in navigation order; each lives at /t/<teamId>/<section>.
export const STUDIO_SECTIONS = ["generate", "gallery", "team", "spend", "settings"] as const;
export type StudioSection = (typeof STUDIO_SECTIONS)[number];
