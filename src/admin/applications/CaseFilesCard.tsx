// The files of a case: what the applicant attached to the form and to a 补正 answer, and the
// information released with the 答复, which the handler attaches here and the applicant then
// downloads from the status page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, ApiError, errorMessage, request } from '../api.ts';
import type { SessionResponse } from '../api.types.ts';
import { downloadFile, type CaseDetail } from './applications-api.ts';

interface CaseFile {
  id: number;
  kind: 'application' | 'correction' | 'released';
  fileName: string;
  size: number;
  uploadedBy: string;
  createdAt: string;
}

const KIND_LABEL: Record<CaseFile['kind'], string> = { application: '申请附件', correction: '补正材料', released: '公开的信息' };

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function CaseFilesCard({ detail }: { detail: CaseDetail }) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<CaseFile[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const base = `/api/v1/applications/${detail.id}/files`;
  const canRelease = detail.allowedActions.length > 0 && !detail.state.archived;

  const reload = useCallback(() => {
    let stale = false;
    request<{ items: CaseFile[] }>('GET', base)
      .then((r) => { if (!stale) setFiles(r.items); })
      .catch((e: unknown) => { if (!stale) void message.error(errorMessage(e)); });
    return () => { stale = true; };
  }, [base, message]);
  useEffect(reload, [reload, detail]);

  async function upload(list: FileList | null) {
    if (!list?.length) return;
    setBusy(true);
    try {
      const me = await api.get<SessionResponse>('/api/v1/auth/me');
      const form = new FormData();
      for (const f of Array.from(list)) form.append('files', f, f.name);
      const res = await fetch(base, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': me.csrfToken } });
      const data = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string }; items?: CaseFile[] };
      if (!res.ok) throw new ApiError(data.error?.code ?? 'upload.failed', data.error?.message ?? '上传失败', res.status);
      setFiles(data.items ?? []);
      void message.success('已添加公开的信息文件，申请人作出答复后可在进度查询页下载');
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>材料与公开文件</Typography.Title>} size="small">
      {files.length === 0 ? (
        <Typography.Text type="secondary">暂无文件。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={files}
          renderItem={(f) => (
            <List.Item
              actions={[
                <Button key="dl" size="small" icon={<DownloadOutlined />} aria-label={`下载 ${f.fileName}`} onClick={() => downloadFile(`${base}/${f.id}`, f.fileName).catch((e: unknown) => message.error(errorMessage(e)))}>下载</Button>,
              ]}
            >
              <Space wrap size={4}>
                <Tag>{KIND_LABEL[f.kind]}</Tag>
                <span>{f.fileName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{size(f.size)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {canRelease ? (
        <div style={{ marginTop: 8 }}>
          <input ref={input} type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.docx" style={{ display: 'none' }} aria-label="选择公开的信息文件" onChange={(e) => void upload(e.target.files)} />
          <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>添加答复公开的信息文件</Button>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>作出答复后，申请人凭受理编号和查询码下载。PDF、JPG、PNG、Word，每个不超过 10 MB。</Typography.Paragraph>
        </div>
      ) : null}
    </Card>
  );
}
