// What a team can be notified about, and how (docs/notifications.md). Pure: the page, the
// actions and the engine share these lists.
export const EVENT_TYPES = ["video.completed", "video.failed", "video.lost", "budget.80", "budget.100"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/** "Send test" sends this one, whatever the endpoint subscribes to. */
export const TEST_EVENT = "test";
export type AnyEventType = EventType | typeof TEST_EVENT;

export const WEBHOOK_FORMATS = ["standard", "wecom", "feishu", "dingtalk", "slack"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** Formats whose signing secret the person types (the chat tool made it); standard gets a generated one. */
export const FORMATS_WITH_TYPED_SECRET: readonly WebhookFormat[] = ["feishu", "dingtalk"];

export function isEventType(value: unknown): value is EventType {
  return typeof value === "string" && (EVENT_TYPES as readonly string[]).includes(value);
}

export function isWebhookFormat(value: unknown): value is WebhookFormat {
  return typeof value === "string" && (WEBHOOK_FORMATS as readonly string[]).includes(value);
}

/** Its catalogue key under notifications.eventNames (next-intl reads dots as nesting). */
export const eventNameKey = (type: AnyEventType) => type.replace(".", "_") as EventNameKey;
export type EventNameKey = "video_completed" | "video_failed" | "video_lost" | "budget_80" | "budget_100" | "test";

/** Each event is its own checkbox, named "event:<type>" (a form's repeated names keep one value). */
export const eventFieldName = (type: EventType) => `event:${type}`;

/** The stored JSON list of an endpoint's events, read defensively. */
export function parseEventList(stored: string): EventType[] {
  try {
    const list: unknown = JSON.parse(stored);
    return Array.isArray(list) ? list.filter(isEventType) : [];
  } catch {
    return [];
  }
}

export type VideoEventData = {
  video: {
    id: string;
    model: string;
    prompt: string;
    seconds: number;
    size: string;
    status: string;
    costCents: number | null;
    error: { code: string | null; message: string | null } | null;
    createdBy: string;
    url: string | null;
  };
  team: { id: string; name: string };
};

export type BudgetEventData = {
  budget: { percent: 80 | 100; month: string; budgetCents: number; spentCents: number };
  team: { id: string; name: string };
  url: string | null;
};

export type TestEventData = { team: { id: string; name: string }; endpoint: { name: string } };

export type EventData = VideoEventData | BudgetEventData | TestEventData;

/** Retries: 8 attempts in all, 30 s after the first failure and doubling (30 s … 64 min). */
export const MAX_ATTEMPTS = 8;
export const FIRST_RETRY_MS = 30_000;
/** An endpoint is turned off after this many failed attempts in a row (a success resets the count). */
export const DISABLE_AFTER_FAILURES = 10;

export function retryDelayMs(failedAttempts: number, scale = 1): number {
  return FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1) * scale;
}
