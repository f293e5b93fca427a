// Side navigation built from the route table (routes.tsx). Items are real links (`#/…`), so they
// work with the keyboard, middle-click and screen readers like any link.
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import type { RouteEntry } from '../route-match.ts';
import { hrefFor } from '../router.ts';

type MenuItem = Required<MenuProps>['items'][number];

function toItems(routes: RouteEntry[]): MenuItem[] {
  return routes.map((r) =>
    r.children
      ? { key: r.path, icon: r.icon, label: r.label, children: toItems(r.children) }
      : { key: r.path, icon: r.icon, label: <a href={hrefFor(r.path)}>{r.label}</a> },
  );
}

export function SideNav({ routes, path }: { routes: RouteEntry[]; path: string }) {
  const groupOfPath = routes.filter((r) => r.children && path.startsWith(`${r.path}/`)).map((r) => r.path);
  const [openKeys, setOpenKeys] = useState<string[]>(groupOfPath);
  useEffect(() => {
    // Opening a page inside a group (e.g. by URL) unfolds that group.
    setOpenKeys((keys) => Array.from(new Set([...keys, ...groupOfPath])));
  }, [path]);
  return (
    <nav aria-label="主导航" id="side-nav">
      <Menu
        mode="inline"
        items={toItems(routes)}
        selectedKeys={[path]}
        openKeys={openKeys}
        onOpenChange={setOpenKeys}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
