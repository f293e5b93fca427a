// 修改密码. Opened from the header, and forced open (not closable) when the account must change
// its password (a new account or one whose password an administrator reset).

import { Alert, App, Form, Input, Modal } from 'antd';
import { api } from '../api.ts';
import type { PasswordChangeInput } from '../../auth/login.schema.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { confirmPasswordRules, newPasswordRules, PASSWORD_POLICY_HINT } from './password-field-rules.ts';

type ChangePasswordForm = PasswordChangeInput & { confirmPassword: string };

export function ChangePasswordModal({ open, forced, onDone, onCancel }: {
  open: boolean;
  /** The user must change the password before going on: no cancel. */
  forced?: boolean;
  onDone(): void;
  onCancel(): void;
}) {
  const [form] = Form.useForm<ChangePasswordForm>();
  const { saving, error, setError, run } = useSubmit();
  const { message } = App.useApp();

  async function submit() {
    const values = await form.validateFields();
    await run(async () => {
      const body: PasswordChangeInput = { currentPassword: values.currentPassword, newPassword: values.newPassword };
      await api.post('/api/v1/auth/password', body);
      message.success('密码已修改');
      form.resetFields();
      onDone();
    });
  }

  return (
    <Modal
      title="修改密码"
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={forced ? undefined : () => { form.resetFields(); setError(null); onCancel(); }}
      closable={!forced}
      maskClosable={false}
      keyboard={!forced}
      okText="确认修改"
      cancelButtonProps={forced ? { style: { display: 'none' } } : undefined}
      confirmLoading={saving}
      destroyOnHidden
    >
      {forced ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="为了账户安全，首次登录或密码被重置后须先修改密码。" />
      ) : null}
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" name="change-password" preserve={false}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" rules={newPasswordRules} extra={PASSWORD_POLICY_HINT}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认新密码" name="confirmPassword" dependencies={['newPassword']} rules={confirmPasswordRules('newPassword')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
