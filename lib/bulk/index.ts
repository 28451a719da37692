// Bulk display-status jobs: what routes and pages use. The engine itself is started by instrumentation.ts (the
// portal) or scripts/worker.ts; see README.md beside this file.
export { MAX_JOB_ITEMS, jobRequestSchema, selectionSchema, targetSchema, type JobRequest, type ProductFilter, type Selection } from "./selection";
export type { Plan, ProductSample } from "./plan";
export { planJob, createJob, cancelJob, resumeJob, type Actor } from "./jobs";
export { retryJob } from "./retry";
export { undoJob } from "./undo";
export { getJob, listJobs, type JobCounts, type JobListQuery, type JobView } from "./progress";
export { itemsPage, itemsQuery, jobCsv, ITEM_STATES, type ItemRow, type ItemsQuery } from "./items";
