// Calls of the publishing screens (主动公开) to the JSON API under /api/v1/publishing.
import { api, query, ApiError } from '../api.ts';
import type { SessionResponse } from '../api.types.ts';
import type { ConfidentialityReviewInput } from '../../publishing/confidentiality.rules.ts';
import type { ItemPatchInput } from '../../publishing/items.schema.ts';
import type { BulkResult } from '../../publishing/bulk-actions.usecases.ts';
import type { ColumnPatchBody } from '../../publishing/columns.schema.ts';

export interface Column {
  id: number;
  organizationId: number;
  parentId: number | null;
  code: string;
  name: string;
  kind: string;
  art20Item: number | null;
  defaultItemKind: string | null;
  sortOrder: number;
  updateIntervalDays: number | null;
  description: string;
  hidden: boolean;
}

export interface Item {
  id: number;
  organizationId: number;
  columnId: number;
  kind: string;
  title: string;
  indexNo: string;
  topic: string;
  publisherName: string;
  docNumber: string;
  writtenDate: string | null;
  publishDate: string | null;
  scheduledAt: string | null;
  status: string;
  validity: string;
  abolishedDate: string | null;
  abolishedReason: string | null;
  bodyHtml: string;
  interpretsItemId: number | null;
  latePublication: boolean;
  workingDaysToPublish: number | null;
  withdrawnReason: string | null;
  reviewComment: string | null;
  version: number;
  updatedAt: string;
}

export interface Attachment {
  id: number;
  fileName: string;
  size: number;
  downloadCount: number;
}

export interface ItemDetail {
  item: Item;
  attachments: Attachment[];
  actions: string[];
  /** Whether the item's body requires a 保密审查 at approval. */
  confidentialityReviewRequired: boolean;
  /** Live 解读 of this item, offered for withdrawal with it. */
  linked: LinkedItem[];
  /** The item this 解读 interprets, by title. */
  interprets: { id: number; title: string } | null;
  /** 相关信息, linked both ways (the portal shows the published ones). */
  related: LinkedItem[];
}

export type { BulkResult };

export interface LinkedItem {
  id: number;
  title: string;
  kind: string;
  status: string;
}

export interface LinkCandidate {
  id: number;
  title: string;
  kind: string;
  status: string;
  docNumber: string;
  publishDate: string | null;
}

export interface Version {
  version: number;
  action: string;
  username: string | null;
  at: string;
  diff: { op: string; line: string }[];
  /** The 保密审查 recorded with this version's approval, the checklist in words. */
  confidentialityReview: { checks: string[]; opinion: string; reviewer: string; date: string } | null;
}

/** What the editor sends: the server's own item shape (items.schema.ts), so a field the server refuses or renames fails the type check here. */
export type ItemDraft = ItemPatchInput;

const base = '/api/v1/publishing';

