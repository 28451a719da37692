"use client";

import { useState } from "react";
import { callApi, type ApiError } from "@/lib/client/api";

/** Submits a form's values to a route; keeps the pending flag and the error to show beside the fields. */
export function useSubmit<T>(path: string, method = "POST") {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(body?: unknown): Promise<T | null> {
    setPending(true);
    setError(null);
    const result = await callApi<T>(path, { method, body });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    return result.data;
  }
  return { submit, pending, error, setError };
}
