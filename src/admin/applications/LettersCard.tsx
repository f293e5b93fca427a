// The letters of a case: an HTML preview in a modal (the server escapes every value) and the Word file.
import { useState } from 'react';
import { App, Button, Card, List, Modal, Spin, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { errorMessage } from '../api.ts';
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

export function LettersCard({ detail }: { detail: CaseDetail }) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<{ title: string; html: string | null } | null>(null);
  const letters = LETTERS.filter((l) => l.ready(detail));
  const url = (key: string) => `/api/v1/applications/${detail.id}/letters/${key}`;

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
                <Button key="p" size="small" icon={<EyeOutlined />} onClick={() => void open(l.key, l.title)} aria-label={`预览 ${l.title}`}>预览</Button>,
                <Button
                  key="d"
                  size="small"
                  icon={<DownloadOutlined />}
                  aria-label={`下载 Word ${l.title}`}
                  onClick={() => downloadFile(`${url(l.key)}?format=docx`, `${l.key}-${detail.id}.docx`).catch((e: unknown) => message.error(errorMessage(e)))}
                >
                  Word
                </Button>,
              ]}
            >
              {l.title}
            </List.Item>
          )}
        />
      )}
      <Modal open={preview !== null} title={preview?.title} footer={null} onCancel={() => setPreview(null)} width={720}>
        {preview?.html === null ? (
          <Spin />
        ) : (
          // Server-rendered with auto-escaping (letters.usecases.ts letterHtml): no applicant text is raw HTML.
          <div className="letter-preview" dangerouslySetInnerHTML={{ __html: preview?.html ?? '' }} />
        )}
      </Modal>
    </Card>
  );
}
