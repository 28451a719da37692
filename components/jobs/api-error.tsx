import { Notice } from "@/components/ui/notice";
import type { ApiError } from "@/lib/client/api";

/** A refused request where the user acted: the portal's words, and the platform's own code when it sent one. */
export function ApiErrorNotice({ error, testId }: { error: ApiError; testId: string }) {
  // A marketplace failure's message usually ends with its code already.
  const code = error.platformCode && !error.message.includes(`(${error.platformCode})`) ? error.platformCode : null;
  return (
    <Notice tone="error" testId={testId}>
      {error.message}
      {code ? (
        <>
          {" "}
          Platform code: <code className="font-mono" data-testid={`${testId}-code`}>{code}</code>
        </>
      ) : null}
    </Notice>
  );
}
