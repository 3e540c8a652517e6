// Fault knobs. One grammar serves the whole instance (SIMULATOR_FAULTS, options,
// POST /__simulator/faults) and single jobs (markers in the prompt), so a tester learns it once:
// `kind[:value][@endpoint][*count]`, e.g. "429@create*2, slow:1500@retrieve" for the instance,
// "[[drop*1]]" or "[[content400:5]]" inside a prompt. docs/simulator.md lists every kind.

export const ENDPOINTS = ["create", "list", "retrieve", "delete", "content", "remix", "cdn", "models"] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

const TERMINAL_KINDS = ["429", "saturated", "quota", "500", "503", "drop"] as const;
const HTTP_KINDS = [...TERMINAL_KINDS, "slow", "truncate", "content400"] as const;
const JOB_KINDS = ["moderation", "fail", "stall", "expires", "result", "statuses"] as const;

/** `result:<shape>`: where profile `relay` puts a completed job's link (`none`: nowhere). */
export const RESULT_SHAPES = ["video_url", "metadata_url", "urls", "none"] as const;
export type ResultShape = (typeof RESULT_SHAPES)[number];
/** `statuses:<style>`: profile `relay` answers upper-case statuses, or `unknown` while running. */
export const STATUS_STYLES = ["upper", "unknown"] as const;
export type StatusStyle = (typeof STATUS_STYLES)[number];
export const FAULT_KINDS = [...HTTP_KINDS, ...JOB_KINDS] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
type TerminalKind = (typeof TERMINAL_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** retry-after seconds (429, saturated, 503), delay ms (slow), seconds (content400, expires), progress (stall). */
  value: number | null;
  /** Failure code (`fail`), result shape (`result`) or status style (`statuses`). */
  code: string | null;
  endpoint: Endpoint | "*";
  /** Firings left; null means every time. */
  remaining: number | null;
}

export type FaultScope = "instance" | "job";

export class FaultSyntaxError extends Error {
  readonly token: string;
  constructor(token: string, reason: string) {
    super(reason);
    this.name = "FaultSyntaxError";
    this.token = token;
  }
}

const TOKEN = /^([a-z0-9_]+)(?::([^@*\s]+))?(?:@([a-z*]+))?(?:\*(\d+))?$/;
const JOB_ENDPOINTS: readonly (Endpoint | "*")[] = ["retrieve", "delete", "content", "remix", "cdn", "*"];

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function parseValue(kind: FaultKind, raw: string | undefined, token: string): Pick<FaultRule, "value" | "code"> {
  const number = (opts: { required: boolean; integer: boolean; min: number; max?: number }) => {
    if (raw === undefined) {
      if (opts.required) throw new FaultSyntaxError(token, `'${kind}' needs a value, e.g. '${kind}:5'`);
      return null;
    }
    const n = Number(raw);
    const bad =
      !Number.isFinite(n) ||
      (opts.integer && !Number.isInteger(n)) ||
      n < opts.min ||
      (opts.max !== undefined && n > opts.max);
    if (bad) {
      const range = opts.max === undefined ? `>= ${opts.min}` : `${opts.min}..${opts.max}`;
      throw new FaultSyntaxError(
        token,
        `'${kind}' takes ${opts.integer ? "an integer" : "a number"} ${range}, got '${raw}'`,
      );
    }
    return n;
  };
  switch (kind) {
    case "429":
    case "saturated":
    case "503":
      return { value: number({ required: false, integer: true, min: 0, max: 3600 }), code: null };
    case "slow":
      return { value: number({ required: true, integer: true, min: 0, max: 600_000 }), code: null };
    case "content400":
      return { value: number({ required: true, integer: false, min: 0 }), code: null };
    case "expires":
      return { value: number({ required: true, integer: true, min: 0 }), code: null };
    case "stall":
      return { value: number({ required: false, integer: true, min: 0, max: 99 }), code: null };
    case "fail":
      if (raw !== undefined && !/^[a-z][a-z0-9_]*$/.test(raw)) {
        throw new FaultSyntaxError(token, `'fail' takes an error code like 'internal_error', got '${raw}'`);
      }
      return { value: null, code: raw ?? "internal_error" };
    case "result":
    case "statuses": {
      const allowed: readonly string[] = kind === "result" ? RESULT_SHAPES : STATUS_STYLES;
      if (raw === undefined || !allowed.includes(raw)) {
        throw new FaultSyntaxError(token, `'${kind}' takes one of ${allowed.join(", ")}, got '${raw ?? ""}'`);
      }
      return { value: null, code: raw };
    }
    case "quota":
    case "500":
    case "drop":
    case "truncate":
    case "moderation":
      if (raw !== undefined) throw new FaultSyntaxError(token, `'${kind}' takes no value`);
      return { value: null, code: null };
  }
}

