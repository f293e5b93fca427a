// 重置密码: an administrator sets a new password for a user (the server then requires the user to
// change it at next login). The policy is checked before sending.
import { useEffect } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { api } from '../api.ts';
import { useSubmit } from '../common/useSubmit.ts';
import type { UserRow } from '../api.types.ts';
import { confirmPasswordRules, newPasswordRules, PASSWORD_POLICY_HINT } from '../auth/password-field-rules.ts';

interface ResetForm {
  password: string;
  confirmPassword: string;
}

export function ResetPasswordModal({ user, onDone, onCancel }: { user: UserRow | null; onDone(): void; onCancel(): void }) {
  const [form] = Form.useForm<ResetForm>();
  const { saving, error, setError, run } = useSubmit();

  useEffect(() => {
    if (user) {
      form.resetFields();
      setError(null);
    }
  }, [user, form]);

  async function submit() {
    if (!user) return;
    const v = await form.validateFields();
    await run(async () => {
      await api.patch(`/api/v1/users/${encodeURIComponent(String(user.id))}`, { password: v.password, version: user.version });
      onDone();
    });
  }

  return (
    <Modal
      title={user ? `重置密码：${user.displayName}（${user.username}）` : '重置密码'}
      open={user !== null}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      okText="重置"
      confirmLoading={saving}
      maskClosable={false}
      forceRender
    >
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" name="reset-password">
        <Form.Item label="新密码" name="password" rules={newPasswordRules} extra={`${PASSWORD_POLICY_HINT}用户下次登录时须修改。`}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认新密码" name="confirmPassword" dependencies={['password']} rules={confirmPasswordRules('password')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
