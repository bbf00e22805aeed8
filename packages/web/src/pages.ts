// Page modules, loaded on demand (one chunk each). App.tsx wraps them in React.lazy; the main layout
// preloads the ones the user may open, so a menu click switches pages without waiting for the network.
export const pageLoaders = {
  login: () => import('./features/auth/LoginPage'),
  changePassword: () => import('./features/auth/ChangePasswordPage'),
  layout: () => import('./features/layout/MainLayout'),
  home: () => import('./features/layout/HomePage'),
  organisations: () => import('./features/organisations/OrganisationsPage'),
  users: () => import('./features/users/UsersPage'),
  persons: () => import('./features/persons/PersonsPage'),
  consultations: () => import('./features/consultations/ConsultationsPage'),
  hotline: () => import('./features/consultations/HotlinePage'),
  knowledge: () => import('./features/knowledge/KnowledgePage'),
  intake: () => import('./features/applications/ApplicationIntakePage'),
  worklist: () => import('./features/applications/WorklistPage'),
  inbox: () => import('./features/criminal/InboxPage'),
  paperNotice: () => import('./features/criminal/PaperNoticePage'),
  application: () => import('./features/applications/ApplicationDetailPage'),
  centreSettings: () => import('./features/applications/CentreSettingsPage'),
  batchAssignment: () => import('./features/assignment/BatchAssignmentPage'),
  myCases: () => import('./features/assignment/MyCasesPage'),
  handlerCase: () => import('./features/casework/HandlerCasePage'),
  hearingCalendar: () => import('./features/casework/HearingCalendarPage'),
  handlers: () => import('./features/handlers/HandlersPage'),
  teams: () => import('./features/handlers/TeamsPage'),
  lawFirms: () => import('./features/handlers/LawFirmsPage'),
  audit: () => import('./features/audit/AuditPage'),
  profile: () => import('./features/profile/ProfilePage'),
  selfTest: () => import('./features/selftest/SelfTestPage'),
  portalLayout: () => import('./features/portal/PortalLayout'),
  portalHome: () => import('./features/portal/PortalHomePage'),
  portalSignIn: () => import('./features/portal/PortalSignInPage'),
  portalApply: () => import('./features/portal/applications/PortalApplyPage'),
  portalApplications: () => import('./features/portal/applications/PortalApplicationsPage'),
  portalApplication: () => import('./features/portal/applications/PortalApplicationPage'),
  rules: () => import('./features/rules/RulesPage'),
  deadlines: () => import('./features/deadlines/DeadlinesPage'),
  dutyStations: () => import('./features/duty/DutyStationsPage'),
  dutyRoster: () => import('./features/duty/DutyRosterPage'),
  myDuty: () => import('./features/duty/MyDutyPage'),
  dutyKpis: () => import('./features/duty/DutyKpisPage'),
  partners: () => import('./features/partners/PartnersPage'),
  partner: () => import('./features/partners/PartnerDetailPage'),
};

export type PageName = keyof typeof pageLoaders;

export function preloadPages(names: readonly PageName[]): void {
  for (const name of names) void pageLoaders[name]().catch(() => undefined);
}
