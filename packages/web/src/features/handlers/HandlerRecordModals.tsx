import { App, Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { HANDLER_CONFLICT_KINDS } from '@fayuan/domain';
import {
  handlersApi,
  type HandlerConflictKind,
  type HandlerDetail,
  type HandlerStatusAction,
} from '../../api';
import { FormModal } from '../../components/FormModal';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { DATE } from './handlerFormValues';
import { afterBeijingToday, beijingTodayValue } from '../rules/beijingTime';

/**
 * Approve, suspend, reinstate or exit: a reason and the date it takes effect (today by default), and
 * the open quality concerns (承办业绩) it rests on, when there are any.
 */
interface StatusValues {
  reason: string;
  effectiveOn: Dayjs;
  qualityConcernIds?: string[];
}

export function StatusModal({
  handler,
  action,
  onClose,
}: {
  handler: HandlerDetail;
  action: HandlerStatusAction | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StatusValues>();
  // The open quality concerns (承办业绩) the decision may rest on: shown for the review, named if chosen.
  const concerns = handler.track.quality.concerns.filter(
    (c): c is typeof c & { id: string } => c.id !== null,
  );
  const queryClient = useQueryClient();
  const label = action ? t(`handlers.actions.${action}`) : '';
  const change = useMutation({
    mutationFn: (values: StatusValues) =>
      handlersApi.changeStatus(handler.id, {
        action: action!,
        reason: values.reason.trim(),
        effectiveOn: values.effectiveOn.format(DATE),
        version: handler.version,
        ...(values.qualityConcernIds?.length ? { qualityConcernIds: values.qualityConcernIds } : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['handlers'] });
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
      void message.success(t('handlers.statusChanged', { action: label }));
      close();
    },
  });
  const close = () => {
    change.reset();
    onClose();
  };
  return (
    <FormModal<StatusValues>
      open={action !== null}
      title={t('handlers.statusTitle', { action: label, name: handler.name })}
      name="handlerStatus"
      form={form}
      firstField="reason"
      initialValues={{ effectiveOn: beijingTodayValue() }}
      onFinish={(values) => change.mutate(values)}
      onCancel={close}
      submitting={change.isPending}
      error={change.error}
      errorFields={{ HANDLER_DATES_INVALID: 'effectiveOn', HANDLER_CONCERN_UNKNOWN: 'qualityConcernIds' }}
    >
      {concerns.length > 0 && (
        <Form.Item
          name="qualityConcernIds"
          label={t('handlers.statusConcerns')}
          extra={t('handlers.statusConcernsHelp')}
        >
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={concerns.map((c) => ({
              value: c.id,
              label: `${i18n.language === 'en-US' ? c.nameEn : c.nameZh}（${c.value} / ${c.limit}）`,
            }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={t('handlers.reason')}
        rules={[{ required: true, whitespace: true, message: t('handlers.reasonRequired') }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} autoFocus />
      </Form.Item>
      <Form.Item name="effectiveOn" label={t('handlers.effectiveOn')} rules={[{ required: true }]}>
        <DatePicker disabledDate={afterBeijingToday} />
      </Form.Item>
    </FormModal>
  );
}

interface TrainingValues {
  title: string;
  hours: number;
  heldOn: Dayjs;
  provider?: string;
}

export function TrainingModal({
  handlerId,
  open,
  onClose,
}: {
  handlerId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TrainingValues>();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const add = useMutation({
    mutationFn: (values: TrainingValues) => {
      const input = {
        title: values.title.trim(),
        hours: values.hours,
        heldOn: values.heldOn.format(DATE),
        provider: values.provider?.trim() || null,
      };
      return handlersApi.addTraining(handlerId, input, keyFor(input));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['handlers', 'detail', handlerId] });
      void message.success(t('handlers.training.added'));
      close();
    },
  });
  const close = () => {
    add.reset();
    onClose();
  };
  return (
    <FormModal<TrainingValues>
      open={open}
      title={t('handlers.training.add')}
      name="handlerTraining"
      form={form}
      firstField="title"
      onFinish={(values) => add.mutate(values)}
      onCancel={close}
      submitting={add.isPending}
      error={add.error}
      errorFields={{ HANDLER_DATES_INVALID: 'heldOn' }}
    >
      <Form.Item
        name="title"
        label={t('handlers.training.title')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Form.Item name="hours" label={t('handlers.training.hours')} rules={[{ required: true }]}>
        <InputNumber min={0.5} max={999} step={0.5} />
      </Form.Item>
      <Form.Item name="heldOn" label={t('handlers.training.heldOn')} rules={[{ required: true }]}>
        <DatePicker disabledDate={afterBeijingToday} />
      </Form.Item>
      <Form.Item name="provider" label={t('handlers.training.provider')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

interface ConflictValues {
  kind: HandlerConflictKind;
  partyName: string;
  note?: string;
}

export function ConflictModal({
  handlerId,
  open,
  onClose,
}: {
  handlerId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConflictValues>();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const add = useMutation({
    mutationFn: (values: ConflictValues) => {
      const input = {
        kind: values.kind,
        partyName: values.partyName.trim(),
        note: values.note?.trim() || null,
      };
      return handlersApi.addConflict(handlerId, input, keyFor(input));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['handlers', 'detail', handlerId] });
      void message.success(t('handlers.conflicts.added'));
      close();
    },
  });
  const close = () => {
    add.reset();
    onClose();
  };
  return (
    <FormModal<ConflictValues>
      open={open}
      title={t('handlers.conflicts.add')}
      name="handlerConflict"
      form={form}
      firstField="kind"
      initialValues={{ kind: 'opposing_party' }}
      onFinish={(values) => add.mutate(values)}
      onCancel={close}
      submitting={add.isPending}
      error={add.error}
    >
      <Form.Item name="kind" label={t('handlers.conflicts.kind')} rules={[{ required: true }]}>
        <Select
          options={HANDLER_CONFLICT_KINDS.map((k) => ({
            value: k,
            label: t(`handlers.conflicts.kinds.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="partyName"
        label={t('handlers.conflicts.partyName')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="note" label={t('handlers.conflicts.note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </FormModal>
  );
}
