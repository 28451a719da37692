"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DateTime } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/notice";
import type { JobView } from "@/lib/bulk";
import { callApi, type ApiError } from "@/lib/client/api";
import { formatCount } from "@/lib/format";
import { ApiErrorNotice } from "./api-error";
import { JobStateBadge } from "./job-state-badge";
import { durationWords, throughputWords } from "./job-words";

/** How often a job under way is asked about. */
const POLL_MS = 1_000;
/** The server-rendered item table is rendered again at most this often while items settle (and once at the end). */
const ITEMS_REFRESH_MS = 3_000;

export type JobLinks = {
  /** The job's JSON route; its actions are `${api}/cancel` and so on. */
  api: string;
  csv: string;
  /** A job's page is `${jobsPath}/${id}`. */
  jobsPath: string;
};

const settledOf = (job: JobView) => job.counts.done + job.counts.failed + job.counts.skipped;

/** Polls the job while it is under way; renders the server page again as items settle, so the item table follows. */
function useLiveJob(initial: JobView, api: string): { job: JobView; setJob: (job: JobView) => void; pollError: ApiError | null } {
  const router = useRouter();
  const [job, setJob] = useState(initial);
  const [pollError, setPollError] = useState<ApiError | null>(null);
  const [polls, setPolls] = useState(0);
  const [, startTransition] = useTransition();
  const final = job.finishedAt !== null;

  useEffect(() => {
    if (final) return;
    let live = true;
    const timer = setTimeout(async () => {
      const result = await callApi<{ job: JobView }>(api);
      if (!live) return;
      if (result.ok) setJob(result.data.job);
      setPollError(result.ok ? null : result.error);
      setPolls((n) => n + 1);
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, final, polls]);

  const settled = settledOf(job);
  const shown = useRef({ settled: settledOf(initial), final: initial.finishedAt !== null, at: 0 });
  useEffect(() => {
    // The end always shows: counts can settle a moment before the last items' rows do.
    const unchanged = settled === shown.current.settled && final === shown.current.final;
    if (unchanged || (!final && Date.now() - shown.current.at < ITEMS_REFRESH_MS)) return;
    shown.current = { settled, final, at: Date.now() };
    startTransition(() => router.refresh());
  }, [settled, final, router]);

  return { job, setJob, pollError };
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200" data-testid={testId} data-count={value}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900 tabular-nums">{formatCount(value)}</dd>
    </div>
  );
}

function PauseNotice({ pause }: { pause: NonNullable<JobView["pause"]> }) {
  return (
    <Notice tone="warning" title="The job is paused" testId="job-pause">
      <p>
        {pause.reason}
        {pause.code ? (
          <>
            {" "}
            <code className="font-mono" data-testid="job-pause-code">
              {pause.code}
            </code>
          </>
        ) : null}
      </p>
      <p className="mt-1">
        {pause.resumeAt ? (
          <>
            It resumes by itself at <DateTime iso={pause.resumeAt} />, or now with Resume.
          </>
        ) : (
          "It resumes once the shop is reconnected, or now with Resume."
        )}
      </p>
    </Notice>
  );
}

/** The job's progress, counts, pace and state, live while it runs, with what may be done to it. */
export function JobLive({ initial, links, canManage }: { initial: JobView; links: JobLinks; canManage: boolean }) {
  const router = useRouter();
  const { job, setJob, pollError } = useLiveJob(initial, links.api);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const { counts } = job;
  const percent = Math.round(job.progress * 100);
  const finished = job.finishedAt !== null;

  /** Runs an action; one that starts a new job (retry, undo) opens that job's page. */
  async function act(action: "cancel" | "resume" | "retry" | "undo") {
    setBusy(action);
    setError(null);
    const result = await callApi<{ job?: JobView; id?: string }>(`${links.api}/${action}`, { method: "POST" });
    if (!result.ok) {
      setBusy(null);
      return setError(result.error);
    }
    if (result.data.id) return router.push(`${links.jobsPath}/${result.data.id}`);
    if (result.data.job) setJob(result.data.job);
    setBusy(null);
  }

  return (
    <section className="space-y-4 rounded-lg bg-white p-5 shadow-xs ring-1 ring-slate-200" aria-label="Progress">
      <div className="flex flex-wrap items-center gap-3">
        <JobStateBadge job={job} testId="job-state" />
        <span className="text-sm text-slate-600 tabular-nums" data-testid="job-percent">
          {percent}% of {formatCount(counts.total)}
        </span>
        {job.throughput !== null && !finished ? (
          <span className="text-sm text-slate-600" data-testid="job-throughput">
            {throughputWords(job.throughput)}
          </span>
        ) : null}
        {job.etaSeconds !== null ? (
          <span className="text-sm text-slate-600" data-testid="job-eta">
            {durationWords(job.etaSeconds)} left
          </span>
        ) : null}
      </div>
      <div
        role="progressbar"
        aria-label="Items settled"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-3 overflow-hidden rounded-full bg-slate-100"
        data-testid="job-progress"
        data-job={job.id}
        data-final={finished || undefined}
      >
        <div className="h-full bg-brand-600 transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Count label="Changed" value={counts.done} testId="job-count-done" />
        <Count label="Failed" value={counts.failed} testId="job-count-failed" />
        <Count label="Pending" value={counts.pending + counts.inFlight} testId="job-count-pending" />
        <Count label="Skipped" value={counts.skipped} testId="job-count-skipped" />
      </dl>
      {job.pause ? <PauseNotice pause={job.pause} /> : null}
      {pollError ? <ApiErrorNotice error={pollError} testId="job-poll-error" /> : null}

      <div className="flex flex-wrap items-center gap-2">
        {canManage && job.state === "paused" ? (
          <Button size="sm" pending={busy === "resume"} onClick={() => void act("resume")} data-testid="job-resume">
            Resume
          </Button>
        ) : null}
        {canManage && !finished && job.state !== "cancelled" ? (
          <ConfirmButton
            label="Cancel job"
            title="Cancel this job?"
            body={`The ${formatCount(counts.pending)} products not sent yet stay as they are; products already sent finish.`}
            confirmLabel="Cancel the job"
            pending={busy === "cancel"}
            onConfirm={() => void act("cancel")}
            testId="job-cancel"
          />
        ) : null}
        {canManage && finished && counts.failed > 0 ? (
          <Button size="sm" variant="secondary" pending={busy === "retry"} onClick={() => void act("retry")} data-testid="job-retry">
            Retry {formatCount(counts.failed)} failed
          </Button>
        ) : null}
        {canManage && finished && counts.done > 0 ? (
          <ConfirmButton
            label="Undo"
            title="Undo this job?"
            body={`A new job brings the ${formatCount(counts.done)} changed products back to the status they had before, where the platform allows it.`}
            confirmLabel="Undo the changes"
            variant="secondary"
            pending={busy === "undo"}
            onConfirm={() => void act("undo")}
            testId="job-undo"
          />
        ) : null}
        <a href={links.csv} download className={buttonClass("ghost", "sm")} data-testid="job-csv">
          Export CSV
        </a>
      </div>
      {error ? <ApiErrorNotice error={error} testId="job-action-error" /> : null}
    </section>
  );
}
