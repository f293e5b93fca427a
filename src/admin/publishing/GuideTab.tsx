// 公开指南: the body's 政府信息公开指南 as the portal shows it — office, address, hours, contact,
// application channels. Kept by the body's administrator or its 公开办; others read it. A save from
// a form loaded before someone else's save is refused by the server (409) and says so.
import { EMAIL_MESSAGE, EMAIL_PATTERN } from '../../shared/email.rules.ts';
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Col, Form, Input, Row, Select, Space, Typography, message } from 'antd';
import { api, errorMessage } from '../api.ts';
import type { ListResponse } from '../api.types.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { beijingTime } from '../common/beijing-time.ts';
import type { GuideContent } from '../../publishing/guide.schema.ts';

interface Guide {
  organizationId: number;
  organizationName: string;
  canEdit: boolean;
  version: number;
  updatedAt: string | null;
  content: GuideContent;
}

/** One line each; `span` of 24 columns on a wide screen. The patterns repeat the server's shape so the clerk hears first. */
const LINES: { name: keyof GuideContent; label: string; span: number; required?: boolean; pattern?: RegExp; patternMessage?: string }[] = [
  { name: 'officeName', label: '政府信息公开工作机构', span: 24, required: true },
  { name: 'address', label: '办公地址', span: 16, required: true },
  { name: 'postcode', label: '邮政编码', span: 8, pattern: /^\d{6}$/, patternMessage: '邮政编码应为6位数字' },
  { name: 'hours', label: '办公时间', span: 24, required: true },
  { name: 'phone', label: '联系电话', span: 8, required: true },
  { name: 'fax', label: '传真', span: 8 },
  { name: 'email', label: '电子邮箱', span: 8, pattern: EMAIL_PATTERN, patternMessage: EMAIL_MESSAGE },
];

export function GuideTab() {
  const [bodies, setBodies] = useState<{ id: number; name: string }[]>([]);
  const [bodyId, setBodyId] = useState<number | null>(null);
  const [guide, setGuide] = useState<Guide | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { saving, error, run } = useSubmit();
  const [form] = Form.useForm<GuideContent>();

  useEffect(() => {
    void (async () => {
      try {
        // The bodies whose letters one keeps are the bodies whose guide one keeps.
        const list = (await api.get<ListResponse<{ id: number; name: string; canEdit: boolean }>>('/api/v1/letter-template-bodies')).items;
        setBodies(list);
        setBodyId((cur) => cur ?? list[0]?.id ?? null);
      } catch (e) {
        setLoadError(errorMessage(e));
      }
    })();
  }, []);

  const load = useCallback(async () => {
    if (bodyId === null) return;
    try {
      const g = await api.get<Guide>(`/api/v1/organizations/${bodyId}/portal-guide`);
      setGuide(g);
      form.setFieldsValue(g.content);
      setLoadError(null);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, [bodyId, form]);
  useEffect(() => {
    void load();
  }, [load]);

  async function save(content: GuideContent) {
    if (!guide) return;
    await run(async () => {
      const saved = await api.put<{ version: number }>(`/api/v1/organizations/${guide.organizationId}/portal-guide`, { content, version: guide.version });
      void message.success(`公开指南已保存（第${saved.version}版），门户网站“政府信息公开指南”页已更新`);
      await load();
    });
  }

  const readOnly = !guide?.canEdit;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 880 }}>
      <Space wrap>
        <Select aria-label="机关" style={{ minWidth: 260 }} value={bodyId ?? undefined} onChange={setBodyId} options={bodies.map((b) => ({ value: b.id, label: b.name }))} />
        <a href="/xxgk/zn/" target="_blank" rel="noreferrer">在门户网站查看</a>
      </Space>
      {loadError && <Alert type="error" showIcon message={loadError} />}
      {guide && (
        <Typography.Text type="secondary">
          {guide.version === 0 ? '尚未编辑：门户显示按网站联系方式生成的默认内容。' : `第${guide.version}版，${guide.updatedAt ? beijingTime(guide.updatedAt) : ''}保存。`}
          {readOnly && ' 您可以查看，修改由本机关系统管理员或政府信息公开工作机构进行。'}
        </Typography.Text>
      )}
      <Form form={form} layout="vertical" disabled={readOnly} onFinish={(v) => void save(v)} requiredMark>
        <Row gutter={16}>
          {LINES.map((l) => (
            <Col key={l.name} xs={24} md={l.span}>
              <Form.Item
                name={l.name}
                label={l.label}
                rules={[...(l.required ? [{ required: true, message: `请填写${l.label}` }] : []), ...(l.pattern ? [{ pattern: l.pattern, message: l.patternMessage }] : [])]}
              >
                <Input />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="channels" label="申请渠道" extra="在线、当面、信函等申请方式，一行一条，显示在指南“依申请公开”部分。">
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="extra" label="其他说明" extra="一行一段，显示在指南末尾“其他”部分；不需要时留空。">
          <Input.TextArea rows={3} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        {!readOnly && (
          <Button type="primary" htmlType="submit" loading={saving}>
            保存并发布到门户
          </Button>
        )}
      </Form>
    </Space>
  );
}
