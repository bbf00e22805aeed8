import type { ReactNode } from 'react';
import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  ClusterOutlined,
  CommentOutlined,
  EnvironmentOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FieldTimeOutlined,
  GiftOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  LinkOutlined,
  NodeIndexOutlined,
  ProfileOutlined,
  PhoneOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '../../api';
import type { PageName } from '../../pages';

export interface NavItem {
  path: string;
  page: PageName;
  labelKey:
    | 'nav.home'
    | 'nav.persons'
    | 'nav.hotline'
    | 'nav.consultations'
    | 'nav.knowledge'
    | 'nav.intake'
    | 'nav.worklist'
    | 'nav.organisations'
    | 'nav.users'
    | 'nav.audit'
    | 'nav.rules'
    | 'nav.deadlines'
    | 'nav.handlers'
    | 'nav.lawFirms'
    | 'nav.teams'
    | 'assignment.nav.batch'
    | 'assignment.nav.myCases'
    | 'work.calendar.centreTitle'
    | 'duty.nav.stations'
    | 'duty.nav.roster'
    | 'duty.nav.my'
    | 'duty.nav.kpis'
    | 'criminal.nav.inbox'
    | 'partners.nav'
    | 'bookings.nav'
    | 'complaints.nav'
    | 'visits.nav'
    | 'opinions.nav'
    | 'inspections.nav'
    | 'hearings.nav'
    | 'kpis.nav'
    | 'feeWaivers.nav'
    | 'funding.nav.budgets'
    | 'funding.nav.donations'
    | 'funding.nav.contracts'
    | 'subsidyArea.nav.calculations'
    | 'subsidyArea.nav.batches'
    | 'messages.nav';
  icon: ReactNode;
  /** Shown only when the user holds this permission. */
  permission?: Permission;
  /** Shown only when the user holds this role (the handler's portal needs no permission). */
  role?: string;
}

