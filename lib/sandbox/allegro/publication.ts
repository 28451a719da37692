// Offer publication commands: PUT registers a batch of ACTIVATE or END tasks under the client's UUID; the
// tasks stay NEW and finish as SUCCESS or FAIL over the next moments, so a client has to poll the report.
// A task's outcome follows from the offer (missing required parameters, no stock, never published), so the
// same offers always fail the same way.
import { z } from "zod";
import { jsonReply, queryInt, type Reply, type SandboxRequest } from "../http";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import { commandKey, type CommandRecord, type CommandTask } from "../state";
import { apiErrors, errorEntry, validationErrors, type AllegroError } from "./errors";
import { missingParametersError } from "./parameters";
import { MEDIA_TYPE, SCOPES } from "./profile";
import { forUser, type AllegroSession } from "./session";

const MAX_OFFERS_PER_COMMAND = 1000;
const SIZE_MESSAGE = `size must be between 0 and ${MAX_OFFERS_PER_COMMAND}`;

const commandIdSchema = z.guid("must be a UUID");

const commandSchema = z.object({
  publication: z.object({
    action: z.enum(["ACTIVATE", "END"]),
    scheduledFor: z.iso.datetime({ offset: true }).optional(),
  }),
  offerCriteria: z
    .array(
      z.object({
        type: z.literal("CONTAINS_OFFERS"),
        offers: z.array(z.object({ id: z.string().min(1) })).max(MAX_OFFERS_PER_COMMAND, SIZE_MESSAGE),
      }),
    )
    .min(1)
    .refine((criteria) => criteria.reduce((sum, criterion) => sum + criterion.offers.length, 0) <= MAX_OFFERS_PER_COMMAND, SIZE_MESSAGE),
});

type Action = z.infer<typeof commandSchema>["publication"]["action"];

const tasksQuerySchema = z.object({ limit: queryInt(1, 1000).default(100), offset: queryInt(0, 999).default(0) });

const commandNotFound = (id: string) => apiErrors(404, { code: "NotFoundException", message: `Command ${id} not found`, userMessage: "The command does not exist." });

/** Why an offer cannot take the action, or null when it can. */
function refusal(context: PlatformContext, session: AllegroSession, offerId: string, action: Action, now: number): AllegroError | null {
  const product = session.catalog.productById.get(offerId);
  if (!product) return { code: "NotFoundException", message: `Offer ${offerId} not found`, userMessage: "The offer does not exist." };
  const status = context.shops.current(session.seller.id, product, now).status;
  if (action === "END") {
    return status === "INACTIVE" ? { code: "OFFER_NOT_PUBLISHED", message: `Offer ${offerId} has never been published, so it cannot be ended` } : null;
  }
  const missing = missingParametersError(session.catalog.attributes.get(product.categoryId) ?? [], product);
  if (missing) return missing;
  return product.stock === 0 ? { code: "NO_STOCK", message: `Offer ${offerId} has no stock available, so it cannot be activated` } : null;
}

/** Decides every task now (outcome and finishing time) and records the status change each success brings. */
function register(context: PlatformContext, session: AllegroSession, commandId: string, body: z.infer<typeof commandSchema>, now: number): CommandRecord {
  const { action, scheduledFor } = body.publication;
  const startAt = Math.max(now, scheduledFor ? Date.parse(scheduledFor) : now);
  const random = context.random("publication", commandId);
  const delay = context.knobs().commandDelayMs;
  const tasks = body.offerCriteria
    .flatMap((criterion) => criterion.offers)
    .map(({ id }): CommandTask => {
      const error = refusal(context, session, id, action, now);
      const finishAt = startAt + Math.round(delay * (0.2 + 0.8 * random.next()));
      return { itemId: id, outcome: error ? "FAIL" : "SUCCESS", scheduledAt: startAt, finishAt, error: error ? { code: error.code, message: error.message } : undefined };
    });
  const target = action === "ACTIVATE" ? "ACTIVE" : "ENDED";
  for (const task of tasks) {
    const product = session.catalog.productById.get(task.itemId);
    if (task.outcome === "FAIL" || !product || context.shops.current(session.seller.id, product, now).status === target) continue;
    context.shops.changeStatus(session.seller.id, product, { to: target, during: action === "ACTIVATE" ? "ACTIVATING" : undefined, at: task.finishAt }, now);
  }
  return { platform: context.id, sellerId: session.seller.id, action, createdAt: now, tasks };
}

