// Allegro's two error envelopes: `{errors: [...]}` on the API, `{error, error_description}` on OAuth.
import type { z } from "zod";
import { describeIssue, jsonReply, type Reply } from "../http";
import type { PlatformAnswers } from "../platform";
import { MEDIA_TYPE } from "./profile";

export type AllegroError = { code: string; message: string; path?: string; details?: string; userMessage?: string };

/** One entry of `errors[]`. The description admits no null here, so an absent `details` or `path` stays undefined
 * and JSON leaves it out. */
export function errorEntry(error: AllegroError) {
  return { code: error.code, message: error.message, details: error.details, path: error.path, userMessage: error.userMessage ?? error.message };
}

export function apiErrors(status: number, errors: AllegroError | AllegroError[], headers: Record<string, string> = {}): Reply {
  return jsonReply(status, { errors: (Array.isArray(errors) ? errors : [errors]).map(errorEntry) }, MEDIA_TYPE, headers);
}

/** One VALIDATION_ERROR per problem, with the parameter's name as its path. */
export function validationErrors(status: 400 | 422, error: z.ZodError): Reply {
  return apiErrors(
    status,
    error.issues.map((issue) => {
      const { path, message } = describeIssue(issue);
      return { code: "VALIDATION_ERROR", message: path ? `${path}: ${message}` : message, path: path || undefined, userMessage: "The request contains incorrect data." };
    }),
  );
}

export function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): Reply {
  return jsonReply(status, { error, error_description: description }, "application/json;charset=UTF-8", headers);
}

/** The API's own 401: the OAuth envelope (the description's AuthError), but in the API's media type. */
export function apiUnauthorized(error: string, description: string, headers: Record<string, string> = {}): Reply {
  return jsonReply(401, { error, error_description: description }, MEDIA_TYPE, headers);
}

export const answers: PlatformAnswers = {
  notFound: (request) => apiErrors(404, { code: "NotFoundException", message: `No resource at ${request.method} ${request.path}` }),
  throttled: (retryAfterSeconds) =>
    apiErrors(429, { code: "TooManyRequestsException", message: "Too many requests", userMessage: "Too many requests. Try again later." }, { "retry-after": String(retryAfterSeconds) }),
  serverError: () => apiErrors(500, { code: "InternalServerErrorException", message: "Internal server error", userMessage: "Something went wrong. Try again later." }),
};
