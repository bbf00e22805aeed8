import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Modal, Skeleton, Tag, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { assignmentApi, type ApplicationDetail, type AssignmentCandidate } from '../../api';
import { errorMessage, ErrorState } from '../../components/ErrorState';
import { SubmitFormModal } from '../../components/FormModal';
import { useApplicationAction } from '../applications/useApplicationAction';
import { useCandidates } from './useCandidates';
import { ineligibleReasons, ReasonList } from './ReasonList';
import { kindLabel } from './reasons';
import { ScoreTags } from './ScoreTags';
import { DetailsToggle, Highlights } from './Highlights';
import { splitCandidates, toManualAssignInput, type ManualAssignValues } from './assignRequests';

interface Props {
  application: ApplicationDetail;
  open: boolean;
  onClose: () => void;
}

/**
 * One handler of the pool for a case: the recommended one marked, why in words (the score and its
 * parts behind 详情), or, greyed, what stands in the way with its legal basis. `onChoose` offers a button
 * (`chooseLabel`, default 改选此人); `selected` marks the one chosen in a picker.
 */
export function CandidateCard({
  candidate,
  best,
  onChoose,
  chooseLabel,
  selected = false,
}: {
  candidate: AssignmentCandidate;
  best: boolean;
  onChoose?: () => void;
  chooseLabel?: string;
  selected?: boolean;
}) {
  const { t } = useTranslation();
  const blocking = candidate.reasons.filter((r) => r.blocking);
  return (
    <Card
      size="small"
      data-testid="candidate"
      data-handler={candidate.handler.name}
      data-eligible={candidate.eligible}
      data-selected={selected}
      style={
        candidate.eligible
          ? selected
            ? { borderColor: 'var(--ant-color-primary, #1677ff)' }
            : undefined
          : { background: 'var(--ant-color-fill-quaternary, #fafafa)' }
      }
    >
      <Flex vertical gap={6}>
        <Flex wrap align="center" justify="space-between" gap={8}>
          <Flex wrap align="center" gap={8}>
            <Typography.Text strong type={candidate.eligible ? undefined : 'secondary'}>
              {candidate.handler.name}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {kindLabel(t, candidate.handler.kind)}
            </Typography.Text>
            {best && (
              <Tag color="gold" icon={<StarFilled aria-hidden />}>
                {t('assignment.panel.best')}
              </Tag>
            )}
            <Tag color={candidate.eligible ? 'green' : 'default'}>
              {candidate.eligible ? t('assignment.panel.eligible') : t('assignment.panel.ineligible')}
            </Tag>
          </Flex>
          {selected ? (
            <Tag color="blue">{t('assignment.picker.chosen')}</Tag>
          ) : (
            onChoose && (
              <Button size="small" onClick={onChoose}>
                {chooseLabel ?? t('assignment.panel.choose')}
              </Button>
            )
          )}
        </Flex>
        {candidate.eligible && <Highlights highlights={candidate.highlights} />}
        {candidate.score !== null && (
          <DetailsToggle>
            <ScoreTags score={candidate.score} parts={candidate.scoreParts} />
          </DetailsToggle>
        )}
        {!candidate.eligible && <ReasonList reasons={blocking} />}
      </Flex>
    </Card>
  );
}

