import { useState } from 'react';
import { Alert, Button, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  applicationsApi,
  caseworkApi,
  type ApplicationDetail,
  type CaseArchive,
  type Permission,
} from '../../api';
import { errorMessage } from '../../components/ErrorState';
import { useCan } from '../auth/session';
import { AssignModal, ChangeHandlerModal } from '../assignment/AssignModal';
import { ClosingReviewModal, TerminateModal } from '../casework/CentreModals';
import { EvaluationModal } from '../quality/EvaluationModal';
import { SubsidyPaymentModal } from '../subsidies/SubsidyPaymentModal';
import { beijingDateTime } from '../rules/beijingTime';
import { outstandingMaterials } from './actionRequests';
import { ApprovalModal, DecideModal } from './DecisionModals';
import { ObjectionModal, WithdrawModal } from './ObjectionModals';
import { DeliveryModal, undeliveredDocuments } from './DeliveryModal';
import { ProvisionalAidModal } from './ProvisionalAidModal';
import { MaterialsReceivedModal, SupplementModal } from './SupplementModals';
import { useApplicationAction } from './useApplicationAction';

type Dialog =
  | 'supplement'
  | 'received'
  | 'decide'
  | 'approve'
  | 'provisional'
  | 'withdraw'
  | 'objection'
  | 'delivery'
  | 'assign'
  | 'changeHandler'
  | 'terminate'
  | 'reviewClosing'
  | 'evaluate'
  | 'paySubsidy';

/** States in which materials may still come in (before a decision). */
const OPEN_STATES = new Set(['received', 'supplement_requested', 'under_review', 'provisional_aid']);

/**
 * What the signed-in user may do now: the server's `allowedEvents` (the lifecycle table, by role)
 * and the permission each endpoint needs. Objection decisions are in the objections tab.
 */
export function actionsFor(application: ApplicationDetail, can: (p: Permission) => boolean) {
  const allowed = (event: string) => application.allowedEvents.includes(event);
  const outstanding = outstandingMaterials(application.materials).length > 0;
  return {
    startReview: allowed('start_review') && can('application.decide'),
    supplement: allowed('request_supplement') && can('application.manage'),
    received:
      can('application.manage') &&
      outstanding &&
      (allowed('supplement_received') || OPEN_STATES.has(application.state)),
    decide:
      (allowed('grant') || allowed('refuse')) && can('application.decide') && !application.pendingDecision,
    approve: application.pendingDecision !== null && can('application.approve'),
    provisional: allowed('grant_provisional_aid') && can('application.approve'),
    formalities: allowed('complete_formalities') && can('application.decide'),
    withdraw: allowed('withdraw') && can('application.manage'),
    objection: allowed('file_objection') && (can('application.manage') || can('objection.decide')),
    // 送达: a refusal's objection period runs from the delivery (BJR art.24).
    delivery: can('application.manage') && undeliveredDocuments(application).length > 0,
    // 指派 and 更换 are the director's (LAL art.36; LAL art.55).
    assign: allowed('assign') && can('application.approve'),
    changeHandler: allowed('change_handler') && can('application.approve'),
    // Termination and archive are the director's (LAL art.48; lifecycle ASSIGNERS); the closing is
    // reviewed by the reviewer or director while one waits (BJR art.32).
    terminate: allowed('terminate') && can('application.approve'),
    // A terminated case is closed on the work done once no objection can reopen it (LAL art.49).
    reviewClosing:
      (allowed('accept_closing') || allowed('return_closing')) &&
      can('application.decide') &&
      (application.state === 'closing_submitted' || application.state === 'terminated'),
    // After the closing: the quality evaluation (LAL art.57, art.59), then finance's subsidy (art.52).
    evaluate: allowed('record_evaluation') && can('quality.evaluate'),
    paySubsidy: allowed('record_subsidy_paid') && can('subsidy.pay'),
    archive: allowed('archive') && can('application.approve'),
  };
}

