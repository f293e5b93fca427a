// Shapes of the 依申请公开 API as the admin app sees them (the server's applications.schemas.ts
// and case-view.usecases.ts are the source of truth), and the small helpers the screens share.
import type { CaseState } from '../../applications/applications.state.rules.ts';
import type { DeadlineResult } from '../../applications/deadline.rules.ts';
import type { ApprovalRules, PendingApproval } from '../../applications/approval.rules.ts';
import { ApiError } from '../api.ts';

export interface CaseListItem {
  id: number;
  trackingNumber: string;
  organizationId: number;
  unitId: number;
  unitName: string | null;
  channel: string;
  channelLabel: string;
  applicantType: string;
  applicantName: string;
  applicantIdMasked: string;
  description: string;
  submittedDate: string;
  receivedDate: string | null;
  status: string;
  statusLabel: string;
  dueDate: string | null;
  assigneeId: number | null;
  extensionPending: boolean;
  decisionPending: boolean;
  decisionDate: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
}

export interface WorkbenchItem extends CaseListItem {
  /** Working days until the due date: 0 = due today, negative = overdue by that many. */
  workingDaysLeft: number | null;
}

export interface Workbench {
  today: string;
  overdue: WorkbenchItem[];
  dueSoon: WorkbenchItem[];
  awaitingMe: WorkbenchItem[];
}

export interface TimelineEntry {
  seq: number;
  type: string;
  label: string;
  text: string;
  at: string;
  actorName: string | null;
  data: Record<string, unknown>;
}

export interface CaseDetail extends CaseListItem {
  organizationName: string;
  /** Number of events: the case's version, sent back with an action. */
  eventCount: number;
  applicantIdKind: string;
  contactPerson: string;
  phone: string;
  email: string;
  address: string;
  postcode: string;
  documentNo: string;
  purpose: string;
  formWanted: string;
  deliveryWanted: string;
  itemCount: number;
  state: CaseState;
  deadline: DeadlineResult | null;
  timeline: TimelineEntry[];
  allowedActions: string[];
  units: { id: number; name: string }[];
  outcomeBasis: Record<string, string>;
  /** Messages to the applicant about this case (e-mail, SMS), oldest first. */
  messages: CaseMessage[];
  /** The body's separation of duties and the request awaiting an approver, if any. */
  approval: { rules: ApprovalRules; pending: PendingApproval | null; approverRoles: string[] };
  /** Set when the due date was counted on a year without holiday data. */
  calendarHelp: { canEdit: boolean; maintainers: string[] } | null;
}

export interface CaseMessage {
  id: number;
  createdAt: string;
  sentAt: string | null;
  kind: string;
  kindLabel: string;
  channel: string;
  channelLabel: string;
  recipient: string;
  subject: string;
  status: string;
  statusLabel: string;
  attempts: number;
  lastError: string | null;
}

export const caseHref = (id: number) => `#/applications?case=${id}`;

/** Status tones for StatusTag: open cases informative, waiting on the applicant amber, closed neutral. */
export function statusTone(status: string): 'good' | 'warn' | 'neutral' | 'info' | 'accent' {
  if (status === 'awaiting_correction' || status === 'awaiting_fee') return 'warn';
  if (status === 'consulting' || status === 'submitted') return 'accent';
  if (status === 'decided' || status === 'delivered') return 'good';
  if (status === 'archived') return 'neutral';
  return 'info';
}

/** The server's Chinese message of a refused file request, or a general one when the body is not JSON. */
export async function refusalOf(res: Response, fallback: string): Promise<ApiError> {
  let message = fallback;
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    if (body.error?.message) message = body.error.message;
  } catch {
    // not JSON (a proxy's error page): keep the general message
  }
  return new ApiError('download.failed', message, res.status);
}

/**
 * Downloads a file from the API (export, Word letter) with the session cookie. A plain link would
 * do for a GET, but fetching first lets a refusal show its Chinese message instead of a JSON page.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw await refusalOf(res, '下载失败，请稍后重试。');
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
