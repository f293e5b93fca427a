// 节假日日历: each year's holidays and 调休 working days as stored, and a form to enter (or replace)
// a year from the State Council notice — named holiday periods and the weekend days worked
// instead, typed or read from the pasted notice (NoticePaste). The form is checked as it will be
// on the server (holiday-form.rules.ts); saving replaces the year and re-computes the due dates
// of open cases that it moves.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Form, Input, Row, Space, Table, Tag, Typography, message } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../api.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { useSubmit } from '../common/useSubmit.ts';
import { holidayFormProblems, type HolidayYearForm } from '../../calendar/holiday-form.rules.ts';
import { eachDate, weekdayName } from '../../calendar/calendar-dates.ts';
import { NoticePaste } from './NoticePaste.tsx';

interface YearsResponse {
  years: HolidayYearForm[];
  nextYear: number | null;
}

type FormValues = Omit<HolidayYearForm, 'year'>;

const days = (start: string, end: string) => [...eachDate(start, end)].length;

function YearCard({ y, onEdit }: { y: HolidayYearForm; onEdit: () => void }) {
  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{y.year} 年</Typography.Title>} extra={<Button size="small" onClick={onEdit} aria-label={`更正 ${y.year} 年`}>更正</Button>}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>依据：{y.source}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="start"
        scroll={{ x: 'max-content' }}
        dataSource={y.holidays}
        columns={[
          { title: '节日', dataIndex: 'name', key: 'name' },
          { title: '放假日期', key: 'range', render: (_, h) => (h.start === h.end ? h.start : `${h.start} 至 ${h.end}`) },
          { title: '天数', key: 'days', render: (_, h) => days(h.start, h.end) },
        ]}
      />
      <div style={{ marginTop: 8 }}>
        <Typography.Text strong>调休上班：</Typography.Text>
        {y.workDays.length ? y.workDays.map((w) => <Tag key={w.date}>{w.date}（{weekdayName(w.date)}）{w.name ? ` ${w.name}` : ''}</Tag>) : <Typography.Text type="secondary">无</Typography.Text>}
      </div>
    </Card>
  );
}

