// 主动公开: items of one's unit (draft → review → publish → withdraw), columns, site
// monitoring, the mailbox and the new-media list, one tab each.
import { Tabs } from 'antd';
import { PageHeader } from '../common/PageHeader.tsx';
import { ItemsTab } from './ItemsTab.tsx';
import { ColumnsTab } from './ColumnsTab.tsx';
import { MonitoringTab } from './MonitoringTab.tsx';
import { MailboxTab } from './MailboxTab.tsx';

export function PublishingPage() {
  return (
    <>
      <PageHeader title="主动公开" />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'items', label: '信息发布', children: <ItemsTab /> },
          { key: 'columns', label: '栏目管理', children: <ColumnsTab /> },
          { key: 'monitoring', label: '网站监测', children: <MonitoringTab /> },
          { key: 'mailbox', label: '信箱与新媒体', children: <MailboxTab /> },
        ]}
      />
    </>
  );
}