export const publishingApi = {
  columns: (organizationId: number) => api.get<{ items: Column[] }>(`${base}/columns${query({ organizationId })}`),
  createDefaultColumns: (organizationId: number) => api.post<{ items: Column[] }>(`${base}/columns/defaults`, { organizationId }),
  /** The server's own column shape (columns.schema.ts): a field it refuses or renames fails the type check here. */
  updateColumn: (id: number, patch: ColumnPatchBody) => api.patch<Column>(`${base}/columns/${id}`, patch),
  items: (p: { organizationId?: number; status?: string; q?: string; page?: number }) =>
    api.get<{ total: number; totalCapped?: boolean; items: Item[] }>(`${base}/items${query({ ...p, pageSize: 20 })}`),
  item: (id: number) => api.get<ItemDetail>(`${base}/items/${id}`),
  create: (d: ItemDraft) => api.post<Item>(`${base}/items`, d),
  update: (id: number, d: ItemDraft) => api.patch<Item>(`${base}/items/${id}`, d),
  transition: (id: number, action: string, extra: { comment?: string; publishAt?: string | null; confidentialityReview?: ConfidentialityReviewInput; alsoWithdraw?: number[] } = {}) =>
    api.post<Item>(`${base}/items/${id}/transitions`, { action, ...extra }),
  validity: (id: number, validity: string, date: string | null, reason?: string, alsoWithdraw?: number[]) =>
    api.post<Item>(`${base}/items/${id}/validity`, { validity, date, reason, ...(alsoWithdraw?.length ? { alsoWithdraw } : {}) }),
  bulk: (action: string, ids: number[], extra: { comment?: string; columnId?: number; confidentialityReview?: ConfidentialityReviewInput } = {}) =>
    api.post<{ results: BulkResult[] }>(`${base}/items/bulk`, { action, ids, ...extra }),
  linkCandidates: (p: { organizationId: number; q: string; policyOnly?: boolean; excludeId?: number }) =>
    api.get<{ items: LinkCandidate[] }>(`${base}/link-candidates${query({ ...p, policyOnly: p.policyOnly ? 'true' : undefined })}`),
  addRelated: (id: number, relatedId: number) => api.post<{ ok: boolean }>(`${base}/items/${id}/related`, { relatedId }),
  removeRelated: (id: number, relatedId: number) => api.delete<{ ok: boolean }>(`${base}/items/${id}/related/${relatedId}`),
  versions: (id: number) => api.get<{ versions: Version[] }>(`${base}/items/${id}/versions`),
  monitoring: () => api.get<Monitoring>(`${base}/monitoring`),
  letters: () => api.get<{ items: Letter[] }>(`${base}/letters`),
  reply: (id: number, reply: string, publish: boolean) => api.post<{ publishStatus: string | null }>(`${base}/letters/${id}/reply`, { reply, publish }),
  requestPublication: (id: number, text: string) => api.post<{ publishStatus: string }>(`${base}/letters/${id}/publication`, { text }),
  transferTargets: (id: number) => api.get<{ items: Array<{ id: number; name: string }> }>(`${base}/letters/${id}/transfer-targets`),
  transfer: (id: number, unitId: number, workingDays: number, note: string) => api.post<{ dueDate: string }>(`${base}/letters/${id}/transfer`, { unitId, workingDays, note }),
  approvePublication: (id: number) => api.post<{ itemId: number }>(`${base}/letters/${id}/publication/approve`),
  returnPublication: (id: number, reason: string) => api.post<{ publishStatus: string }>(`${base}/letters/${id}/publication/return`, { reason }),
  newMedia: () => api.get<{ items: NewMedia[] }>(`${base}/new-media`),
  addNewMedia: (m: Omit<NewMedia, 'id' | 'closedDate'>) => api.post<{ id: number }>(`${base}/new-media`, m),
  upload: (itemId: number, file: File) => postFile<Attachment>(`${base}/items/${itemId}/attachments`, file),
  /** 导入 Word 文档: the .docx's text as body HTML, already cleaned as saving would; nothing is stored. */
  docxToHtml: (file: File) => postFile<{ html: string; droppedImages: number }>(`${base}/docx-to-html`, file),
};

/** Multipart upload: the token comes from the session endpoint (api.ts keeps its own copy private). */
async function postFile<T>(path: string, file: File): Promise<T> {
  const me = await api.get<SessionResponse>('/api/v1/auth/me');
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': me.csrfToken } });
  const data = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } } & T;
  if (!res.ok) throw new ApiError(data.error?.code ?? 'upload.failed', data.error?.message ?? '上传失败', res.status);
  return data;
}

export interface Monitoring {
  today: string;
  overdueColumns: { columnId: number; name: string; intervalDays: number; lastPublishDate: string | null; daysSince: number | null }[];
  brokenLinks: { itemId: number; title: string; href: string }[];
  incompleteItems: { itemId: number; title: string; missing: string[] }[];
  latePublications: { itemId: number; title: string; publishDate: string }[];
  weeklySummary: string;
}

export interface Letter {
  id: number;
  writerName: string;
  contact: string;
  subject: string;
  body: string;
  status: string;
  replyText: string | null;
  repliedAt: string | null;
  repliedBy: string | null;
  createdAt: string;
  /** Publication of the reply: null (not asked) | pending | returned | published. */
  publishStatus: string | null;
  publishText: string | null;
  publishRequestedBy: string | null;
  returnReason: string | null;
  reviewedBy: string | null;
  /** The unit handling the letter and its due date; overdue: unanswered past it. */
  unitName: string | null;
  dueDate: string;
  overdue: boolean;
  transferredFrom: string | null;
  transferNote: string | null;
  /** What the signed-in user may do with the letter now (the server decides). */
  actions: Array<'reply' | 'transfer' | 'request_publication' | 'approve' | 'return'>;
}

export interface NewMedia {
  id: number;
  organizationId: number;
  platform: string;
  name: string;
  account: string;
  url: string;
  openedDate: string;
  closedDate: string | null;
}