function readCommandBody(request: SandboxRequest): { ok: true; value: unknown } | { ok: false; reply: Reply } {
  const contentType = String(request.headers["content-type"] ?? "").split(";")[0]!.trim();
  if (contentType !== MEDIA_TYPE) {
    return { ok: false, reply: apiErrors(415, { code: "UnsupportedMediaTypeException", message: `Content type '${contentType}' not supported; use ${MEDIA_TYPE}` }) };
  }
  try {
    return { ok: true, value: JSON.parse(request.body) };
  } catch {
    return { ok: false, reply: apiErrors(400, { code: "JsonParseException", message: "Syntactically incorrect request: the body is not valid JSON" }) };
  }
}

function taskCount(command: CommandRecord, now: number) {
  const finished = command.tasks.filter((task) => task.finishAt <= now);
  const success = finished.filter((task) => task.outcome === "SUCCESS").length;
  return { total: command.tasks.length, success, failed: finished.length - success };
}

function taskAnswer(task: CommandTask, now: number) {
  const done = task.finishAt <= now;
  const failed = done && task.outcome === "FAIL";
  return {
    offer: { id: task.itemId },
    status: done ? task.outcome : "NEW",
    message: failed ? task.error!.message : "",
    errors: failed ? [errorEntry(task.error!)] : [],
    scheduledAt: new Date(task.scheduledAt).toISOString(),
    // A NEW task has no finishing time; the description admits no null, so the field is left out.
    finishedAt: done ? new Date(task.finishAt).toISOString() : undefined,
  };
}

/** The caller's own command, or null: another seller's command is as good as absent. */
function findCommand(context: PlatformContext, session: AllegroSession, commandId: string): CommandRecord | null {
  const command = context.store.data.commands[commandKey(context.id, commandId)];
  return command && command.sellerId === session.seller.id ? command : null;
}

export function publicationRoutes(context: PlatformContext): Route[] {
  return [
    {
      method: "PUT",
      path: "/sale/offer-publication-commands/:commandId",
      handle: forUser(context, SCOPES.offersWrite, (request, session) => {
        const throttled = context.throttle("publication", session.seller.id);
        if (throttled) return throttled;
        const commandId = request.params.commandId!;
        if (!commandIdSchema.safeParse(commandId).success) {
          return apiErrors(422, { code: "VALIDATION_ERROR", message: "commandId: must be a UUID", path: "commandId" });
        }
        const body = readCommandBody(request);
        if (!body.ok) return body.reply;
        const command = commandSchema.safeParse(body.value);
        if (!command.success) return validationErrors(422, command.error);
        const key = commandKey(context.id, commandId);
        if (context.store.data.commands[key]) {
          return apiErrors(409, { code: "ConflictException", message: `Command ${commandId} was already used`, userMessage: "This command id was already used." });
        }
        const now = Date.now();
        const record = register(context, session, commandId, command.data, now);
        context.store.data.commands[key] = record;
        context.store.changed();
        return jsonReply(201, { id: commandId, taskCount: taskCount(record, now) }, MEDIA_TYPE);
      }),
    },
    {
      method: "GET",
      path: "/sale/offer-publication-commands/:commandId",
      handle: forUser(context, SCOPES.offersWrite, (request, session) => {
        const command = findCommand(context, session, request.params.commandId!);
        if (!command) return commandNotFound(request.params.commandId!);
        return jsonReply(200, { id: request.params.commandId, taskCount: taskCount(command, Date.now()) }, MEDIA_TYPE);
      }),
    },
    {
      method: "GET",
      path: "/sale/offer-publication-commands/:commandId/tasks",
      handle: forUser(context, SCOPES.offersWrite, (request, session) => {
        const query = tasksQuerySchema.safeParse(request.query);
        if (!query.success) return validationErrors(422, query.error);
        const command = findCommand(context, session, request.params.commandId!);
        if (!command) return commandNotFound(request.params.commandId!);
        const now = Date.now();
        const page = command.tasks.slice(query.data.offset, query.data.offset + query.data.limit);
        return jsonReply(200, { tasks: page.map((task) => taskAnswer(task, now)) }, MEDIA_TYPE);
      }),
    },
  ];
}
