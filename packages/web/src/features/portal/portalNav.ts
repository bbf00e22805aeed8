/**
 * The portal's navigation: each part of the portal adds its pages here (label keys in the
 * `portal.nav` catalog). `signedIn: true` links show only to a signed-in citizen.
 */
import type { ParseKeys } from 'i18next';

export interface PortalNavItem {
  to: string;
  labelKey: ParseKeys;
  signedIn?: boolean;
}

export const PORTAL_NAV: PortalNavItem[] = [
  { to: '/portal', labelKey: 'portal.nav.home' },
  { to: '/portal/apply', labelKey: 'portalApply.nav' },
  { to: '/portal/applications', labelKey: 'portalApply.navMine', signedIn: true },
  { to: '/portal/appointments', labelKey: 'portalEngage.nav' },
  { to: '/portal/complaints', labelKey: 'portalEngage.navComplaints' },
  { to: '/self-test', labelKey: 'portal.nav.selfTest' },
  { to: '/portal/about', labelKey: 'portalInfo.nav' },
];
