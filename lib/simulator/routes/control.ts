import { SimulatorHttpError } from "../errors";
import { FaultSyntaxError, formatFaultRule, parseFaultRules } from "../faults";
import { readBody } from "../read-body";
import { jsonResponse } from "../responses";
import type { RouteContext } from "./route-context";

// /__simulator/*: test and demo controls beside /v1. CHOICE: they need no API key (they are for
// local tooling); SIMULATOR_CONTROL=off turns them off.

function controlError(message: string): SimulatorHttpError {
  return new SimulatorHttpError(400, { message, type: "invalid_request_error", param: null, code: null });
}

function faultsAnswer(ctx: RouteContext): Response {
  return jsonResponse(200, { rules: ctx.core.instanceFaults.map(formatFaultRule) });
}

/** POST /__simulator/faults {"rules": "429@create*2" | ["429@create*2", ...], "mode": "replace" | "append"} */
async function setFaults(ctx: RouteContext): Promise<Response> {
  const { fields } = await readBody(ctx.request);
  const rules = fields.rules;
  const mode = fields.mode ?? "replace";
  if (mode !== "replace" && mode !== "append") throw controlError("'mode' must be 'replace' or 'append'.");
  let spec: string;
  if (typeof rules === "string") spec = rules;
  else if (Array.isArray(rules) && rules.every((r) => typeof r === "string")) spec = rules.join(",");
  else throw controlError("'rules' must be a rule string or an array of rule strings, e.g. \"429@create*2\".");
  try {
    const parsed = parseFaultRules(spec, "instance");
    ctx.core.instanceFaults = mode === "append" ? [...ctx.core.instanceFaults, ...parsed] : parsed;
  } catch (error) {
    if (error instanceof FaultSyntaxError) throw controlError(`Invalid fault rule '${error.token}': ${error.message}`);
    throw error;
  }
  return faultsAnswer(ctx);
}

/** Answers a /__simulator/<action> request, or null when the action does not exist. */
export async function controlRoute(ctx: RouteContext, method: string, action: string): Promise<Response | null> {
  const { core } = ctx;
  const key = `${method} ${action}`;
  switch (key) {
    case "GET health":
      return jsonResponse(200, {
        ok: true,
        profile: core.options.profile,
        timeScale: core.options.timeScale,
        expirySeconds: core.options.expirySeconds,
        jobs: core.allJobs().length,
      });
    case "GET stats":
      return jsonResponse(200, core.stats.snapshot());
    case "POST reset-stats":
      core.stats.reset();
      return jsonResponse(200, core.stats.snapshot());
    case "GET faults":
      return faultsAnswer(ctx);
    case "POST faults":
      return setFaults(ctx);
    case "DELETE faults":
      core.instanceFaults = [];
      return faultsAnswer(ctx);
    default:
      return null;
  }
}
