// 主动公开: items of one's unit (draft → review → publish → withdraw), columns, site
// monitoring, the mailbox and the new-media list, the 政府信息公开指南, one tab each.
import { Tabs } from 'antd';
import { PageHeader } from '../common/PageHeader.tsx';
import { ItemsTab } from './ItemsTab.tsx';
import { ColumnsTab } from './ColumnsTab.tsx';
import { MonitoringTab } from './MonitoringTab.tsx';
import { MailboxTab } from './MailboxTab.tsx';
import { GuideTab } from './GuideTab.tsx';
import { useCurrentUser } from '../session.tsx';
import { useHashQuery } from '../applications/hash-query.ts';
import { isRole } from '../../auth/roles.ts';
import { ROUTE_ACCESS, mayCall } from '../../auth/route-access.ts';

/** Each tab with the request it opens on: a tab shows only to roles the server answers there. */
const TABS = [
  { key: 'items', label: '信息发布', route: 'GET /api/v1/publishing/items', children: <ItemsTab /> },
  { key: 'columns', label: '栏目管理', route: 'GET /api/v1/publishing/columns', children: <ColumnsTab /> },
  { key: 'monitoring', label: '网站监测', route: 'GET /api/v1/publishing/monitoring', children: <MonitoringTab /> },
  { key: 'mailbox', label: '信箱与新媒体', route: 'GET /api/v1/publishing/letters', children: <MailboxTab /> },
  { key: 'guide', label: '公开指南', route: 'GET /api/v1/organizations/:id/portal-guide', children: <GuideTab /> },
];

export function PublishingPage() {
  const roles = useCurrentUser().roles.filter(isRole);
  // `?tab=mailbox` (a notification's link) opens that tab.
  const tab = useHashQuery().get('tab') ?? undefined;
  return (
    <>
      <PageHeader title="主动公开" />
      <Tabs
        key={tab}
        defaultActiveKey={tab}
        destroyOnHidden
        items={TABS.filter((t) => mayCall(ROUTE_ACCESS[t.route]!, roles)).map(({ key, label, children }) => ({ key, label, children }))}
      />
    </>
  );
}
