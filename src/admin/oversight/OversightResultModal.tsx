// 登记结果: 维持 / 纠正 / 其他 / 尚未审结 with the decision date. A 纠正 of a case linked to an
// application offers to reopen that application with a new answer period from the reopening date.
import { useEffect } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, Modal } from 'antd';
import { FormSelect } from '../applications/FormSelect.tsx';
import dayjs from 'dayjs';
import { api } from '../api.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { isoDate } from '../common/form-values.ts';
import { OVERSIGHT_RESULTS, type OversightItem } from './oversight-api.ts';

export function OversightResultModal({ item, onClose, onDone }: { item: OversightItem | null; onClose: () => void; onDone: (item: OversightItem) => void }) {
  const [form] = Form.useForm();
  const { saving, error, setError, run } = useSubmit();
  const result = Form.useWatch('result', form) as string | undefined;

  useEffect(() => {
    if (!item) return;
    form.resetFields();
    form.setFieldsValue({ result: item.result, decidedDate: item.decidedDate ? dayjs(item.decidedDate) : undefined, note: item.note });
    setError(null);
  }, [item, form]);

  async function submit() {
    if (!item) return;
    const v = (await form.validateFields()) as Record<string, unknown>;
    await run(async () =>
      onDone(
        await api.post<OversightItem>(`/api/v1/oversight/${item.id}/result`, {
          result: v.result,
          decidedDate: v.result === 'pending' ? undefined : isoDate(v.decidedDate),
          note: v.note || undefined,
          reopen: v.result === 'corrected' && v.reopen === true ? true : undefined,
          reopenDate: v.result === 'corrected' && v.reopen === true ? isoDate(v.reopenDate) : undefined,
          version: item.version,
        }),
      ),
    );
  }

  return (
    <Modal open={item !== null} title={item ? `登记结果：${item.kindLabel}（${item.filedDate}）` : ''} okText="保存" cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={saving} destroyOnHidden width={520}>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="result" label="结果" rules={[{ required: true }]}>
          <FormSelect options={Object.entries(OVERSIGHT_RESULTS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {result && result !== 'pending' ? (
          <Form.Item name="decidedDate" label="复议决定或裁判日期" rules={[{ required: true, message: '请选择决定日期' }]}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="YYYY-MM-DD" />
          </Form.Item>
        ) : null}
        {result === 'corrected' && item?.applicationId ? (
          <>
            <Form.Item name="reopen" valuePropName="checked" extra="纠正（如责令重新答复）的，关联申请重新办理，自重新办理之日起重新计算答复期限">
              <Checkbox>重新办理关联申请</Checkbox>
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.reopen !== b.reopen}>
              {({ getFieldValue }) =>
                getFieldValue('reopen') ? (
                  <Form.Item name="reopenDate" label="重新办理日期" extra="不填则为决定日期">
                    <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="YYYY-MM-DD" />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
