// Requests of the 年报核查 screen. Files travel as multipart/form-data, which the shared JSON
// client does not send, so this module posts them itself with the session's CSRF token.
import { api, ApiError } from '../api.ts';
import type { SessionResponse } from '../api.types.ts';
import { fileNameFromDisposition, type CheckResponse } from './reportcheck-view.ts';

/** What the user asked to check: chosen files and, optionally, pasted text. */
export interface CheckBatch {
  files: File[];
  text: string;
  textName: string;
  /** The bodies' level for the publication deadline; '' reads it from their names. */
  level?: string;
}

export type SummaryFormat = 'csv' | 'xlsx' | 'html';

function formOf(batch: CheckBatch): FormData {
  const form = new FormData();
  for (const file of batch.files) form.append('files', file, file.name);
  if (batch.text.trim()) {
    form.append('text', batch.text);
    form.append('name', batch.textName.trim() || '粘贴文本');
  }
  if (batch.level) form.append('level', batch.level);
  return form;
}

async function postForm(path: string, batch: CheckBatch): Promise<Response> {
  // Asking the session for its token also routes an expired session to the login screen.
  const { csrfToken } = await api.get<SessionResponse>('/api/v1/auth/me');
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', body: formOf(batch), headers: { 'x-csrf-token': csrfToken }, credentials: 'same-origin' });
  } catch {
    throw new ApiError('network.unreachable', '无法连接服务器，请检查网络后重试。', 0);
  }
  if (res.ok) return res;
  const data = (await res.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  if (data?.error?.message) throw new ApiError(data.error.code ?? 'unknown', data.error.message, res.status);
  if (res.status === 413) throw new ApiError('request.too_large', '上传的文件过大。', res.status);
  throw new ApiError('server.unexpected', '服务器暂时无法处理请求，请稍后重试。', res.status);
}

export async function checkBatch(batch: CheckBatch): Promise<CheckResponse> {
  return (await postForm('/api/v1/report-checks', batch)).json() as Promise<CheckResponse>;
}

/** Asks for the batch summary and saves it under the server's (Chinese) file name. */
export async function downloadSummary(batch: CheckBatch, format: SummaryFormat): Promise<void> {
  const res = await postForm(`/api/v1/report-checks/export?format=${format}`, batch);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFromDisposition(res.headers.get('content-disposition'), `年报核查汇总.${format}`);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
