// Allegro's two error envelopes: `{errors: [...]}` on the API, `{error, error_description}` on OAuth.
import type { z } from "zod";
import { describeIssue, jsonReply, type Reply } from "../http";
import type { PlatformAnswers } from "../platform";
import { MEDIA_TYPE } from "./profile";

export type AllegroError = { code: string; message: string; path?: string; details?: string; userMessage?: string };

export function apiErrors(status: number, errors: AllegroError | AllegroError[], headers: Record<string, string> = {}): Reply {
  const list = (Array.isArray(errors) ? errors : [errors]).map((error) => ({
    code: error.code,
    message: error.message,
    details: error.details ?? null,
    path: error.path ?? null,
    userMessage: error.userMessage ?? error.message,
  }));
  return jsonReply(status, { errors: list }, MEDIA_TYPE, headers);
}

/** One VALIDATION_ERROR per problem, with the parameter's name as its path. */
export function validationErrors(status: 400 | 422, error: z.ZodError): Reply {
  return apiErrors(
    status,
    error.issues.map((issue) => {
      const { path, message } = describeIssue(issue);
      return { code: "VALIDATION_ERROR", message: path ? `${path}: ${message}` : message, path, userMessage: "The request contains incorrect data." };
    }),
  );
}

export function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): Reply {
  return jsonReply(status, { error, error_description: description }, "application/json;charset=UTF-8", headers);
}

export const answers: PlatformAnswers = {
  notFound: (request) => apiErrors(404, { code: "NotFoundException", message: `No resource at ${request.method} ${request.path}` }),
  throttled: (retryAfterSeconds) =>
    apiErrors(429, { code: "TooManyRequestsException", message: "Too many requests", userMessage: "Too many requests. Try again later." }, { "retry-after": String(retryAfterSeconds) }),
  serverError: () => apiErrors(500, { code: "InternalServerErrorException", message: "Internal server error", userMessage: "Something went wrong. Try again later." }),
};
