import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchRoute, matchRouteFor, visibleRoutes, type RouteEntry } from './route-match.ts';

const Page = () => null;
const TABLE: RouteEntry[] = [
  { path: '/dashboard', label: '工作台', page: Page },
  {
    path: '/system',
    label: '系统管理',
    roles: ['admin', 'auditor'],
    children: [
      { path: '/system/users', label: '用户管理', page: Page },
      { path: '/system/audit', label: '审计日志', page: Page, roles: ['auditor'] },
    ],
  },
];

describe('admin route table', () => {
  it('hides groups from users holding none of their roles', () => {
    assert.deepEqual(visibleRoutes(TABLE, ['publisher']).map((r) => r.path), ['/dashboard']);
  });

  it('filters children by role as well', () => {
    const admin = visibleRoutes(TABLE, ['admin']);
    assert.deepEqual(admin[1].children?.map((r) => r.path), ['/system/users']);
  });

  it('matches leaf pages, redirects a group to its first child, and reports unknown paths', () => {
    const routes = visibleRoutes(TABLE, ['admin']);
    const m = matchRoute(routes, '/system/users');
    assert.equal(m.kind === 'page' && m.entry.label, '用户管理');
    assert.deepEqual(matchRoute(routes, '/system'), { kind: 'redirect', to: '/system/users' });
    assert.equal(matchRoute(routes, '/system/audit').kind, 'not-found'); // not visible to admin
    assert.equal(matchRoute(routes, '/nope').kind, 'not-found');
  });

  it('tells a page the user may not open from a page that does not exist', () => {
    const m = matchRouteFor(TABLE, ['admin'], '/system/audit');
    assert.equal(m.kind === 'forbidden' && m.entry.label, '审计日志');
    assert.equal(matchRouteFor(TABLE, ['publisher'], '/system/users').kind, 'forbidden');
    assert.equal(matchRouteFor(TABLE, ['publisher'], '/nope').kind, 'not-found');
    assert.equal(matchRouteFor(TABLE, ['auditor'], '/system/audit').kind, 'page');
  });
});
