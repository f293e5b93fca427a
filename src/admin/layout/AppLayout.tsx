// The signed-in frame: header, side navigation from the route table, and the current page.
import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Drawer, Grid, Layout, Result } from 'antd';
import { api, errorMessage } from '../api.ts';
import type { ListResponse, Organization } from '../api.types.ts';
import { ChangePasswordModal } from '../auth/ChangePasswordModal.tsx';
import { matchRouteFor, visibleRoutes } from '../route-match.ts';
import { ROUTES } from '../routes.tsx';
import { HOME_PATH, navigate, useHashPath } from '../router.ts';
import { useCurrentUser, useSession } from '../session.tsx';
import { HeaderBar } from './HeaderBar.tsx';
import { SideNav } from './SideNav.tsx';
import { bodyNameFor } from './body-name.ts';

export function AppLayout() {
  const user = useCurrentUser();
  const { logout, refresh } = useSession();
  const { message } = App.useApp();
  const path = useHashPath();
  const routes = useMemo(() => visibleRoutes(ROUTES, user.roles), [user.roles]);
  const match = matchRouteFor(ROUTES, user.roles, path);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [bodyName, setBodyName] = useState<string | undefined>();
  // Below the lg breakpoint the navigation moves into a drawer opened from a header button
  // (a real, focusable button: antd's zero-width Sider trigger cannot be reached by keyboard).
  const narrow = Grid.useBreakpoint().lg === false;
  const [navOpen, setNavOpen] = useState(false);
  const firstPath = useRef(true);
  useEffect(() => {
    setNavOpen(false);
    // After navigating, move focus to the page so screen readers start at its content.
    if (firstPath.current) firstPath.current = false;
    else document.getElementById('main-content')?.focus();
  }, [path]);

  useEffect(() => {
    if (match.kind === 'redirect') navigate(match.to);
  }, [match]);

  useEffect(() => {
    // The body (机关) the user works for: the nearest organization marked isBody above the user's.
    // Users who may not list organizations simply see no body name.
    let live = true;
    api
      .get<ListResponse<Organization>>('/api/v1/organizations')
      .then((res) => live && setBodyName(bodyNameFor(res.items, user.organizationId)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [user.organizationId]);

  async function onLogout() {
    try {
      await logout();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  const Page = match.kind === 'page' ? match.entry.page : undefined;
  useEffect(() => {
    const title = match.kind === 'page' ? match.entry.label : match.kind === 'forbidden' ? '无权访问' : '页面不存在';
    document.title = `${title} · 公开 · 管理后台`;
  }, [match]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main-content" className="skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('main-content')?.focus(); }}>
        跳到主要内容
      </a>
      <Layout.Header style={{ paddingInline: 24, height: 'auto', minHeight: 64, lineHeight: 'normal', display: 'flex', alignItems: 'center' }}>
        <HeaderBar
          user={user}
          bodyName={bodyName}
          navToggle={narrow ? { open: navOpen, toggle: () => setNavOpen((o) => !o) } : undefined}
          onChangePassword={() => setPasswordOpen(true)}
          onLogout={() => void onLogout()}
        />
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Drawer title="导航菜单" placement="left" width={240} open={navOpen} onClose={() => setNavOpen(false)} styles={{ body: { padding: 0 } }}>
            <SideNav routes={routes} path={path} />
          </Drawer>
        ) : (
          <Layout.Sider width={208} theme="light">
            <SideNav routes={routes} path={path} />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: narrow ? 8 : 24, minWidth: 0 }}>
          {/* Layout.Content is the page's one <main> landmark; this is where focus goes. */}
          <div id="main-content" tabIndex={-1} style={{ background: '#fff', padding: narrow ? 12 : 24, borderRadius: 8, minHeight: 360, outline: 'none' }}>
            {user.mustChangePassword ? null : Page ? (
              <Page />
            ) : match.kind === 'not-found' ? (
              <Result
                status="404"
                title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>页面不存在</h1>}
                subTitle="该页面不存在，请检查地址或从左侧菜单进入。"
                extra={<Button type="primary" onClick={() => navigate(HOME_PATH)}>返回工作台</Button>}
              />
            ) : match.kind === 'forbidden' ? (
              <Result
                status="403"
                title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>无权访问</h1>}
                subTitle={`“${match.entry.label}”需要相应的角色，您当前的账号没有该权限。如需使用，请联系本单位系统管理员分配角色。`}
                extra={<Button type="primary" onClick={() => navigate(HOME_PATH)}>返回工作台</Button>}
              />
            ) : null}
          </div>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal
        open={passwordOpen || user.mustChangePassword}
        forced={user.mustChangePassword}
        onDone={() => {
          setPasswordOpen(false);
          void refresh();
        }}
        onCancel={() => setPasswordOpen(false)}
      />
    </Layout>
  );
}
