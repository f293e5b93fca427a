// The bell in the header: the unread count as a badge, refreshed every minute and when the list
// page marks something read; a click opens the 通知 page.
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { api } from '../api.ts';

export const NOTIFICATIONS_CHANGED = 'gk-notifications-changed';

export function NotificationBell() {
  const [unread, setUnread] = useState(0);
  const load = useCallback(() => {
    api.get<{ unread: number }>('/api/v1/notifications?limit=1').then((r) => setUnread(r.unread), () => {});
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(load, 60_000);
    window.addEventListener(NOTIFICATIONS_CHANGED, load);
    return () => {
      clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, load);
    };
  }, [load]);
  const label = unread ? `通知（${unread} 条未读）` : '通知';
  return (
    <Badge count={unread} overflowCount={99} size="small" offset={[-6, 6]}>
      <Button type="text" href="#/notifications" icon={<BellOutlined aria-hidden />} aria-label={label} title={label} style={{ color: '#fff' }}>
        通知
      </Button>
    </Badge>
  );
}
