import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ErrorBoundary } from './components/ErrorBoundary';
import { PageLoading } from './components/PageLoading';
import { NotFound } from './components/StatusResults';
import { RequireAuth, RequirePermission, RequireRole } from './features/auth/RequireAuth';
import { pageLoaders } from './pages';
import { RequireCitizen } from './features/portal/RequireCitizen';

// One chunk per page; the login page does not download the admin pages.
const LoginPage = lazy(pageLoaders.login);
const ChangePasswordPage = lazy(pageLoaders.changePassword);
const MainLayout = lazy(pageLoaders.layout);
const HomePage = lazy(pageLoaders.home);
const OrganisationsPage = lazy(pageLoaders.organisations);
const UsersPage = lazy(pageLoaders.users);
const AuditPage = lazy(pageLoaders.audit);
const HandlersPage = lazy(pageLoaders.handlers);
const BatchAssignmentPage = lazy(pageLoaders.batchAssignment);
const MyCasesPage = lazy(pageLoaders.myCases);
const HearingCalendarPage = lazy(pageLoaders.hearingCalendar);
const DutyStationsPage = lazy(pageLoaders.dutyStations);
const DutyRosterPage = lazy(pageLoaders.dutyRoster);
const MyDutyPage = lazy(pageLoaders.myDuty);
const DutyKpisPage = lazy(pageLoaders.dutyKpis);
const HandlerCasePage = lazy(pageLoaders.handlerCase);
const TeamsPage = lazy(pageLoaders.teams);
const LawFirmsPage = lazy(pageLoaders.lawFirms);
const PersonsPage = lazy(pageLoaders.persons);
const ConsultationsPage = lazy(pageLoaders.consultations);
const HotlinePage = lazy(pageLoaders.hotline);
const KnowledgePage = lazy(pageLoaders.knowledge);
const ApplicationIntakePage = lazy(pageLoaders.intake);
const WorklistPage = lazy(pageLoaders.worklist);
const InboxPage = lazy(pageLoaders.inbox);
const PaperNoticePage = lazy(pageLoaders.paperNotice);
const ApplicationDetailPage = lazy(pageLoaders.application);
const CentreSettingsPage = lazy(pageLoaders.centreSettings);
const ProfilePage = lazy(pageLoaders.profile);
const SelfTestPage = lazy(pageLoaders.selfTest);
const PortalLayout = lazy(pageLoaders.portalLayout);
const PortalHomePage = lazy(pageLoaders.portalHome);
const PortalSignInPage = lazy(pageLoaders.portalSignIn);
const PortalApplyPage = lazy(pageLoaders.portalApply);
const PortalApplicationsPage = lazy(pageLoaders.portalApplications);
const PortalApplicationPage = lazy(pageLoaders.portalApplication);
const PortalAppointmentsPage = lazy(pageLoaders.portalAppointments);
const PortalComplaintsPage = lazy(pageLoaders.portalComplaints);
const PortalRatePage = lazy(pageLoaders.portalRate);
const BookingsPage = lazy(pageLoaders.bookings);
const ComplaintsPage = lazy(pageLoaders.complaints);
const VisitsPage = lazy(pageLoaders.visits);
const OpinionsPage = lazy(pageLoaders.opinions);
const InspectionsPage = lazy(pageLoaders.inspections);
const HearingsPage = lazy(pageLoaders.hearings);
const CentreKpisPage = lazy(pageLoaders.centreKpis);
const FeeWaiversPage = lazy(pageLoaders.feeWaivers);
const BudgetsPage = lazy(pageLoaders.budgets);
const DonationsPage = lazy(pageLoaders.donations);
const ContractsPage = lazy(pageLoaders.serviceContracts);
const SubsidyCalculationsPage = lazy(pageLoaders.subsidyCalculations);
const SubsidyBatchesPage = lazy(pageLoaders.subsidyBatches);
const MessagesPage = lazy(pageLoaders.messages);
const PortalInfoPage = lazy(pageLoaders.portalInfo);
const RulesPage = lazy(pageLoaders.rules);
const DeadlinesPage = lazy(pageLoaders.deadlines);
const PartnersPage = lazy(pageLoaders.partners);
const PartnerDetailPage = lazy(pageLoaders.partner);

