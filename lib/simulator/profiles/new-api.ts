import type { SimulatorHttpError } from "../errors";

// What relays built on new-api (LaoZhang, API易's Veo route, most Chinese relays) share: OpenAI's
// error envelope, except that an account out of credit is a 403 of new-api's own.

export function newApiErrorBody(error: SimulatorHttpError): { status: number; body: unknown } {
  if (error.tag === "quota") {
    return {
      status: 403,
      body: {
        error: {
          message: "用户额度不足 (insufficient user quota)",
          type: "new_api_error",
          param: null,
          code: "insufficient_user_quota",
        },
      },
    };
  }
  return { status: error.status, body: error.toBody() };
}

/** A relay's `seconds`: a string or a JSON number, an integer either way; undefined when absent. */
export function looseSeconds(value: unknown): number | "invalid" | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^\d+$/.test(text.trim())) return "invalid";
  return Number(text.trim());
}
