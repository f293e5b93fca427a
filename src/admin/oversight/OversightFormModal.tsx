// 登记复议或诉讼: kind, filing date, review body or court, case number, and the application it is
// about (by tracking number) — or, for a record with no application here, the body concerned.
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import { FormSelect } from '../applications/FormSelect.tsx';
import { api, query } from '../api.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { isoDate } from '../common/form-values.ts';
import type { ListResponse, Organization } from '../api.types.ts';
import type { CaseListItem } from '../applications/applications-api.ts';
import { OVERSIGHT_KINDS, type OversightItem } from './oversight-api.ts';

export function OversightFormModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (item: OversightItem) => void }) {
  const [form] = Form.useForm();
  const { saving, error, setError, run } = useSubmit();
  const [bodies, setBodies] = useState<{ value: number; label: string }[]>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
    api
      .get<ListResponse<Organization>>('/api/v1/organizations')
      .then((res) => setBodies(res.items.filter((o) => o.isBody && !o.disabled && o.kind !== 'office').map((o) => ({ value: Number(o.id), label: o.name }))))
      .catch(() => setBodies([]));
  }, [open, form]);

  async function submit() {
    const v = (await form.validateFields()) as Record<string, unknown>;
    await run(async () => {
      const body: Record<string, unknown> = {
        kind: v.kind,
        filedDate: isoDate(v.filedDate),
        body: v.body,
        caseNumber: v.caseNumber || undefined,
        note: v.note || undefined,
      };
      const tn = typeof v.trackingNumber === 'string' ? v.trackingNumber.trim() : '';
      if (tn) {
        const found = await api.get<{ items: CaseListItem[] }>(`/api/v1/applications${query({ q: tn, limit: 5 })}`);
        const match = found.items.find((c) => c.trackingNumber === tn);
        if (!match) {
          form.setFields([{ name: 'trackingNumber', errors: ['没有找到该受理编号的申请'] }]);
          return;
        }
        body.applicationId = match.id;
      } else {
        body.organizationId = v.organizationId;
      }
      onDone(await api.post<OversightItem>('/api/v1/oversight', body));
    });
  }

  return (
    <Modal open={open} title="登记复议或诉讼" okText="登记" cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={saving} destroyOnHidden width={560}>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'review' }}>
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <FormSelect options={Object.entries(OVERSIGHT_KINDS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="filedDate" label="申请复议或起诉日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="body" label="复议机关或人民法院" rules={[{ required: true, whitespace: true, message: '请填写复议机关或人民法院' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="caseNumber" label="案号">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="trackingNumber" label="关联申请的受理编号" extra="因依申请公开引发的，填写该申请的受理编号">
          <Input maxLength={20} inputMode="numeric" />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.trackingNumber !== b.trackingNumber}>
          {({ getFieldValue }) =>
            String(getFieldValue('trackingNumber') ?? '').trim() ? null : (
              <Form.Item name="organizationId" label="被申请机关" rules={[{ required: true, message: '没有关联申请时，请选择被申请机关' }]}>
                <FormSelect options={bodies} />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