/** A manual choice of another eligible candidate: the reason is required (kept on the case file). */
function ManualAssignModal({
  application,
  candidate,
  onClose,
  onDone,
}: {
  application: ApplicationDetail;
  candidate: AssignmentCandidate | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ManualAssignValues>();
  const send = useApplicationAction(
    application.id,
    (values: ManualAssignValues) =>
      assignmentApi.assign(application.id, toManualAssignInput(candidate ?? { handlerId: '' }, values)),
    t('assignment.actions.assigned', { name: candidate?.handler.name ?? '' }),
    onDone,
  );
  const reasons = ineligibleReasons(send.error);
  return (
    <SubmitFormModal<ManualAssignValues>
      open={candidate !== null}
      title={t('assignment.manual.title', { name: candidate?.handler.name ?? '' })}
      name="manualAssign"
      form={form}
      firstField="reason"
      okText={t('assignment.manual.submit')}
      send={send}
      onClose={onClose}
      errorFields={{ ASSIGNMENT_REASON_REQUIRED: 'reason' }}
    >
      <Typography.Paragraph type="secondary">{t('assignment.manual.intro')}</Typography.Paragraph>
      {reasons.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <ReasonList reasons={reasons} />
        </div>
      )}
      <Form.Item
        label={t('assignment.manual.reason')}
        name="reason"
        rules={[{ required: true, whitespace: true, message: t('assignment.manual.reasonRequired') }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} autoFocus />
      </Form.Item>
    </SubmitFormModal>
  );
}

/**
 * 指派: every handler in the pool for the case — eligible ones by score with what the score is made
 * of, the ineligible ones greyed with what stands in the way and its legal basis (LAL art.26,
 * MPL art.104, 回避) — the recommended one in one click, or another with a reason.
 */
export function AssignModal({ application, open, onClose }: Props) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<AssignmentCandidate | null>(null);
  const query = useCandidates(application.id, open);
  const best = query.data?.best ?? null;
  const assignBest = useApplicationAction(
    application.id,
    () => assignmentApi.assign(application.id, {}),
    t('assignment.actions.assigned', { name: best?.handler.name ?? '' }),
    onClose,
  );
  const close = () => {
    assignBest.reset();
    onClose();
  };
  const { eligible, ineligible } = splitCandidates(query.data?.candidates ?? []);
  const bestReasons = ineligibleReasons(assignBest.error);

  return (
    <Modal
      open={open}
      title={t('assignment.panel.title')}
      width={760}
      footer={null}
      onCancel={close}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('assignment.panel.intro')}</Typography.Text>
        {query.isPending && <Skeleton active />}
        {query.isError && <ErrorState compact error={query.error} onRetry={() => void query.refetch()} />}
        {query.data && (
          <>
            {best ? (
              <Flex wrap align="center" gap={8}>
                <Button
                  type="primary"
                  loading={assignBest.isPending}
                  onClick={() => assignBest.mutate(undefined)}
                >
                  {t('assignment.panel.assignBest')}
                </Button>
                <Typography.Text data-testid="best">
                  {t('assignment.panel.bestName', { name: best.handler.name })}
                </Typography.Text>
                <Highlights highlights={best.highlights} />
              </Flex>
            ) : (
              <Alert type="warning" showIcon title={t('assignment.panel.noBest')} />
            )}
            {assignBest.error !== null && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={errorMessage(assignBest.error, t('errors.network'))}
                description={bestReasons.length > 0 ? <ReasonList reasons={bestReasons} /> : undefined}
              />
            )}
            {query.data.candidates.length === 0 ? (
              <Typography.Text type="secondary">{t('assignment.panel.empty')}</Typography.Text>
            ) : (
              <Flex vertical gap={8} role="list" aria-label={t('assignment.panel.candidates')}>
                {[...eligible, ...ineligible].map((c) => (
                  <div role="listitem" key={c.handlerId}>
                    <CandidateCard
                      candidate={c}
                      best={c.handlerId === best?.handlerId}
                      onChoose={
                        c.eligible && c.handlerId !== best?.handlerId ? () => setChosen(c) : undefined
                      }
                    />
                  </div>
                ))}
              </Flex>
            )}
          </>
        )}
      </Flex>
      <ManualAssignModal
        application={application}
        candidate={chosen}
        onClose={() => setChosen(null)}
        onDone={() => {
          setChosen(null);
          onClose();
        }}
      />
    </Modal>
  );
}

/** 更换承办人员: with a reason; the case returns to the queue. */
export function ChangeHandlerModal({ application, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const send = useApplicationAction(
    application.id,
    (values: { reason: string }) =>
      assignmentApi.changeHandler(application.id, { reason: values.reason.trim() }),
    t('assignment.actions.changed'),
    onClose,
  );
  return (
    <SubmitFormModal<{ reason: string }>
      open={open}
      title={t('assignment.change.title')}
      name="changeHandler"
      form={form}
      firstField="reason"
      send={send}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('assignment.change.intro')}</Typography.Paragraph>
      <Form.Item
        label={t('assignment.change.reason')}
        name="reason"
        rules={[{ required: true, whitespace: true, message: t('assignment.change.reasonRequired') }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} autoFocus />
      </Form.Item>
    </SubmitFormModal>
  );
}
