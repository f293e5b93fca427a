// 工作台: who you are and where your work is. It shows no counts until the modules that own
// those numbers exist (no invented figures).
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { StatusTag } from '../common/StatusTag.tsx';
import { roleLabel, ROLES, isRole } from '../../auth/roles.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { useCurrentUser } from '../session.tsx';
import { hrefFor } from '../router.ts';

export function DashboardPage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title="工作台" />
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
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              待办事项与期限提醒将在依申请公开、主动公开模块上线后显示在这里。
              {user.roles.includes('admin') ? <>现在可以前往<a href={hrefFor('/system/users')}>用户管理</a>配置账户。</> : null}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}
