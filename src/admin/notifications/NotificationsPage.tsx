// 通知: the signed-in user's notifications, newest first, unread in bold; opening one marks it
// read and goes to what it is about; 全部标为已读; and the daily e-mail digest setting.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, List, Segmented, Typography } from 'antd';
import { api, errorMessage } from '../api.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { beijingTime } from '../common/beijing-time.ts';
import { NOTIFICATIONS_CHANGED } from './NotificationBell.tsx';

interface Item { id: number; kind: string; title: string; link: string; createdAt: string; readAt: string | null }
interface Listed { unread: number; total: number; items: Item[] }

function DigestSettings() {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ email: string; dailyDigest: boolean }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    api.get<{ email: string; dailyDigest: boolean }>('/api/v1/notifications/settings').then((s) => form.setFieldsValue(s), () => {});
  }, [form]);
  const save = async (v: { email: string; dailyDigest: boolean }) => {
    setSaving(true);
    try {
      await api.put('/api/v1/notifications/settings', { email: v.email ?? '', dailyDigest: !!v.dailyDigest });
      message.success('已保存');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>每日待办摘要</Typography.Title>} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">每天上午把待审核的稿件、待审批的延期和年报、3 个工作日内到期和已超期的申请、待答复的来信汇总发到您的邮箱（没有待办事项时不发）。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ email: '', dailyDigest: false }} style={{ maxWidth: 480 }}>
        <Form.Item name="dailyDigest" valuePropName="checked"><Checkbox>接收每日待办摘要</Checkbox></Form.Item>
        <Form.Item name="email" label="电子邮箱"><Input type="email" autoComplete="email" /></Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>保存</Button>
      </Form>
    </Card>
  );
}

export function NotificationsPage() {
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [data, setData] = useState<Listed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await api.get<Listed>(`/api/v1/notifications?limit=100${filter === 'unread' ? '&unread=1' : ''}`));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [filter]);
  useEffect(() => {
    void load();
  }, [load]);
  const changed = async (p: Promise<unknown>) => {
    await p.catch((e: unknown) => setError(errorMessage(e)));
    window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
    await load();
  };
  const open = async (n: Item) => {
    if (!n.readAt) await changed(api.post(`/api/v1/notifications/${n.id}/read`, {}));
    window.location.hash = `#${n.link}`;
  };
  return (
    <>
      <PageHeader title="通知" />
      {error ? <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
          <Segmented value={filter} onChange={(v) => setFilter(v as 'all' | 'unread')} options={[{ value: 'all', label: '全部' }, { value: 'unread', label: `未读${data ? `（${data.unread}）` : ''}` }]} />
          <Button onClick={() => void changed(api.post('/api/v1/notifications/read-all', {}))} disabled={!data?.unread}>全部标为已读</Button>
        </Flex>
        <List
          loading={!data && !error}
          dataSource={data?.items ?? []}
          locale={{ emptyText: filter === 'unread' ? '没有未读通知' : '暂无通知' }}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              actions={n.readAt ? [] : [<Button key="read" type="link" size="small" onClick={() => void changed(api.post(`/api/v1/notifications/${n.id}/read`, {}))}>标为已读</Button>]}
            >
              <List.Item.Meta
                title={<a href={`#${n.link}`} onClick={(e) => { e.preventDefault(); void open(n); }} style={{ fontWeight: n.readAt ? 400 : 600, wordBreak: 'break-word' }}>{n.readAt ? '' : <span className="gk-unread-dot" aria-label="未读">● </span>}{n.title}</a>}
                description={beijingTime(n.createdAt, { seconds: false })}
              />
            </List.Item>
          )}
        />
      </Card>
      <DigestSettings />
    </>
  );
}
