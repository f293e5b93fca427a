// One case action in a small modal: its fields, the server's Chinese message when it refuses
// (409 for a step the case's state forbids or a case changed by someone else meanwhile, 400 for
// bad data), and the updated case on success.
import { GROUNDS_FOR } from '../../applications/outcomes.wording.rules.ts';
import type { OutcomeKey } from '../../report/report.model.ts';
import { useEffect } from 'react';
import { Alert, Form, Modal } from 'antd';
import { api } from '../api.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { requestBody } from '../common/form-values.ts';
import type { CaseDetail } from './applications-api.ts';
import { actionFields, actionLabel } from './action-forms.tsx';

export function CaseActionModal({ action, detail, onClose, onDone }: { action: string | null; detail: CaseDetail; onClose: () => void; onDone: (c: CaseDetail) => void }) {
  const [form] = Form.useForm();
  const { saving, error, setError, run } = useSubmit();

  useEffect(() => {
    if (action) {
      form.resetFields();
      setError(null);
    }
  }, [action, form]);

  async function submit() {
    const values = (await form.validateFields()) as Record<string, unknown>;
    // The case as this clerk saw it: if another clerk acted meanwhile, the server answers 409.
    const body = { ...requestBody(values), expectedEventCount: detail.eventCount };
    await run(async () => onDone(await api.post<CaseDetail>(`/api/v1/applications/${detail.id}/actions/${action}`, body)));
  }

  const title = action ? `${actionLabel(action, detail)}：${detail.trackingNumber}` : '';
  return (
    <Modal open={action !== null} title={title} okText="确定" cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={saving} destroyOnHidden width={560}>
      {error ? <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      {action ? (
        <Form
          form={form}
          layout="vertical"
          requiredMark
          onValuesChange={(changed: Record<string, unknown>) => {
            // Choosing a result fills in the article it rests on; the clerk may add to it.
            if ((action === 'decided' || action === 'decision_requested') && typeof changed.outcome === 'string') {
              form.setFieldValue('legalBasis', detail.outcomeBasis[changed.outcome] ?? '');
              // A 不予公开 row with one possible ground names it; otherwise the clerk chooses again.
              const grounds = GROUNDS_FOR[changed.outcome as OutcomeKey];
              form.setFieldValue('ground', grounds?.length === 1 ? grounds[0] : undefined);
            }
          }}
        >
          {actionFields(action, detail)}
        </Form>
      ) : null}
    </Modal>
  );
}
