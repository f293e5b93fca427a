/**
 * The worker thread behind documents.pool.ts: reads one uploaded document per task. Runs with
 * its own heap limit; whatever a file does to it, the server's thread is untouched.
 */
import mammoth from 'mammoth';
import { serveTasks } from './worker-pool.ts';
import { inspectZip, verifyInflation } from './zip-guard.ts';
import { readReportFile, type ReportFile } from '../reportcheck/reportcheck.file.ts';
import type { DocumentTask } from './documents.pool.ts';

serveTasks(async (task: DocumentTask) => {
  if (task.kind === 'report') return readReportFile(task.file as ReportFile);
  const bytes = task.bytes;
  verifyInflation(bytes, inspectZip(bytes));
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
});
