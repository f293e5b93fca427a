// The letters of a case: a draft preview in a modal (the server escapes every value), 签发 (numbered,
// dated, stored once), and the issued letters with their stored Word and PDF files and 更正.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, List, Modal, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined, FileDoneOutlined } from '@ant-design/icons';
import { errorMessage, request } from '../api.ts';
import { downloadFile, refusalOf, type CaseDetail } from './applications-api.ts';

const LETTERS: { key: string; title: string; ready: (c: CaseDetail) => boolean }[] = [
  { key: 'receipt', title: '政府信息公开申请受理回执', ready: (c) => c.state.receivedDate !== null },
  { key: 'correction', title: '补正告知书', ready: (c) => c.state.correction !== null },
  { key: 'consultation-third-party', title: '征求意见书（第三方）', ready: (c) => c.state.consultations.some((x) => x.kind === 'third-party') },
  { key: 'consultation-agency', title: '征求意见书（有关机关）', ready: (c) => c.state.consultations.some((x) => x.kind === 'agency') },
  { key: 'extension', title: '延期答复告知书', ready: (c) => c.state.extension?.status === 'approved' },
  { key: 'fee', title: '信息处理费收费通知书', ready: (c) => c.state.fee !== null },
  { key: 'reply', title: '政府信息公开申请答复书', ready: (c) => c.state.decision !== null },
];

interface IssuedLetter {
  id: number;
  kind: string;
  title: string;
  docNumber: string;
  issueDate: string;
  replacesId: number | null;
  replacedBy: { id: number; docNumber: string } | null;
  issuedBy: string;
}

export function LettersCard({ detail }: { detail: CaseDetail }) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<{ title: string; html: string | null } | null>(null);
  const [issued, setIssued] = useState<IssuedLetter[]>([]);
  const [busy, setBusy] = useState(false);
  const letters = LETTERS.filter((l) => l.ready(detail));
  const url = (key: string) => `/api/v1/applications/${detail.id}/letters/${key}`;
  const fileUrl = (l: IssuedLetter, format: 'docx' | 'pdf') => `/api/v1/applications/${detail.id}/issued-letters/${l.id}/${format}`;
  const canIssue = detail.allowedActions.length > 0 || detail.state.decision !== null;

  const reload = useCallback(() => {
    let stale = false;
    request<{ items: IssuedLetter[] }>('GET', `/api/v1/applications/${detail.id}/issued-letters`)
      .then((r) => { if (!stale) setIssued(r.items); })
      .catch((e: unknown) => { if (!stale) void message.error(errorMessage(e)); });
    return () => { stale = true; };
  }, [detail.id, message]);
  useEffect(reload, [reload, detail]);

  async function issue(key: string, replacesId?: number) {
    setBusy(true);
    try {
      const l = await request<IssuedLetter>('POST', `${url(key)}/issue`, replacesId ? { replacesId } : {});
      void message.success(`已签发 ${l.docNumber}`);
      reload();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function open(key: string, title: string) {
    setPreview({ title, html: null });
    try {
      const res = await fetch(url(key), { credentials: 'same-origin' });
      if (!res.ok) throw await refusalOf(res, '预览失败，请稍后重试。');
      setPreview({ title, html: await res.text() });
    } catch (e) {
      setPreview(null);
      void message.error(errorMessage(e));
    }
  }

  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>文书</Typography.Title>} size="small">
      {letters.length === 0 ? (
        <Typography.Text type="secondary">确认收到申请后即可生成受理回执。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={letters}
          renderItem={(l) => (
            <List.Item
              actions={[
                <Button key="p" size="small" icon={<EyeOutlined />} onClick={() => void open(l.key, l.title)} aria-label={`预览草稿 ${l.title}`}>预览草稿</Button>,
                canIssue && (
                  <Popconfirm key="i" title={`签发${l.title}？`} description="签发后编号、日期和文件即固定，只能以新文书更正。" okText="签发" cancelText="取消" onConfirm={() => issue(l.key)}>
                    <Button size="small" icon={<FileDoneOutlined />} loading={busy} aria-label={`签发 ${l.title}`}>签发</Button>
                  </Popconfirm>
                ),
                <Button
                  key="d"
                  size="small"
                  icon={<DownloadOutlined />}
                  aria-label={`下载 Word 草稿 ${l.title}`}
                  onClick={() => downloadFile(`${url(l.key)}?format=docx`, `${l.key}-${detail.id}.docx`).catch((e: unknown) => message.error(errorMessage(e)))}
                >
                  草稿
                </Button>,
              ]}
            >
              {l.title}
            </List.Item>
          )}
        />
      )}
      {issued.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 12 }}>已签发</Typography.Title>
          <List
            size="small"
            dataSource={issued}
            renderItem={(l) => (
              <List.Item
                actions={[
                  <Button key="w" size="small" icon={<DownloadOutlined />} aria-label={`下载 Word ${l.docNumber}`} onClick={() => downloadFile(fileUrl(l, 'docx'), `letter-${l.id}.docx`).catch((e: unknown) => message.error(errorMessage(e)))}>Word</Button>,
                  <Button key="p" size="small" icon={<DownloadOutlined />} aria-label={`下载 PDF ${l.docNumber}`} onClick={() => downloadFile(fileUrl(l, 'pdf'), `letter-${l.id}.pdf`).catch((e: unknown) => message.error(errorMessage(e)))}>PDF</Button>,
                  canIssue && !l.replacedBy && (
                    <Popconfirm key="c" title={`更正 ${l.docNumber}？`} description="按案件现状签发一份新编号的文书，注明更正原文书。" okText="签发更正" cancelText="取消" onConfirm={() => issue(l.kind, l.id)}>
                      <Button size="small" loading={busy} aria-label={`更正 ${l.docNumber}`}>更正</Button>
                    </Popconfirm>
                  ),
                ]}
              >
                <Space direction="vertical" size={0}>
                  <span>{l.title}</span>
                  <Typography.Text type="secondary">{l.docNumber} · {l.issueDate} · {l.issuedBy}</Typography.Text>
                  {l.replacedBy && <Tag color="orange">已由 {l.replacedBy.docNumber} 更正</Tag>}
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
      <Modal open={preview !== null} title={preview?.title} footer={null} onCancel={() => setPreview(null)} width={720}>
        {preview?.html === null ? (
          <Spin />
        ) : (
          // Server-rendered with auto-escaping (letters.render.ts letterFragmentHtml): no applicant text is raw HTML.
          <div className="letter-preview" dangerouslySetInnerHTML={{ __html: preview?.html ?? '' }} />
        )}
      </Modal>
    </Card>
  );
}