export function App() {
  return (
    <BrowserRouter>
      <ErrorBoundary>
        <Suspense fallback={<PageLoading fullScreen />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/change-password" element={<ChangePasswordPage />} />
            {/* Public: no session needed. */}
            <Route path="/self-test" element={<SelfTestPage />} />
            {/* The public portal (网上服务): citizens sign in with an SMS code, never a staff session. */}
            <Route path="/portal" element={<PortalLayout />}>
              <Route index element={<PortalHomePage />} />
              <Route path="sign-in" element={<PortalSignInPage />} />
              <Route path="about" element={<PortalInfoPage />} />
              <Route
                path="apply"
                element={
                  <RequireCitizen>
                    <PortalApplyPage />
                  </RequireCitizen>
                }
              />
              <Route
                path="applications"
                element={
                  <RequireCitizen>
                    <PortalApplicationsPage />
                  </RequireCitizen>
                }
              />
              <Route
                path="applications/:id"
                element={
                  <RequireCitizen>
                    <PortalApplicationPage />
                  </RequireCitizen>
                }
              />
              <Route
                path="applications/:id/rate"
                element={
                  <RequireCitizen>
                    <PortalRatePage />
                  </RequireCitizen>
                }
              />
              <Route
                path="appointments"
                element={
                  <RequireCitizen>
                    <PortalAppointmentsPage />
                  </RequireCitizen>
                }
              />
              <Route
                path="complaints"
                element={
                  <RequireCitizen>
                    <PortalComplaintsPage />
                  </RequireCitizen>
                }
              />
            </Route>
            <Route
              element={
                <RequireAuth>
                  <MainLayout />
                </RequireAuth>
              }
            >
              <Route index element={<HomePage />} />
              <Route
                path="persons"
                element={
                  <RequirePermission permission="person.read">
                    <PersonsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="consultations"
                element={
                  <RequirePermission permission="consultation.read">
                    <ConsultationsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="bookings"
                element={
                  <RequirePermission permission="consultation.read">
                    <BookingsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="complaints"
                element={
                  <RequirePermission permission="complaint.read">
                    <ComplaintsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="quality/visits"
                element={
                  <RequirePermission permission="quality.visit">
                    <VisitsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="quality/opinions"
                element={
                  <RequirePermission permission="quality.opinion">
                    <OpinionsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="quality/inspections"
                element={
                  <RequirePermission permission="quality.inspect">
                    <InspectionsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="quality/hearings"
                element={
                  <RequirePermission permission="quality.observe">
                    <HearingsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="quality/centre-kpis"
                element={
                  <RequirePermission permission="quality.kpi">
                    <CentreKpisPage />
                  </RequirePermission>
                }
              />
              <Route
                path="fee-waivers"
                element={
                  <RequirePermission permission="funding.waiver">
                    <FeeWaiversPage />
                  </RequirePermission>
                }
              />
              <Route
                path="funding/budgets"
                element={
                  <RequirePermission permission="funding.read">
                    <BudgetsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="funding/donations"
                element={
                  <RequirePermission permission="funding.read">
                    <DonationsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="funding/subsidies"
                element={
                  <RequirePermission permission="subsidy.read">
                    <SubsidyCalculationsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="funding/batches"
                element={
                  <RequirePermission permission="subsidy.read">
                    <SubsidyBatchesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="funding/contracts"
                element={
                  <RequirePermission permission="funding.read">
                    <ContractsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="messages"
                element={
                  <RequirePermission permission="message.read">
                    <MessagesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="hotline"
                element={
                  <RequirePermission permission="consultation.manage">
                    <HotlinePage />
                  </RequirePermission>
                }
              />
              <Route
                path="knowledge"
                element={
                  <RequirePermission permission="knowledge.read">
                    <KnowledgePage />
                  </RequirePermission>
                }
              />
              <Route
                path="applications"
                element={
                  <RequirePermission permission="application.read">
                    <WorklistPage />
                  </RequirePermission>
                }
              />
              <Route
                path="inbox"
                element={
                  <RequirePermission permission="application.read">
                    <InboxPage />
                  </RequirePermission>
                }
              />
              <Route
                path="inbox/paper-notice"
                element={
                  <RequirePermission permission="application.manage">
                    <PaperNoticePage />
                  </RequirePermission>
                }
              />
              <Route
                path="applications/new"
                element={
                  <RequirePermission permission="application.manage">
                    <ApplicationIntakePage />
                  </RequirePermission>
                }
              />
              <Route
                path="applications/settings"
                element={
                  <RequirePermission permission="application.approve">
                    <CentreSettingsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="applications/:id"
                element={
                  <RequirePermission permission="application.read">
                    <ApplicationDetailPage />
                  </RequirePermission>
                }
              />
              <Route
                path="assignment"
                element={
                  <RequirePermission permission="application.approve">
                    <BatchAssignmentPage />
                  </RequirePermission>
                }
              />
              <Route
                path="hearings"
                element={
                  <RequirePermission permission="application.read">
                    <HearingCalendarPage />
                  </RequirePermission>
                }
              />
              <Route
                path="duty/stations"
                element={
                  <RequirePermission permission="duty.manage">
                    <DutyStationsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="duty/roster"
                element={
                  <RequirePermission permission="duty.manage">
                    <DutyRosterPage />
                  </RequirePermission>
                }
              />
              <Route
                path="duty/my"
                element={
                  <RequirePermission permission="duty.serve">
                    <MyDutyPage />
                  </RequirePermission>
                }
              />
              <Route
                path="duty/kpis"
                element={
                  <RequirePermission permission="application.read">
                    <DutyKpisPage />
                  </RequirePermission>
                }
              />
              <Route
                path="my-cases"
                element={
                  <RequireRole role="handler">
                    <MyCasesPage />
                  </RequireRole>
                }
              />
              <Route
                path="my-cases/:id"
                element={
                  <RequireRole role="handler">
                    <HandlerCasePage />
                  </RequireRole>
                }
              />
              <Route
                path="handlers"
                element={
                  <RequirePermission permission="handler.read">
                    <HandlersPage />
                  </RequirePermission>
                }
              />
              <Route
                path="teams"
                element={
                  <RequirePermission permission="handler.read">
                    <TeamsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="law-firms"
                element={
                  <RequirePermission permission="handler.read">
                    <LawFirmsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="organisations"
                element={
                  <RequirePermission permission="org.read">
                    <OrganisationsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="users"
                element={
                  <RequirePermission permission="user.read">
                    <UsersPage />
                  </RequirePermission>
                }
              />
              <Route
                path="partners"
                element={
                  <RequirePermission permission="partner.manage">
                    <PartnersPage />
                  </RequirePermission>
                }
              />
              <Route
                path="partners/:id"
                element={
                  <RequirePermission permission="partner.manage">
                    <PartnerDetailPage />
                  </RequirePermission>
                }
              />
              <Route
                path="audit"
                element={
                  <RequirePermission permission="audit.read">
                    <AuditPage />
                  </RequirePermission>
                }
              />
              {/* Rules are public data; editing them needs rules.manage (checked on the page and by the server). */}
              <Route path="rules" element={<RulesPage />} />
              <Route path="deadlines" element={<DeadlinesPage />} />
              <Route path="profile" element={<ProfilePage />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </Suspense>
      </ErrorBoundary>
    </BrowserRouter>
  );
}
