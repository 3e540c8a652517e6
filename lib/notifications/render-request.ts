import type { AnyEventType, EventData, WebhookFormat } from "./event-types";
import { messageText, type MessageText } from "./message-text";
import { dingtalkSignedUrl, feishuSign, standardSignature } from "./sign";

// The HTTP request one delivery makes, per format (docs/notifications.md). Pure but for the clock
// the caller passes: the same delivery id and event give the same body on every retry.

export type OutgoingRequest = { url: string; headers: Record<string, string>; body: string };

export type RenderInput = {
  format: WebhookFormat;
  url: string;
  secret: string | null;
  locale: string;
  deliveryId: string;
  type: AnyEventType;
  data: EventData;
  createdAt: Date;
  now: Date;
};

const JSON_TYPE = { "content-type": "application/json; charset=utf-8" };

function markdown(text: MessageText, heading: string): string {
  const lines = text.lines.map((line) => `> ${line}`);
  if (text.link) lines.push(`[${text.link.label}](${text.link.url})`);
  return [`${heading} ${text.title}`, ...lines].join("\n");
}

function plain(text: MessageText): string {
  return [text.title, ...text.lines, ...(text.link ? [`${text.link.label}: ${text.link.url}`] : [])].join("\n");
}

function slackEscape(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function renderRequest(input: RenderInput): OutgoingRequest {
  const seconds = Math.floor(input.now.getTime() / 1000);
  if (input.format === "standard") {
    const body = JSON.stringify({ type: input.type, timestamp: input.createdAt.toISOString(), data: input.data });
    const headers: Record<string, string> = {
      ...JSON_TYPE,
      "webhook-id": input.deliveryId,
      "webhook-timestamp": String(seconds),
    };
    if (input.secret) headers["webhook-signature"] = standardSignature(input.secret, input.deliveryId, seconds, body);
    return { url: input.url, headers, body };
  }
  const text = messageText(input.type, input.data, input.locale);
  switch (input.format) {
    case "wecom":
      return {
        url: input.url,
        headers: JSON_TYPE,
        body: JSON.stringify({ msgtype: "markdown", markdown: { content: markdown(text, "###") } }),
      };
    case "dingtalk":
      return {
        url: input.secret ? dingtalkSignedUrl(input.url, input.secret, input.now.getTime()) : input.url,
        headers: JSON_TYPE,
        body: JSON.stringify({ msgtype: "markdown", markdown: { title: text.title, text: markdown(text, "####") } }),
      };
    case "feishu":
      return {
        url: input.url,
        headers: JSON_TYPE,
        body: JSON.stringify({
          ...(input.secret ? { timestamp: String(seconds), sign: feishuSign(input.secret, seconds) } : {}),
          msg_type: "text",
          content: { text: plain(text) },
        }),
      };
    case "slack": {
      const lines = text.lines.map(slackEscape);
      if (text.link) lines.push(`<${text.link.url}|${slackEscape(text.link.label)}>`);
      return {
        url: input.url,
        headers: JSON_TYPE,
        body: JSON.stringify({
          text: plain(text),
          blocks: [
            { type: "header", text: { type: "plain_text", text: text.title.slice(0, 150) } },
            { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
          ],
        }),
      };
    }
  }
}

/**
 * Chat tools answer 200 with an error code in the body (WeCom/DingTalk `errcode`, Feishu `code`):
 * such an answer is a failed delivery, with the tool's message as the error.
 */
export function chatToolError(format: WebhookFormat, responseText: string): string | null {
  if (format === "standard" || format === "slack") return null;
  try {
    const parsed = JSON.parse(responseText) as { errcode?: number; errmsg?: string; code?: number; msg?: string };
    const code = parsed.errcode ?? parsed.code;
    if (typeof code === "number" && code !== 0) return `${code}: ${parsed.errmsg ?? parsed.msg ?? "error"}`;
  } catch {
    // Not JSON: the status code decides.
  }
  return null;
}