export function ApplicationActions({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const actions = actionsFor(application, can);
  const startReview = useApplicationAction(
    application.id,
    () => applicationsApi.startReview(application.id),
    t('applications.actions.reviewStarted'),
  );
  const formalities = useApplicationAction(
    application.id,
    () => applicationsApi.completeFormalities(application.id),
    t('applications.actions.done', { action: t('applications.actions.completeFormalities') }),
  );
  const archive = useApplicationAction(
    application.id,
    () => caseworkApi.archive(application.id),
    (result) =>
      t('casework.archive.done', { date: beijingDateTime((result as CaseArchive).retentionUntil).date }),
  );
  const buttonError = startReview.error ?? formalities.error ?? archive.error;
  if (!Object.values(actions).some(Boolean)) return null;

  const open = (name: Dialog, label: string, primary = false) => (
    <Button type={primary ? 'primary' : 'default'} onClick={() => setDialog(name)}>
      {label}
    </Button>
  );
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8} role="toolbar" aria-label={t('applications.actions.title')}>
        {actions.startReview && (
          <Popconfirm
            title={t('applications.actions.startReviewConfirm')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => startReview.mutate(undefined)}
          >
            <Button type="primary" loading={startReview.isPending}>
              {t('applications.actions.startReview')}
            </Button>
          </Popconfirm>
        )}
        {actions.assign && open('assign', t('assignment.actions.assign'), true)}
        {actions.decide && open('decide', t('applications.actions.decide'), true)}
        {actions.approve && open('approve', t('applications.actions.approve'), true)}
        {actions.supplement && open('supplement', t('applications.actions.requestSupplement'))}
        {actions.received && open('received', t('applications.actions.materialsReceived'))}
        {actions.provisional && open('provisional', t('applications.actions.provisionalAid'))}
        {actions.formalities && (
          <Popconfirm
            title={t('applications.actions.completeFormalitiesConfirm')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => formalities.mutate(undefined)}
          >
            <Button loading={formalities.isPending}>{t('applications.actions.completeFormalities')}</Button>
          </Popconfirm>
        )}
        {actions.delivery &&
          open('delivery', t('applications.actions.recordDelivery'), application.awaitingDelivery)}
        {actions.objection && open('objection', t('applications.actions.fileObjection'))}
        {actions.reviewClosing && open('reviewClosing', t('casework.closing.review'), true)}
        {actions.evaluate && open('evaluate', t('quality.evaluate'), true)}
        {actions.paySubsidy && open('paySubsidy', t('subsidies.pay'), true)}
        {actions.changeHandler && open('changeHandler', t('assignment.actions.changeHandler'))}
        {actions.archive && (
          <Popconfirm
            title={t('casework.archive.confirm')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => archive.mutate(undefined)}
          >
            <Button loading={archive.isPending}>{t('casework.archive.action')}</Button>
          </Popconfirm>
        )}
        {actions.terminate && (
          <Button danger onClick={() => setDialog('terminate')}>
            {t('casework.termination.decide')}
          </Button>
        )}
        {actions.withdraw && (
          <Button danger onClick={() => setDialog('withdraw')}>
            {t('applications.actions.withdraw')}
          </Button>
        )}
      </Flex>
      {buttonError !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable={{
            onClose: () => {
              startReview.reset();
              formalities.reset();
              archive.reset();
            },
          }}
          title={errorMessage(buttonError, t('errors.network'))}
        />
      )}
      <SupplementModal application={application} open={dialog === 'supplement'} onClose={close} />
      <MaterialsReceivedModal application={application} open={dialog === 'received'} onClose={close} />
      <DecideModal application={application} open={dialog === 'decide'} onClose={close} />
      <ApprovalModal application={application} open={dialog === 'approve'} onClose={close} />
      <ProvisionalAidModal application={application} open={dialog === 'provisional'} onClose={close} />
      <WithdrawModal application={application} open={dialog === 'withdraw'} onClose={close} />
      <ObjectionModal application={application} open={dialog === 'objection'} onClose={close} />
      <DeliveryModal application={application} open={dialog === 'delivery'} onClose={close} />
      <AssignModal application={application} open={dialog === 'assign'} onClose={close} />
      <ChangeHandlerModal application={application} open={dialog === 'changeHandler'} onClose={close} />
      <TerminateModal application={application} open={dialog === 'terminate'} onClose={close} />
      <ClosingReviewModal application={application} open={dialog === 'reviewClosing'} onClose={close} />
      <EvaluationModal application={application} open={dialog === 'evaluate'} onClose={close} />
      <SubsidyPaymentModal application={application} open={dialog === 'paySubsidy'} onClose={close} />
    </Flex>
  );
}