function parseEndpoint(kind: FaultKind, raw: string | undefined, scope: FaultScope, token: string): Endpoint | "*" {
  if (isOneOf(JOB_KINDS, kind)) {
    if (raw === undefined || (scope === "instance" && raw === "create")) return "create";
    throw new FaultSyntaxError(
      token,
      `'${kind}' applies to the job being created and takes no '@endpoint'${scope === "instance" ? " other than '@create'" : ""}`,
    );
  }
  // A cut body matters for downloads; cutting the JSON of every poll would only break polling.
  const endpoint = raw ?? (kind === "truncate" ? "content" : "*");
  if (endpoint !== "*" && !isOneOf(ENDPOINTS, endpoint)) {
    throw new FaultSyntaxError(token, `unknown endpoint '${endpoint}' (use one of ${ENDPOINTS.join(", ")})`);
  }
  if (kind === "content400" && endpoint !== "*" && endpoint !== "content" && endpoint !== "cdn") {
    throw new FaultSyntaxError(token, "'content400' applies only to '@content' or '@cdn'");
  }
  if (scope === "job" && !JOB_ENDPOINTS.includes(endpoint)) {
    throw new FaultSyntaxError(
      token,
      `a prompt marker only reaches requests about its own job (${JOB_ENDPOINTS.join(", ")})`,
    );
  }
  return endpoint;
}

export function parseFaultRule(token: string, scope: FaultScope): FaultRule {
  const match = TOKEN.exec(token.trim().toLowerCase());
  if (!match) throw new FaultSyntaxError(token, "expected kind[:value][@endpoint][*count]");
  const [, kindRaw = "", valueRaw, endpointRaw, countRaw] = match;
  if (!isOneOf(FAULT_KINDS, kindRaw)) {
    throw new FaultSyntaxError(token, `unknown kind '${kindRaw}' (use one of ${FAULT_KINDS.join(", ")})`);
  }
  const remaining = countRaw === undefined ? null : Number(countRaw);
  if (remaining === 0) throw new FaultSyntaxError(token, "a count must be at least 1");
  return {
    kind: kindRaw,
    ...parseValue(kindRaw, valueRaw, token),
    endpoint: parseEndpoint(kindRaw, endpointRaw, scope, token),
    remaining,
  };
}

export function parseFaultRules(spec: string, scope: FaultScope): FaultRule[] {
  return spec
    .split(/[,;\s]+/)
    .filter((t) => t.length > 0)
    .map((t) => parseFaultRule(t, scope));
}

export function formatFaultRule(rule: FaultRule): string {
  const value = rule.code ?? (rule.value === null ? null : String(rule.value));
  const implicitEndpoint =
    rule.endpoint === "*" ||
    (isOneOf(JOB_KINDS, rule.kind) && rule.endpoint === "create") ||
    (rule.kind === "truncate" && rule.endpoint === "content");
  return `${rule.kind}${value === null ? "" : `:${value}`}${implicitEndpoint ? "" : `@${rule.endpoint}`}${rule.remaining === null ? "" : `*${rule.remaining}`}`;
}

