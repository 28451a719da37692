// Display status through offer publication commands: a PUT under a UUID of our own registers one ACTIVATE or
// END task per offer, and the command's task report tells, offer by offer, when each task is final.
import { randomUUID } from "node:crypto";
import type { ItemResult, StatusChangeOutcome, StatusChangeProgress, StatusTarget } from "../types";
import type { AllegroApi } from "./client";
import { commandReportSchema, taskReportSchema, type CommandTask } from "./schemas";

const ACTIONS: Record<StatusTarget, "ACTIVATE" | "END"> = { online: "ACTIVATE", offline: "END" };

// The report's page: at most 1000 tasks (the default is 100), and its offset stops at 999.
const TASKS_PER_PAGE = 1000;
const MAX_TASK_OFFSET = 999;

const commandPath = (commandId: string) => `/sale/offer-publication-commands/${encodeURIComponent(commandId)}`;

/** Called with one to 1000 ids (the batch maximum in the metadata, which the connector keeps to). */
export async function startCommand(api: AllegroApi, ids: readonly string[], target: StatusTarget): Promise<StatusChangeOutcome> {
  const commandId = randomUUID();
  const body = { publication: { action: ACTIONS[target] }, offerCriteria: [{ type: "CONTAINS_OFFERS", offers: ids.map((id) => ({ id })) }] };
  await api.put(commandPath(commandId), body, commandReportSchema, "the command's registration");
  return { kind: "accepted", ticket: commandId };
}

/** SUCCESS and FAIL are final; NEW (and any status Allegro may add) is still under way. */
function taskResult(task: CommandTask): ItemResult | null {
  const id = task.offer.id;
  if (task.status === "SUCCESS") return { id, ok: true };
  if (task.status !== "FAIL") return null;
  const error = task.errors?.[0];
  return { id, ok: false, code: error?.code ?? "FAIL", message: error?.userMessage || error?.message || task.message || "Allegro gave no reason" };
}

export async function commandProgress(api: AllegroApi, commandId: string): Promise<StatusChangeProgress> {
  const tasks: CommandTask[] = [];
  for (let offset = 0; offset <= MAX_TASK_OFFSET; offset += TASKS_PER_PAGE) {
    const page = await api.get(`${commandPath(commandId)}/tasks`, { limit: TASKS_PER_PAGE, offset }, taskReportSchema, "the command's report");
    tasks.push(...page.tasks);
    if (page.tasks.length < TASKS_PER_PAGE) break;
  }
  const results = tasks.map(taskResult).filter((result) => result !== null);
  // No tasks yet means Allegro has not finished registering the command, never that it is done.
  const done = tasks.length > 0 && results.length === tasks.length;
  return { kind: done ? "done" : "pending", results };
}
