// The case page: who applied and what for, the current due date in large type with "为什么是这一天"
// (the deadline engine's own steps), the event timeline, one button per allowed action, the letters.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Collapse, Descriptions, Flex, Row, Spin, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../api.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { StatusTag } from '../common/StatusTag.tsx';
import { statusTone, type CaseDetail } from './applications-api.ts';
import { PRIMARY_ACTIONS, actionLabel } from './action-forms.tsx';
import { PendingApprovalNotice } from './PendingApprovalNotice.tsx';
import { CaseActionModal } from './CaseActionModal.tsx';
import { LettersCard } from './LettersCard.tsx';
import { CaseFilesCard } from './CaseFilesCard.tsx';
import { MessagesCard } from './MessagesCard.tsx';

const h2 = (text: string) => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{text}</Typography.Title>;

/** Where the missing holiday year is entered: a link for who may open the screen, else whom to ask. */
function calendarHelpText(c: CaseDetail) {
  const help = c.calendarHelp;
  if (!help) return undefined;
  if (help.canEdit) return <a id="calendar-help" href="#/system/calendar">前往“节假日日历”录入</a>;
  const who = help.maintainers.length ? `（${help.maintainers.join('、')}）` : '';
  return <span id="calendar-help">节假日日历由平台的系统管理员{who}在“系统管理 → 节假日日历”中维护，请联系其录入。</span>;
}

function DeadlineBlock({ c }: { c: CaseDetail }) {
  const d = c.deadline;
  const decided = c.state.decision;
  let big: string;
  let note: string;
  if (decided) {
    big = decided.date;
    note = `已于该日作出答复：${c.outcomeLabel ?? ''}`;
  } else if (!c.state.receivedDate) {
    big = '尚未起算';
    note = '确认收到申请后开始计算答复期限（《条例》第三十一条）';
  } else if (d?.dueDate) {
    big = d.dueDate;
    note = d.statutoryDueDate && d.statutoryDueDate !== d.dueDate ? `法定期限 ${d.statutoryDueDate}` : '答复期限（工作日计算）';
  } else {
    big = '暂停计算';
    note = '等待申请人补正，收到补正后重新计算';
  }
  return (
    <Card size="small" title={h2(decided ? '答复日期' : '当前答复期限')}>
      <div id="due-date" style={{ fontSize: 32, fontWeight: 600, lineHeight: 1.3, color: '#1f1f1f' }}>{big}</div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{note}</Typography.Paragraph>
      {d?.warnings.length ? <Alert type="warning" showIcon message={d.warnings.map((w) => w.message).join('；')} description={calendarHelpText(c)} style={{ marginBottom: 8 }} /> : null}
      {d ? (
        <Collapse
          size="small"
          items={[
            {
              key: 'why',
              label: '为什么是这一天',
              children: (
                <ol id="due-date-explanation" style={{ margin: 0, paddingInlineStart: 20 }}>
                  {d.explanation.map((line, i) => <li key={i}>{line}</li>)}
                </ol>
              ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}

export function CasePage({ id }: { id: number }) {
  const { message } = App.useApp();
  const [c, setC] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setC(await api.get<CaseDetail>(`/api/v1/applications/${id}`));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const back = <Button href="#/applications" icon={<ArrowLeftOutlined />}>返回列表</Button>;
  if (error) return (<><PageHeader title="申请详情" extra={back} /><Alert type="error" showIcon message={error} role="alert" /></>);
  if (!c) return (<><PageHeader title="申请详情" extra={back} /><Spin /></>);

  return (
    <>
      <PageHeader title={`申请 ${c.trackingNumber}`} extra={back} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={h2('申请概要')}>
            <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small">
              <Descriptions.Item label="受理编号">{c.trackingNumber}</Descriptions.Item>
              <Descriptions.Item label="状态"><StatusTag tone={statusTone(c.status)}>{c.statusLabel}</StatusTag>{c.extensionPending ? <StatusTag tone="warn">延期待审批</StatusTag> : null}{c.decisionPending ? <StatusTag tone="warn">答复待审批</StatusTag> : null}</Descriptions.Item>
              <Descriptions.Item label="申请人">{c.applicantName}（{c.applicantType}）</Descriptions.Item>
              <Descriptions.Item label={c.applicantIdKind || '证件号码'}><span style={{ whiteSpace: 'nowrap' }}>{c.applicantIdMasked}</span></Descriptions.Item>
              {c.contactPerson ? <Descriptions.Item label="联系人">{c.contactPerson}</Descriptions.Item> : null}
              <Descriptions.Item label="联系方式">{[c.phone, c.email, c.address].filter(Boolean).join('；') || '—'}</Descriptions.Item>
              <Descriptions.Item label="受理机关">{c.organizationName}</Descriptions.Item>
              <Descriptions.Item label="承办单位">{c.unitName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="提交方式">{c.channelLabel}</Descriptions.Item>
              <Descriptions.Item label="提交日期">{c.submittedDate}</Descriptions.Item>
              <Descriptions.Item label="收到申请日期">{c.receivedDate ?? '待确认'}</Descriptions.Item>
              <Descriptions.Item label="提供形式 / 获取方式">{c.formWanted} / {c.deliveryWanted}</Descriptions.Item>
              <Descriptions.Item label="所需信息" span={2}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span>
                {c.documentNo ? `（文号：${c.documentNo}）` : ''}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={h2('办理操作')} style={{ marginTop: 16 }}>
            <PendingApprovalNotice c={c} />
            {c.allowedActions.length ? (
              <Flex wrap gap={8}>
                {c.allowedActions.map((a) => (
                  <Button key={a} type={PRIMARY_ACTIONS.has(a) ? 'primary' : 'default'} onClick={() => setAction(a)}>
                    {actionLabel(a, c)}
                  </Button>
                ))}
              </Flex>
            ) : (
              <Typography.Text type="secondary">当前没有您可以进行的操作。</Typography.Text>
            )}
          </Card>
          <Card size="small" title={h2('办理过程')} style={{ marginTop: 16 }}>
            <Timeline
              items={c.timeline.map((e) => ({
                key: e.seq,
                children: (
                  <>
                    <strong>{e.label}</strong>：{e.text}
                    <div style={{ color: 'rgba(0,0,0,0.65)', fontSize: 12 }}>
                      {new Date(e.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}
                      {e.actorName ? ` · ${e.actorName}` : ''}
                    </div>
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <DeadlineBlock c={c} />
          <div style={{ marginTop: 16 }}>
            <LettersCard detail={c} />
          </div>
          <div style={{ marginTop: 16 }}>
            <CaseFilesCard detail={c} />
          </div>
          <div style={{ marginTop: 16 }}>
            <MessagesCard messages={c.messages ?? []} />
          </div>
        </Col>
      </Row>
      <CaseActionModal
        action={action}
        detail={c}
        onClose={() => setAction(null)}
        onDone={(updated) => {
          message.success(`已${action ? actionLabel(action, c) : '办理'}`);
          setAction(null);
          setC(updated);
        }}
      />
    </>
  );
}
