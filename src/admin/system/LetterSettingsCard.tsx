// 文号、联系方式和电子印章 of one body: what every letter it issues prints besides its text. The
// numbering pattern per kind ({年} and {号}, counted per body, kind and year), the office's contact
// block under every letter, and the electronic-seal image over the 落款 (without one the letter
// prints a seal area for the paper seal). The body's administrator and its 公开办 clerks change
// them; the auditor reads them. Letters already issued keep what they were issued with.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Card, Form, Input, Space, Typography, message } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, ApiError, errorMessage, request } from '../api.ts';
import type { SessionResponse } from '../api.types.ts';
import { DEFAULT_TEMPLATES } from '../../applications/letters.templates.ts';
import { formatDocNumber, patternProblem } from '../../applications/letters.issue.rules.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { StatusTag } from '../common/StatusTag.tsx';

interface Settings {
  canEdit: boolean;
  patterns: Record<string, string>;
  contactBlock: string;
  hasSeal: boolean;
}

type Values = { contactBlock: string } & Record<string, string>;

const YEAR = new Date().getFullYear();

export function LetterSettingsCard({ bodyId }: { bodyId: number }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const { saving, run } = useSubmit({ toast: true });
  const [form] = Form.useForm<Values>();
  const file = useRef<HTMLInputElement>(null);
  const base = `/api/v1/organizations/${bodyId}`;

  const load = useCallback(async () => {
    try {
      const s = await api.get<Settings>(`${base}/letter-settings`);
      setSettings(s);
      setRefused(null);
      form.setFieldsValue({ ...s.patterns, contactBlock: s.contactBlock });
    } catch (e) {
      setSettings(null);
      setRefused(errorMessage(e));
    }
  }, [base, form]);
  useEffect(() => {
    void load();
  }, [load]);

  async function save(values: Values) {
    await run(async () => {
      const patterns = Object.fromEntries(DEFAULT_TEMPLATES.map((t) => [t.key, values[t.key] ?? '']));
      await api.put(`${base}/letter-settings`, { patterns, contactBlock: values.contactBlock ?? '' });
      void message.success('文书设置已保存，此后签发的文书按新设置编号和印制');
      await load();
    });
  }

  async function uploadSeal(list: FileList | null) {
    const picked = list?.[0];
    if (!picked) return;
    await run(async () => {
      const me = await api.get<SessionResponse>('/api/v1/auth/me');
      const body = new FormData();
      body.append('file', picked, picked.name);
      const res = await fetch(`${base}/letter-seal`, { method: 'PUT', body, credentials: 'same-origin', headers: { 'x-csrf-token': me.csrfToken } });
      if (!res.ok) {
        const data = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
        throw new ApiError(data.error?.code ?? 'upload.failed', data.error?.message ?? '上传失败', res.status);
      }
      void message.success('电子印章已上传，此后签发的文书加盖该印章');
      await load();
    });
    if (file.current) file.current.value = '';
  }

  async function removeSeal() {
    await run(async () => {
      await request('DELETE', `${base}/letter-seal`);
      void message.success('电子印章已删除，此后签发的文书留出盖章位置');
      await load();
    });
  }

  const title = <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>文号、联系方式和电子印章</Typography.Title>;
  if (!settings) {
    return <Card size="small" title={title} style={{ marginTop: 16 }}>{refused ? <Typography.Text type="secondary">{refused}</Typography.Text> : null}</Card>;
  }
  const readOnly = !settings.canEdit;
  return (
    <Card size="small" title={title} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        每种文书按本机关、文书种类和年度分别编号；格式中 {'{年}'} 为签发年度，{'{号}'} 为序号。联系方式每行一项，印在每份文书末尾。已签发的文书不受修改影响。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={readOnly} style={{ maxWidth: 720 }}>
        {DEFAULT_TEMPLATES.map((t) => (
          <Form.Item
            key={t.key}
            name={t.key}
            label={`${t.title}文号格式`}
            rules={[{ validator: (_, v: string | undefined) => { const problem = patternProblem(v ?? ''); return problem ? Promise.reject(new Error(problem)) : Promise.resolve(); } }]}
          >
            <Input maxLength={60} />
          </Form.Item>
        ))}
        <Form.Item noStyle shouldUpdate>
          {({ getFieldValue }) => {
            const sample = getFieldValue('reply') as string | undefined;
            return sample && !patternProblem(sample) ? <Typography.Paragraph type="secondary">例：答复书 {formatDocNumber(sample, YEAR, 12)}</Typography.Paragraph> : null;
          }}
        </Form.Item>
        <Form.Item name="contactBlock" label="联系方式（每行一项，如联系人、电话、地址）" rules={[{ max: 1000, message: '联系方式不能超过1000个字' }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        {readOnly ? null : (
          <Button type="primary" htmlType="submit" loading={saving}>保存文号和联系方式</Button>
        )}
      </Form>
      <Space wrap style={{ marginTop: 16 }}>
        <span>电子印章：</span>
        {settings.hasSeal ? <StatusTag tone="good">已上传</StatusTag> : <StatusTag tone="neutral">未上传（文书留出盖章位置）</StatusTag>}
        {readOnly ? null : (
          <>
            <input ref={file} type="file" accept=".png,.jpg,.jpeg,image/png,image/jpeg" style={{ display: 'none' }} aria-label="选择电子印章图片" onChange={(e) => void uploadSeal(e.target.files)} />
            <Button icon={<UploadOutlined />} loading={saving} onClick={() => file.current?.click()}>{settings.hasSeal ? '更换电子印章' : '上传电子印章'}</Button>
            {settings.hasSeal ? <Button danger loading={saving} onClick={() => void removeSeal()}>删除电子印章</Button> : null}
          </>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>PNG 或 JPEG，不超过 1 MB，透明背景的圆形印章为宜。</Typography.Text>
      </Space>
    </Card>
  );
}
