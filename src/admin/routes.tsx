// The admin app's route table: the side navigation and the page switch are both built from it.
//
// To add a module page, add ONE entry here:
//   { path: '/applications', label: '依申请公开', icon: <FileSearchOutlined />, page: ApplicationsPage }
// - `path` is the hash path (`#/applications`); group entries list `children` instead of `page`
//   and open their first visible child.
// - `roles` (optional) hides the entry from users holding none of those roles: taken from the
//   authorization matrix (auth/route-access.ts) for the page's main request, so the navigation
//   offers exactly what the server will answer.
// - Until a module exists, `page: placeholder(…)` from ./common/PlaceholderPage.tsx shows an
//   "本模块正在建设中" page (never fake data).
import {
  BarChartOutlined,
  BellOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  LineChartOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { RouteEntry } from './route-match.ts';
import { rolesFor } from '../auth/route-access.ts';
import { DashboardPage } from './dashboard/DashboardPage.tsx';
import { ApplicationsPage } from './applications/ApplicationsPage.tsx';
import { OversightPage } from './oversight/OversightPage.tsx';
import { UsersPage } from './system/UsersPage.tsx';
import { OrganizationsPage } from './system/OrganizationsPage.tsx';
import { AuditPage } from './system/AuditPage.tsx';
import { LetterTemplatesPage } from './system/LetterTemplatesPage.tsx';
import { ApprovalRulesPage } from './system/ApprovalRulesPage.tsx';
import { CalendarPage } from './system/CalendarPage.tsx';
import { ReportCheckPage } from './reportcheck/ReportCheckPage.tsx';
import { ReportPage } from './report/ReportPage.tsx';
import { PublishingPage } from './publishing/PublishingPage.tsx';
import { StatisticsPage } from './statistics/StatisticsPage.tsx';
import { NotificationsPage } from './notifications/NotificationsPage.tsx';


export const ROUTES: RouteEntry[] = [
  { path: '/dashboard', label: '工作台', icon: <DashboardOutlined />, page: DashboardPage },
  { path: '/notifications', label: '通知', icon: <BellOutlined />, page: NotificationsPage },
  {
    path: '/publishing',
    label: '主动公开',
    icon: <NotificationOutlined />,
    page: PublishingPage,
    roles: rolesFor('GET /api/v1/publishing/columns'), // the widest of its tabs
  },
  {
    path: '/applications',
    label: '依申请公开',
    icon: <FileSearchOutlined />,
    page: ApplicationsPage,
    roles: rolesFor('GET /api/v1/applications'),
  },
  {
    path: '/oversight',
    label: '复议诉讼',
    icon: <SafetyCertificateOutlined />,
    page: OversightPage,
    roles: rolesFor('GET /api/v1/oversight'),
  },
  {
    path: '/report',
    label: '年度报告',
    icon: <BarChartOutlined />,
    page: ReportPage,
    roles: rolesFor('GET /api/v1/reports/bodies'),
  },
  {
    path: '/statistics',
    label: '统计分析',
    icon: <LineChartOutlined />,
    page: StatisticsPage,
    roles: rolesFor('GET /api/v1/statistics'),
  },
  {
    path: '/reportcheck',
    label: '年报核查',
    icon: <FileDoneOutlined />,
    page: ReportCheckPage,
    roles: rolesFor('POST /api/v1/report-checks'),
  },
  {
    path: '/system',
    label: '系统管理',
    icon: <SettingOutlined />,
    children: [
      { path: '/system/users', label: '用户管理', page: UsersPage, roles: rolesFor('GET /api/v1/users') },
      { path: '/system/organizations', label: '组织机构', page: OrganizationsPage, roles: ['admin', 'security_admin', 'auditor'] },
      { path: '/system/letters', label: '文书模板', page: LetterTemplatesPage, roles: rolesFor('GET /api/v1/letter-template-bodies') },
      { path: '/system/calendar', label: '节假日日历', page: CalendarPage, roles: rolesFor('PUT /api/v1/calendar/years/:year') },
      { path: '/system/approvals', label: '审批规则', page: ApprovalRulesPage, roles: rolesFor('GET /api/v1/organizations/:id/approval-settings') },
      { path: '/system/audit', label: '审计日志', page: AuditPage, roles: rolesFor('GET /api/v1/audit') },
    ],
  },
];
