// 登记申请: a clerk registers an application that came in person, by post, fax or e-mail. The
// Art. 31 receipt-date rule of the chosen channel is explained beside the field; the query code
// is shown once, to be passed on to the applicant.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Result, Row, Typography } from 'antd';
import { FormSelect } from './FormSelect.tsx';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { APPLICANT_TYPES } from '../../report/report.model.ts';
import { CHANNEL_LABELS, type Channel } from '../../applications/applications.events.ts';
import { ApiError, api, errorMessage } from '../api.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { requestBody } from '../common/form-values.ts';
import type { ListResponse } from '../api.types.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { caseHref } from './applications-api.ts';
import { DELIVERY_WANTED, FORMS_WANTED, ID_KINDS, INTAKE_LIMITS as L, RECEIPT_RULES, RECEIPT_RULE_TEXT } from '../../applications/intake.options.ts';
import type { ClerkIntake } from '../../applications/intake.schema.ts';

const CLERK_CHANNELS = (Object.keys(CHANNEL_LABELS) as Channel[]).filter((c) => c !== 'online');
const opts = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));
const h2 = (text: string) => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{text}</Typography.Title>;

export function IntakePage() {
  const [form] = Form.useForm();
  const [bodies, setBodies] = useState<{ id: number; name: string }[]>([]);
  const { saving, error, setError, run } = useSubmit();
  const [done, setDone] = useState<{ id: number; trackingNumber: string; queryCode: string } | null>(null);
  const channel = (Form.useWatch('channel', form) ?? 'in_person') as Channel;
  const rule = RECEIPT_RULES[channel];

  useEffect(() => {
    api
      .get<ListResponse<{ id: number; name: string }>>('/api/v1/applications/intake-bodies')
      .then((res) => {
        const list = res.items;
        setBodies(list);
        if (list[0] && !form.getFieldValue('organizationId')) form.setFieldValue('organizationId', list[0].id);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [form]);

  const bodyOptions = useMemo(() => bodies.map((b) => ({ value: b.id, label: b.name })), [bodies]);

  async function submit(values: Record<string, unknown>) {
    const body = requestBody(values) as ClerkIntake;
    if (RECEIPT_RULES[body.channel as Channel]?.atSubmission) delete body.receivedDate;
    await run(async () => {
      try {
        setDone(await api.post('/api/v1/applications', body));
      } catch (e) {
        // The server names the fields it refused: mark them in the form too.
        const fields = (e instanceof ApiError ? (e.details as { fields?: Record<string, string> } | undefined)?.fields : undefined) ?? {};
        form.setFields(Object.entries(fields).map(([name, msg]) => ({ name, errors: [msg] })));
        throw e;
      }
    });
  }

  const back = <Button href="#/applications" icon={<ArrowLeftOutlined />}>返回列表</Button>;
  if (done) {
    return (
      <>
        <PageHeader title="登记申请" extra={back} />
        <Result
          status="success"
          title={`已登记，受理编号 ${done.trackingNumber}`}
          subTitle={<>查询码 <strong id="query-code" style={{ fontSize: 18, letterSpacing: 2 }}>{done.queryCode}</strong>（只显示这一次，请告知申请人，凭受理编号和查询码在门户网站查询办理进度）</>}
          extra={[
            <Button key="open" type="primary" href={caseHref(done.id)}>打开案件</Button>,
            <Button key="again" onClick={() => { form.resetFields(); setDone(null); }}>继续登记</Button>,
          ]}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title="登记申请" extra={back} />
      <Typography.Paragraph type="secondary">
        用于登记当面、邮寄、传真、电子邮件等方式提交的申请；网上申请由申请人在门户网站提交，自动进入列表。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ channel: 'in_person', itemCount: 1, applicantType: '自然人', idKind: '居民身份证' }} requiredMark>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card size="small" title={h2('受理')}>
              <Form.Item name="organizationId" label="受理机关" rules={[{ required: true, message: '请选择受理机关' }]}>
                <FormSelect options={bodyOptions} />
              </Form.Item>
              <Form.Item name="channel" label="提交方式" rules={[{ required: true }]} extra={<span id="receipt-rule">{RECEIPT_RULE_TEXT[channel]}（{rule.article}）</span>}>
                <FormSelect options={CLERK_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
              </Form.Item>
              <Form.Item name="submittedDate" label="申请到达日期" extra="不填则为今天">
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="YYYY-MM-DD" />
              </Form.Item>
              {rule.atSubmission ? null : (
                <Form.Item name="receivedDate" label={`收到申请日期（${rule.dateLabel}）`} extra="已知时填写；不填则在案件页“确认收到申请”后开始计算答复期限">
                  <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="YYYY-MM-DD" />
                </Form.Item>
              )}
            </Card>
            <Card size="small" title={h2('所需政府信息（《条例》第二十九条）')} style={{ marginTop: 16 }}>
              <Form.Item name="description" label="所需信息的名称或内容描述" rules={[{ required: true, min: 5, message: '请描述所需政府信息（至少5个字）' }]}>
                <Input.TextArea rows={4} maxLength={L.description} showCount />
              </Form.Item>
              <Form.Item name="documentNo" label="文号">
                <Input maxLength={L.documentNo} />
              </Form.Item>
              <Form.Item name="purpose" label="用途（申请人自愿说明）">
                <Input maxLength={L.purpose} />
              </Form.Item>
              <Form.Item name="itemCount" label="申请事项件数" extra="按件计收信息处理费时使用">
                <InputNumber min={1} max={100} precision={0} style={{ width: 120 }} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="formWanted" label="提供形式" rules={[{ required: true, message: '请选择提供形式' }]}>
                    <FormSelect options={opts(FORMS_WANTED)} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="deliveryWanted" label="获取方式" rules={[{ required: true, message: '请选择获取方式' }]}>
                    <FormSelect options={opts(DELIVERY_WANTED)} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={h2('申请人')}>
              <Form.Item name="applicantType" label="申请人类型" rules={[{ required: true, message: '请选择申请人类型' }]}>
                <FormSelect options={opts(APPLICANT_TYPES)} />
              </Form.Item>
              <Form.Item name="applicantName" label="姓名或名称" rules={[{ required: true, whitespace: true, message: '请填写申请人姓名或名称' }]}>
                <Input maxLength={L.applicantName} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item name="idKind" label="证件类型" rules={[{ required: true, message: '请选择证件类型' }]}>
                    <FormSelect options={opts(ID_KINDS)} />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item name="idNumber" label="证件号码" rules={[{ required: true, whitespace: true, message: '请填写证件号码' }]} extra="列表和导出中只显示脱敏后的号码">
                    <Input maxLength={L.idNumber} autoComplete="off" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="contactPerson" label="联系人（法人或其他组织填写）">
                <Input maxLength={L.contactPerson} />
              </Form.Item>
              <Form.Item name="phone" label="联系电话" extra="电话、电子邮箱、通信地址至少填写一项">
                <Input maxLength={L.phone} />
              </Form.Item>
              <Form.Item name="email" label="电子邮箱">
                <Input maxLength={L.email} />
              </Form.Item>
              <Form.Item name="address" label="通信地址">
                <Input maxLength={L.address} />
              </Form.Item>
              <Form.Item name="postcode" label="邮政编码">
                <Input maxLength={L.postcode} style={{ width: 120 }} />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }}>登记</Button>
      </Form>
    </>
  );
}