/** Takes one firing from a rule and removes it from its list once spent. */
function consume(list: FaultRule[], rule: FaultRule): void {
  if (rule.remaining === null) return;
  rule.remaining -= 1;
  if (rule.remaining <= 0) list.splice(list.indexOf(rule), 1);
}

export interface HttpFaultPlan {
  delayMs: number;
  terminal: { kind: TerminalKind; value: number | null } | null;
  truncate: boolean;
  /** Which of the given rule lists lost a firing (the job's list must then be saved). */
  consumed: boolean[];
}

/**
 * Decides the HTTP-level faults for one request from several rule lists (instance first, then the
 * job's), consuming counts as rules fire. Delays add up; only the first terminal fault fires, and
 * a truncation fires only when no terminal fault pre-empts the real answer.
 */
export function planHttpFaults(lists: FaultRule[][], endpoint: Endpoint): HttpFaultPlan {
  const plan: HttpFaultPlan = { delayMs: 0, terminal: null, truncate: false, consumed: lists.map(() => false) };
  const fire = (index: number, rule: FaultRule) => {
    consume(lists[index] ?? [], rule);
    plan.consumed[index] = true;
  };
  const matching = (index: number) =>
    [...(lists[index] ?? [])].filter((r) => r.endpoint === "*" || r.endpoint === endpoint);
  lists.forEach((_, index) => {
    for (const rule of matching(index)) {
      if (rule.kind === "slow") {
        plan.delayMs += rule.value ?? 0;
        fire(index, rule);
      } else if (isOneOf(TERMINAL_KINDS, rule.kind) && plan.terminal === null) {
        plan.terminal = { kind: rule.kind, value: rule.value };
        fire(index, rule);
      }
    }
  });
  if (plan.terminal !== null) return plan;
  for (const index of lists.keys()) {
    const truncate = matching(index).find((rule) => rule.kind === "truncate");
    if (truncate) {
      plan.truncate = true;
      fire(index, truncate);
      break;
    }
  }
  return plan;
}

/** The first `content400` rule for this endpoint, if any (consumed only when it answers 400). */
export function findContentDelay(list: FaultRule[], endpoint: Endpoint): { seconds: number; fire: () => void } | null {
  const rule = list.find((r) => r.kind === "content400" && (r.endpoint === "*" || r.endpoint === endpoint));
  if (!rule) return null;
  return { seconds: rule.value ?? 0, fire: () => consume(list, rule) };
}

export type JobOutcomeFault = { kind: "fail"; code: string } | { kind: "stall"; progress: number };

export interface JobFaults {
  outcome: JobOutcomeFault | null;
  expirySeconds: number | null;
  result: ResultShape | null;
  statuses: StatusStyle | null;
}

/** Job-shaping rules (moderation, fail, stall, expires, result, statuses); markers win over instance rules. */
export function takeJobFaults(markerRules: FaultRule[], instanceRules: FaultRule[]): JobFaults {
  const result: JobFaults = { outcome: null, expirySeconds: null, result: null, statuses: null };
  for (const list of [markerRules, instanceRules]) {
    for (const rule of [...list]) {
      if (!isOneOf(JOB_KINDS, rule.kind)) continue;
      if (rule.kind === "result") {
        if (result.result !== null) continue;
        result.result = rule.code as ResultShape;
      } else if (rule.kind === "statuses") {
        if (result.statuses !== null) continue;
        result.statuses = rule.code as StatusStyle;
      } else if (rule.kind === "expires") {
        if (result.expirySeconds !== null) continue;
        result.expirySeconds = rule.value ?? 0;
      } else {
        if (result.outcome !== null) continue;
        result.outcome =
          rule.kind === "stall"
            ? { kind: "stall", progress: rule.value ?? 50 }
            : {
                kind: "fail",
                code: rule.kind === "moderation" ? "moderation_blocked" : (rule.code ?? "internal_error"),
              };
      }
      if (list === instanceRules) consume(list, rule);
    }
  }
  return result;
}

export function isHttpFault(rule: FaultRule): boolean {
  return isOneOf(HTTP_KINDS, rule.kind);
}
