import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import type { Permission } from '../../api';

export interface NavItem {
  path: string;
  labelKey: 'nav.home' | 'nav.organisations' | 'nav.users' | 'nav.audit';
  icon: ReactNode;
  /** Shown only when the user holds this permission. */
  permission?: Permission;
}

/** Areas that exist today, in menu order. New areas add a line here and a route in App.tsx. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <HomeOutlined /> },
  {
    path: '/organisations',
    labelKey: 'nav.organisations',
    icon: <ApartmentOutlined />,
    permission: 'org.read',
  },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

export function visibleNavItems(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || permissions.includes(item.permission));
}
