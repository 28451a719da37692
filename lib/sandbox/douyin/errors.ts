// Doudian's one envelope, `{code, msg, sub_code, sub_msg, log_id, data}`, with 10000 for success; refusals
// keep HTTP 200 and say what went wrong in `code` (the class) and `sub_code` (the cause). Codes and messages
// follow the platform's published table ("平台基础错误码汇总", op.jinritemai.com/docs/guide-docs/212/1427) as
// SDKs and client code quote it. Bodies are written with lossless-json, so 19-digit ids given as bigint come
// out as bare JSON numbers, exactly as the platform sends them.
import { randomBytes } from "node:crypto";
import { stringify } from "lossless-json";
import { z } from "zod";
import type { Reply } from "../http";
import type { PlatformAnswers } from "../platform";

/** The class of a refusal, with the `msg` the platform sends for it. */
const CODE_MESSAGES = {
  10000: "success",
  20000: "服务不可用",
  30001: "操作权限不足",
  40001: "缺少必选参数（平台校验）",
  40002: "缺少必选参数（业务校验）",
  40003: "非法的参数（平台校验）",
  40004: "非法的参数（业务校验）",
  50001: "平台处理失败",
  50002: "业务处理失败",
  60000: "触发限流，请稍后重试",
  70000: "接口服务已下线",
} as const;

export type DoudianCode = keyof typeof CODE_MESSAGES;

export type Refusal = { code: DoudianCode; subCode: string; subMsg: string };

/** `20260105143000` + 20 hex digits, the shape of the platform's log ids. */
function logId(): string {
  const beijing = new Date(Date.now() + 8 * 3600_000).toISOString().replace(/\D/g, "").slice(0, 14);
  return beijing + randomBytes(10).toString("hex").toUpperCase();
}

function envelope(status: number, body: Record<string, unknown>): Reply {
  return { status, headers: { "content-type": "application/json; charset=utf-8" }, body: stringify({ ...body, log_id: logId() }) ?? "{}" };
}

export function success(data: unknown): Reply {
  return envelope(200, { code: 10000, msg: CODE_MESSAGES[10000], sub_code: "", sub_msg: "", data });
}

export function refuse(refusal: Refusal, httpStatus = 200): Reply {
  return envelope(httpStatus, { code: refusal.code, msg: CODE_MESSAGES[refusal.code], sub_code: refusal.subCode, sub_msg: refusal.subMsg });
}

/** The value at `path` in the parameters as sent, or undefined where any step of it is absent. */
function valueAt(params: unknown, path: readonly PropertyKey[]): unknown {
  let value = params;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

// The issues a parameter that is not there fails with: its type (invalid_union where it may be a number or a digit
// string). A refinement naming an absent parameter is a rule across parameters and keeps its own message.
const TYPE_ISSUES: ReadonlySet<string> = new Set(["invalid_type", "invalid_union"]);

/**
 * A zod problem with the business parameters: a missing one is 40002, a wrong one 40004. Zod 4's issues do not
 * carry the value, so whether the parameter was sent is read from `params` (a JSON null counts as not sent).
 */
function parameterRefusal(error: z.ZodError, params: unknown, subCode = "isv.parameter-invalid"): Reply {
  const issue = error.issues[0]!;
  const name = issue.path.map(String).join(".");
  const sent = valueAt(params, issue.path);
  if (TYPE_ISSUES.has(issue.code) && (sent === undefined || sent === null)) return refuse({ code: 40002, subCode: "isv.missing-parameter", subMsg: `缺少必选参数: ${name}` });
  return refuse({ code: 40004, subCode, subMsg: name ? `${name}: ${issue.message}` : issue.message });
}

/** Parses the business parameters of a call, or answers with the refusal. */
export function readParams<T extends z.ZodType>(schema: T, params: unknown, subCode?: string): { ok: true; value: z.infer<T> } | { ok: false; reply: Reply } {
  const parsed = schema.safeParse(params);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reply: parameterRefusal(parsed.error, params, subCode) };
}

export const answers: PlatformAnswers = {
  notFound: () => refuse({ code: 70000, subCode: "isp.api-service-off", subMsg: "API不存在或API已下线" }),
  // The platform sends no Retry-After; the wait is the client's to choose.
  throttled: () => refuse({ code: 60000, subCode: "isp.traffic-limited", subMsg: "应用调用频率超过限制，请稍后重试" }),
  serverError: () => refuse({ code: 20000, subCode: "dop.service-error", subMsg: "内部错误，请反馈客服或答疑群" }, 500),
};
