// Top bar: product and body name on the left; who is signed in, 修改密码 and 退出登录 on the right.
import { Button, Flex, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import type { SessionUser } from '../api.types.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';

export function HeaderBar({ user, bodyName, navToggle, onChangePassword, onLogout }: {
  user: SessionUser;
  bodyName?: string;
  /** On narrow screens: the button that shows or hides the side navigation. */
  navToggle?: { open: boolean; toggle(): void };
  onChangePassword(): void;
  onLogout(): void;
}) {
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ width: '100%', paddingBlock: 8 }}>
      <Flex align="center" gap={12} wrap>
        {navToggle ? (
          <Button
            type="text"
            icon={<MenuOutlined aria-hidden />}
            onClick={navToggle.toggle}
            aria-expanded={navToggle.open}
            aria-controls="side-nav"
            style={{ color: '#fff' }}
          >
            导航
          </Button>
        ) : null}
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
          公开 · 政府信息公开平台
        </Typography.Text>
        {bodyName ? <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>{bodyName}</Typography.Text> : null}
      </Flex>
      <Flex align="center" gap={8} wrap>
        <NotificationBell />
        <Typography.Text style={{ color: '#fff' }}>
          <UserOutlined aria-hidden /> {user.displayName}
          <span style={{ color: 'rgba(255,255,255,0.85)' }}>（{user.organizationName}）</span>
        </Typography.Text>
        <Button type="text" icon={<KeyOutlined aria-hidden />} onClick={onChangePassword} style={{ color: '#fff' }}>
          修改密码
        </Button>
        <Button type="text" icon={<LogoutOutlined aria-hidden />} onClick={onLogout} style={{ color: '#fff' }}>
          退出登录
        </Button>
      </Flex>
    </Flex>
  );
}
