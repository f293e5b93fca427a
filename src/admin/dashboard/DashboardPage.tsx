// 工作台: the cases that need attention (已超期, 即将到期, 待我办理) from the applications API, then
// who you are and what your roles let you do.
import { useEffect, useState } from 'react';
import { Alert, Card, Col, Descriptions, Row, Typography } from 'antd';
import { StatusTag } from '../common/StatusTag.tsx';
import { roleLabel, ROLES, isRole } from '../../auth/roles.ts';
import { ROUTE_ACCESS, mayCall } from '../../auth/route-access.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { useCurrentUser } from '../session.tsx';
import { hrefFor } from '../router.ts';
import { api, errorMessage } from '../api.ts';
import type { Workbench } from '../applications/applications-api.ts';
import { CaseWorkList } from './CaseWorkList.tsx';
import { MailboxOverdueCard } from './MailboxOverdueCard.tsx';


function useWorkbench(enabled: boolean) {
  const [data, setData] = useState<Workbench | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api
      .get<Workbench>('/api/v1/applications/workbench?days=5')
      .then((w) => live && setData(w))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [enabled]);
  return { data, error };
}

export function DashboardPage() {
  const user = useCurrentUser();
  const seesCases = mayCall(ROUTE_ACCESS['GET /api/v1/applications/workbench']!, user.roles.filter(isRole));
  const { data, error } = useWorkbench(seesCases);
  const loading = seesCases && !data && !error;
  const seesMailbox = mayCall(ROUTE_ACCESS['GET /api/v1/publishing/letters']!, user.roles.filter(isRole));
  return (
    <>
      <PageHeader title="工作台" />
      {seesCases ? (
        <>
          {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
          {data ? (
            <Typography.Paragraph type="secondary">
              今天是 {data.today}。答复期限按法定工作日计算（节假日和调休上班日以国务院办公厅通知为准）。
            </Typography.Paragraph>
          ) : null}
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xxl={8}>
              <CaseWorkList id="wl-overdue" title="已超期" items={data?.overdue ?? []} loading={loading} empty="没有超期的申请" />
            </Col>
            <Col xs={24} xxl={8}>
              <CaseWorkList id="wl-due-soon" title="即将到期（5日内）" items={data?.dueSoon ?? []} loading={loading} empty="5日内没有到期的申请" />
            </Col>
            <Col xs={24} xxl={8}>
              <CaseWorkList id="wl-awaiting-me" title="待我办理" items={data?.awaitingMe ?? []} loading={loading} empty="没有等待您办理的申请" />
            </Col>
          </Row>
        </>
      ) : null}
      {seesMailbox ? (
        <div style={{ marginBottom: 16 }}>
          <MailboxOverdueCard />
        </div>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>我的账户</Typography.Title>}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
              <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
              <Descriptions.Item label="所属单位">{user.organizationName}</Descriptions.Item>
              <Descriptions.Item label="角色">
                {user.roles.map((r) => <StatusTag key={r} tone="info">{roleLabel(r)}</StatusTag>)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>我的职责</Typography.Title>}>
            <ul style={{ paddingInlineStart: 20, margin: 0 }}>
              {user.roles.filter(isRole).map((r) => (
                <li key={r}>
                  <strong>{ROLES[r].label}</strong>：{ROLES[r].description}
                </li>
              ))}
            </ul>
            {user.roles.includes('admin') ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                现在可以前往<a href={hrefFor('/system/users')}>用户管理</a>配置账户。
              </Typography.Paragraph>
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
