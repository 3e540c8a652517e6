import type { Locale } from "./locales";
import enNotifications from "./messages/en/notifications.json";
import enShell from "./messages/en/shell.json";
import enTeam from "./messages/en/team.json";
import enVideos from "./messages/en/videos.json";
import zhNotifications from "./messages/zh-CN/notifications.json";
import zhShell from "./messages/zh-CN/shell.json";
import zhTeam from "./messages/zh-CN/team.json";
import zhVideos from "./messages/zh-CN/videos.json";
import enLibrary from "./messages/en/library.json";
import enLineage from "./messages/en/lineage.json";
import enStuck from "./messages/en/stuck.json";
import enCatalogue from "./messages/en/catalogue.json";
import zhLibrary from "./messages/zh-CN/library.json";
import zhLineage from "./messages/zh-CN/lineage.json";
import zhStuck from "./messages/zh-CN/stuck.json";
import zhCatalogue from "./messages/zh-CN/catalogue.json";

// One catalogue per feature (shell, team, videos, notifications, library = favourites/collections/
// selection, lineage = compare/retry/variations/recent, stuck = stuck jobs, catalogue = live model
// catalogues and OpenRouter) so features can grow their strings without
// touching each other's files; each file owns distinct top-level namespaces.
const en = {
  ...enShell,
  ...enTeam,
  ...enVideos,
  ...enNotifications,
  ...enLibrary,
  ...enLineage,
  ...enStuck,
  ...enCatalogue,
};
const zhCN = {
  ...zhShell,
  ...zhTeam,
  ...zhVideos,
  ...zhNotifications,
  ...zhLibrary,
  ...zhLineage,
  ...zhStuck,
  ...zhCatalogue,
};

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = { en, "zh-CN": zhCN };