/** Areas that exist today, in menu order. New areas add a line here and a route in App.tsx. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', page: 'home', labelKey: 'nav.home', icon: <HomeOutlined aria-hidden /> },
  {
    path: '/persons',
    page: 'persons',
    labelKey: 'nav.persons',
    icon: <IdcardOutlined aria-hidden />,
    permission: 'person.read',
  },
  {
    path: '/hotline',
    page: 'hotline',
    labelKey: 'nav.hotline',
    icon: <PhoneOutlined aria-hidden />,
    permission: 'consultation.manage',
  },
  {
    path: '/consultations',
    page: 'consultations',
    labelKey: 'nav.consultations',
    icon: <CommentOutlined aria-hidden />,
    permission: 'consultation.read',
  },
  {
    path: '/bookings',
    page: 'bookings',
    labelKey: 'bookings.nav',
    icon: <CommentOutlined aria-hidden />,
    permission: 'consultation.read',
  },
  {
    path: '/complaints',
    page: 'complaints',
    labelKey: 'complaints.nav',
    icon: <CommentOutlined aria-hidden />,
    permission: 'complaint.read',
  },
  {
    path: '/quality/visits',
    page: 'visits',
    labelKey: 'visits.nav',
    icon: <CommentOutlined aria-hidden />,
    permission: 'quality.visit',
  },
  {
    path: '/quality/opinions',
    page: 'opinions',
    labelKey: 'opinions.nav',
    icon: <CommentOutlined aria-hidden />,
    permission: 'quality.opinion',
  },
  {
    path: '/quality/inspections',
    page: 'inspections',
    labelKey: 'inspections.nav',
    icon: <CommentOutlined aria-hidden />,
    permission: 'quality.inspect',
  },
  {
    path: '/quality/hearings',
    page: 'hearings',
    labelKey: 'hearings.nav',
    icon: <CommentOutlined aria-hidden />,
    permission: 'quality.observe',
  },
  {
    path: '/quality/centre-kpis',
    page: 'centreKpis',
    labelKey: 'kpis.nav',
    icon: <CommentOutlined aria-hidden />,
    permission: 'quality.kpi',
  },
  {
    path: '/fee-waivers',
    page: 'feeWaivers',
    labelKey: 'feeWaivers.nav',
    icon: <BankOutlined aria-hidden />,
    permission: 'funding.waiver',
  },
  {
    path: '/funding/budgets',
    page: 'budgets',
    labelKey: 'funding.nav.budgets',
    icon: <AccountBookOutlined aria-hidden />,
    permission: 'funding.read',
  },
  {
    path: '/funding/donations',
    page: 'donations',
    labelKey: 'funding.nav.donations',
    icon: <GiftOutlined aria-hidden />,
    permission: 'funding.read',
  },
  {
    path: '/funding/contracts',
    page: 'serviceContracts',
    labelKey: 'funding.nav.contracts',
    icon: <SolutionOutlined aria-hidden />,
    permission: 'funding.read',
  },
  {
    path: '/funding/subsidies',
    page: 'subsidyCalculations',
    labelKey: 'subsidyArea.nav.calculations',
    icon: <AccountBookOutlined aria-hidden />,
    permission: 'subsidy.read',
  },
  {
    path: '/funding/batches',
    page: 'subsidyBatches',
    labelKey: 'subsidyArea.nav.batches',
    icon: <BankOutlined aria-hidden />,
    permission: 'subsidy.read',
  },

  {
    path: '/messages',
    page: 'messages',
    labelKey: 'messages.nav',
    icon: <CommentOutlined aria-hidden />,
    permission: 'message.read',
  },
  {
    path: '/knowledge',
    page: 'knowledge',
    labelKey: 'nav.knowledge',
    icon: <ReadOutlined aria-hidden />,
    permission: 'knowledge.read',
  },
  {
    path: '/applications/new',
    page: 'intake',
    labelKey: 'nav.intake',
    icon: <FileAddOutlined aria-hidden />,
    permission: 'application.manage',
  },
  {
    path: '/inbox',
    page: 'inbox',
    labelKey: 'criminal.nav.inbox',
    icon: <InboxOutlined aria-hidden />,
    permission: 'application.read',
  },
  {
    path: '/applications',
    page: 'worklist',
    labelKey: 'nav.worklist',
    icon: <FileSearchOutlined aria-hidden />,
    permission: 'application.read',
  },
  {
    path: '/assignment',
    page: 'batchAssignment',
    labelKey: 'assignment.nav.batch',
    icon: <NodeIndexOutlined aria-hidden />,
    permission: 'application.approve',
  },
  {
    path: '/hearings',
    page: 'hearingCalendar',
    labelKey: 'work.calendar.centreTitle',
    icon: <CalendarOutlined aria-hidden />,
    permission: 'application.read',
  },
  {
    path: '/my-cases',
    page: 'myCases',
    labelKey: 'assignment.nav.myCases',
    icon: <ProfileOutlined aria-hidden />,
    role: 'handler',
  },
  {
    path: '/duty/my',
    page: 'myDuty',
    labelKey: 'duty.nav.my',
    icon: <ScheduleOutlined aria-hidden />,
    permission: 'duty.serve',
  },
  {
    path: '/duty/roster',
    page: 'dutyRoster',
    labelKey: 'duty.nav.roster',
    icon: <ScheduleOutlined aria-hidden />,
    permission: 'duty.manage',
  },
  {
    path: '/duty/stations',
    page: 'dutyStations',
    labelKey: 'duty.nav.stations',
    icon: <EnvironmentOutlined aria-hidden />,
    permission: 'duty.manage',
  },
  {
    path: '/duty/kpis',
    page: 'dutyKpis',
    labelKey: 'duty.nav.kpis',
    icon: <BarChartOutlined aria-hidden />,
    permission: 'application.read',
  },
  {
    path: '/handlers',
    page: 'handlers',
    labelKey: 'nav.handlers',
    icon: <SafetyCertificateOutlined aria-hidden />,
    permission: 'handler.read',
  },
  {
    path: '/teams',
    page: 'teams',
    labelKey: 'nav.teams',
    icon: <ClusterOutlined aria-hidden />,
    permission: 'handler.read',
  },
  {
    path: '/law-firms',
    page: 'lawFirms',
    labelKey: 'nav.lawFirms',
    icon: <BankOutlined aria-hidden />,
    permission: 'handler.read',
  },
  {
    path: '/organisations',
    page: 'organisations',
    labelKey: 'nav.organisations',
    icon: <ApartmentOutlined aria-hidden />,
    permission: 'org.read',
  },
  {
    path: '/users',
    page: 'users',
    labelKey: 'nav.users',
    icon: <TeamOutlined aria-hidden />,
    permission: 'user.read',
  },
  {
    path: '/audit',
    page: 'audit',
    labelKey: 'nav.audit',
    icon: <AuditOutlined aria-hidden />,
    permission: 'audit.read',
  },
  {
    path: '/partners',
    page: 'partners',
    labelKey: 'partners.nav',
    icon: <LinkOutlined aria-hidden />,
    permission: 'partner.manage',
  },
  // Rule data is public; every signed-in user may read it (editing needs rules.manage).
  { path: '/rules', page: 'rules', labelKey: 'nav.rules', icon: <BookOutlined aria-hidden /> },
  {
    path: '/deadlines',
    page: 'deadlines',
    labelKey: 'nav.deadlines',
    icon: <FieldTimeOutlined aria-hidden />,
  },
];

/** The menu entry a path belongs to: the exact entry (/applications/new), else its first segment's. */
export function navKeyOf(pathname: string): string {
  if (NAV_ITEMS.some((item) => item.path === pathname)) return pathname;
  const first = pathname.split('/')[1];
  return first ? `/${first}` : '/';
}

export function visibleNavItems(permissions: readonly string[], roles: readonly string[] = []): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      (!item.permission || permissions.includes(item.permission)) &&
      (!item.role || roles.includes(item.role)),
  );
}
