// 区长信箱 letters (MailboxLetters.tsx) and the 政务新媒体 list.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Space, Table } from 'antd';
import { errorMessage } from '../api.ts';
import { useCurrentUser } from '../session.tsx';
import { publishingApi, type NewMedia } from './publishing-api.ts';
import { MailboxLetters } from './MailboxLetters.tsx';

export function MailboxTab() {
  const user = useCurrentUser();
  const [media, setMedia] = useState<NewMedia[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const load = useCallback(async () => {
    try {
      setMedia((await publishingApi.newMedia()).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => void load(), [load]);
  const addMedia = async () => {
    const v = (await form.validateFields()) as Omit<NewMedia, 'id' | 'closedDate' | 'organizationId'>;
    try {
      await publishingApi.addNewMedia({ ...v, organizationId: Number(user.organizationId) });
      form.resetFields();
      await load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      {error ? <Alert type="error" message={error} showIcon closable onClose={() => setError(null)} style={{ marginBottom: 12 }} /> : null}
      <MailboxLetters />
      <h2 style={{ fontSize: 16, marginTop: 24 }}>政务新媒体</h2>
      <Table<NewMedia> rowKey="id" size="small" dataSource={media} pagination={false} columns={[
        { title: '名称', dataIndex: 'name' }, { title: '平台', dataIndex: 'platform' }, { title: '账号', dataIndex: 'account' }, { title: '开通日期', dataIndex: 'openedDate' },
      ]} />
      <Form form={form} layout="inline" style={{ marginTop: 12 }}>
        <Space wrap>
          <Form.Item name="platform" label="平台" rules={[{ required: true }]}><Input placeholder="微信公众号" /></Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="account" label="账号"><Input /></Form.Item>
          <Form.Item name="url" label="网址"><Input placeholder="https://" /></Form.Item>
          <Form.Item name="openedDate" label="开通日期" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}><Input placeholder="2020-01-01" /></Form.Item>
          <Button onClick={() => void addMedia()}>登记</Button>
        </Space>
      </Form>
    </>
  );
}