export function CalendarPage() {
  const [data, setData] = useState<YearsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const { saving, error: saveError, setError: setSaveError, run } = useSubmit();
  const [form] = Form.useForm<FormValues>();

  const load = useCallback(async () => {
    try {
      setData(await api.get<YearsResponse>('/api/v1/calendar/years'));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  function open(year: number) {
    const known = data?.years.find((y) => y.year === year);
    form.setFieldsValue(known ? { source: known.source, holidays: known.holidays, workDays: known.workDays } : { source: `国务院办公厅关于${year}年部分节假日安排的通知`, holidays: [{ name: '元旦', start: `${year}-01-01`, end: `${year}-01-01` }], workDays: [] });
    setProblems([]);
    setSaveError(null);
    setEditing(year);
  }

  async function save(values: FormValues) {
    if (editing === null) return;
    const f: HolidayYearForm = { year: editing, source: values.source ?? '', holidays: values.holidays ?? [], workDays: (values.workDays ?? []).map((w) => (w.name ? w : { date: w.date })) };
    const found = holidayFormProblems(f);
    setProblems(found);
    if (found.length) return;
    await run(async () => {
      const r = await api.put<{ year: number; offDays: number; workDays: number; replaced: boolean; reprojected: number }>(`/api/v1/calendar/years/${editing}`, { source: f.source, holidays: f.holidays, workDays: f.workDays });
      void message.success(`${r.replaced ? '已替换' : '已录入'} ${r.year} 年：放假 ${r.offDays} 天，调休上班 ${r.workDays} 天；${r.reprojected ? `${r.reprojected} 件申请的答复期限已重新计算` : '没有申请的答复期限因此改变'}`);
      setEditing(null);
      await load();
    });
  }

  const dateRule = (label: string) => [{ required: true, message: `请填写${label}` }, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 YYYY-MM-DD' }];

  return (
    <>
      <PageHeader title="节假日日历" extra={data?.nextYear && editing === null ? <Button type="primary" icon={<PlusOutlined />} onClick={() => open(data.nextYear!)}>录入 {data.nextYear} 年安排</Button> : null} />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 860 }}>
        答复期限按工作日计算：周一至周五为工作日，法定节假日除外，调休上班的周六、周日算工作日。国务院办公厅每年公布下一年的节假日安排后，请在此录入；保存后，答复期限因此改变的在办申请会立即重新计算。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      {editing !== null ? (
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{editing} 年节假日安排</Typography.Title>} style={{ marginBottom: 16, maxWidth: 860 }}>
          {problems.length || saveError ? (
            <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message="未保存，请更正：" description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{(problems.length ? problems : [saveError!]).map((p) => <li key={p}>{p}</li>)}</ul>} />
          ) : null}
          <NoticePaste
            key={editing}
            year={editing}
            onRead={(r) => {
              form.setFieldsValue({ ...(r.source ? { source: r.source } : {}), holidays: r.holidays, workDays: r.workDays.map((w) => ({ date: w.date, name: w.name ?? '' })) });
              setProblems([]);
            }}
          />
          <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
            <Form.Item name="source" label="依据的通知（名称、文号）" rules={[{ required: true, whitespace: true, message: '请填写依据的通知' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Typography.Text strong>放假安排</Typography.Text>
            <Form.List name="holidays">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Row key={f.key} gutter={8} align="bottom" wrap>
                      <Col xs={24} sm={6}><Form.Item name={[f.name, 'name']} label={`节日 ${i + 1}`} rules={[{ required: true, whitespace: true, message: '请填写节日名称' }]}><Input maxLength={40} placeholder="如 春节" /></Form.Item></Col>
                      <Col xs={11} sm={8}><Form.Item name={[f.name, 'start']} label={`节日 ${i + 1} 开始`} rules={dateRule('开始日期')}><Input type="date" /></Form.Item></Col>
                      <Col xs={11} sm={8}><Form.Item name={[f.name, 'end']} label={`节日 ${i + 1} 结束`} rules={dateRule('结束日期')}><Input type="date" /></Form.Item></Col>
                      <Col xs={2} sm={2}><Form.Item><Button aria-label={`删除节日 ${i + 1}`} icon={<DeleteOutlined />} onClick={() => remove(f.name)} /></Form.Item></Col>
                    </Row>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ name: '', start: '', end: '' })} style={{ marginBottom: 16 }}>增加放假安排</Button>
                </>
              )}
            </Form.List>
            <div><Typography.Text strong>调休上班日（周六、周日）</Typography.Text></div>
            <Form.List name="workDays">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Row key={f.key} gutter={8} align="bottom" wrap>
                      <Col xs={11} sm={8}><Form.Item name={[f.name, 'date']} label={`上班日 ${i + 1}`} rules={dateRule('日期')}><Input type="date" /></Form.Item></Col>
                      <Col xs={11} sm={8}><Form.Item name={[f.name, 'name']} label={`上班日 ${i + 1} 对应节日`}><Input maxLength={40} placeholder="如 春节" /></Form.Item></Col>
                      <Col xs={2} sm={2}><Form.Item><Button aria-label={`删除上班日 ${i + 1}`} icon={<DeleteOutlined />} onClick={() => remove(f.name)} /></Form.Item></Col>
                    </Row>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ date: '', name: '' })} style={{ marginBottom: 16 }}>增加调休上班日</Button>
                </>
              )}
            </Form.List>
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={saving}>保存 {editing} 年安排</Button>
              <Button onClick={() => setEditing(null)}>取消</Button>
            </Space>
          </Form>
        </Card>
      ) : null}
      {data && !data.years.length ? <Empty description="尚无节假日数据" /> : null}
      <Row gutter={[16, 16]}>
        {data?.years.map((y) => (
          <Col key={y.year} xs={24} lg={12}>
            <YearCard y={y} onEdit={() => open(y.year)} />
          </Col>
        ))}
      </Row>
    </>
  );
}
