import type { Locale } from "./locales";
import enNotifications from "./messages/en/notifications.json";
import enShell from "./messages/en/shell.json";
import enTeam from "./messages/en/team.json";
import enVideos from "./messages/en/videos.json";
import zhNotifications from "./messages/zh-CN/notifications.json";
import zhShell from "./messages/zh-CN/shell.json";
import zhTeam from "./messages/zh-CN/team.json";
import zhVideos from "./messages/zh-CN/videos.json";

// One catalogue per feature (shell, team, videos) so features can grow their strings without
// touching each other's files; each file owns distinct top-level namespaces.
const en = { ...enShell, ...enTeam, ...enVideos, ...enNotifications };
const zhCN = { ...zhShell, ...zhTeam, ...zhVideos, ...zhNotifications };

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = { en, "zh-CN": zhCN };
