import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/ErrorState';
import { useCurrentUser } from '../auth/session';
import { yuanToFen } from '../applications/applicationFormValues';
import { CalculationLines } from './CalculationLines';
import { subsidyAreaApi, subsidyAreaKeys, type Calculation, type ReviewFactsBody } from './subsidiesApi';

const COST_KINDS = [
  'copying',
  'travel',
  'communication',
  'meals',
  'investigation',
  'interpretation',
  'other',
] as const;

interface FactsValues {
  extraStages: number;
  extraParties: number;
  remoteTravel: boolean;
  complex: boolean;
  costs: { kind: (typeof COST_KINDS)[number]; claimedYuan: number; note?: string }[];
}

/** The review facts form's values as the request body (pure). */
export function toReviewFacts(values: FactsValues, version: number): ReviewFactsBody {
  return {
    version,
    declared: {
      extraStages: values.extraStages ?? 0,
      extraParties: values.extraParties ?? 0,
      remoteTravel: Boolean(values.remoteTravel),
      complex: Boolean(values.complex),
    },
    costs: (values.costs ?? [])
      .filter((c) => c && c.claimedYuan > 0)
      .map((c) => ({ kind: c.kind, claimedFen: yuanToFen(c.claimedYuan), note: c.note?.trim() ?? '' })),
  };
}

/** One calculation: its lines, finance's review facts and costs, 核定 with an adjustment, 复核, 退回. */
export function CalculationDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FactsValues>();
  const [approving, setApproving] = useState(false);
  const [approveForm] = Form.useForm<{ adjustmentYuan?: number; adjustmentReason?: string }>();
  const query = useQuery({
    queryKey: subsidyAreaKeys.calculation(id ?? ''),
    queryFn: () => subsidyAreaApi.calculation(id ?? ''),
    enabled: id !== null,
  });
  const calc = query.data;
  useEffect(() => {
    if (!calc) return;
    form.setFieldsValue({
      ...calc.declared,
      costs: calc.costs.map((c) => ({ kind: c.kind, claimedYuan: c.claimedFen / 100, note: c.note })),
    });
  }, [calc, form]);
  const done = (next: Calculation, words: string) => {
    queryClient.setQueryData(subsidyAreaKeys.calculation(next.id), next);
    void queryClient.invalidateQueries({ queryKey: subsidyAreaKeys.all });
    void message.success(words);
  };
  const recalc = useMutation({
    mutationFn: (c: Calculation) =>
      subsidyAreaApi.reviewFacts(c.id, toReviewFacts(form.getFieldsValue(), c.version)),
    onSuccess: (next) => done(next, t('subsidyArea.drawer.recalculated')),
  });
  const approve = useMutation({
    mutationFn: (v: { c: Calculation; adjustmentYuan?: number; adjustmentReason?: string }) =>
      subsidyAreaApi.approve(v.c.id, {
        version: v.c.version,
        ...(v.adjustmentYuan ? { adjustmentFen: yuanToFen(v.adjustmentYuan) } : {}),
        ...(v.adjustmentReason?.trim() ? { adjustmentReason: v.adjustmentReason.trim() } : {}),
      }),
    onSuccess: (next) => {
      setApproving(false);
      approveForm.resetFields();
      done(
        next,
        t(
          next.status === 'pending_second'
            ? 'subsidyArea.drawer.waitingSecond'
            : 'subsidyArea.drawer.approved',
        ),
      );
    },
  });
  const second = useMutation({
    mutationFn: (v: { c: Calculation; approve: boolean }) =>
      subsidyAreaApi.secondApproval(v.c.id, v.c.version, v.approve),
    onSuccess: (next) => done(next, t('subsidyArea.drawer.approved')),
  });
  const reopen = useMutation({
    mutationFn: (c: Calculation) => subsidyAreaApi.reopen(c.id, c.version),
    onSuccess: (next) => done(next, t('subsidyArea.drawer.recalculated')),
  });
  const error = recalc.error ?? approve.error ?? second.error ?? reopen.error;
  const mayPay = me.permissions.includes('subsidy.pay');
  const maySecond = (mayPay || me.permissions.includes('subsidy.approve')) && calc?.reviewedBy?.id !== me.id;
  const adjustment = Form.useWatch('adjustmentYuan', approveForm);
  const limit = calc?.secondApprovalAboveFen ?? null;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={calc ? t('subsidyArea.drawer.title', { number: calc.applicationNumber }) : ''}
      destroyOnHidden
    >
      {!calc ? (
        <Spin />
      ) : (
        <Flex vertical gap={16}>
          {error && (
            <Alert type="error" showIcon role="alert" title={errorMessage(error, t('errors.network'))} />
          )}
          <CalculationLines calc={calc} />
          {calc.status === 'calculated' && mayPay && (
            <Form form={form} layout="vertical" aria-label={t('subsidyArea.drawer.facts')}>
              <Typography.Title level={5}>{t('subsidyArea.drawer.facts')}</Typography.Title>
              <Space wrap size="large">
                <Form.Item name="extraStages" label={t('subsidyArea.drawer.extraStages')}>
                  <InputNumber min={0} max={10} precision={0} />
                </Form.Item>
                <Form.Item name="extraParties" label={t('subsidyArea.drawer.extraParties')}>
                  <InputNumber min={0} max={100} precision={0} />
                </Form.Item>
                <Form.Item name="remoteTravel" valuePropName="checked">
                  <Checkbox>{t('subsidyArea.drawer.remoteTravel')}</Checkbox>
                </Form.Item>
                <Form.Item name="complex" valuePropName="checked">
                  <Checkbox>{t('subsidyArea.drawer.complex')}</Checkbox>
                </Form.Item>
              </Space>
              <Typography.Text strong>{t('subsidyArea.drawer.costs')}</Typography.Text>
              <Form.List name="costs">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline" wrap>
                        <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]}>
                          <Select
                            style={{ width: 140 }}
                            aria-label={t('subsidyArea.drawer.costKind')}
                            options={COST_KINDS.map((k) => ({
                              value: k,
                              label: t(`subsidyArea.costKinds.${k}`),
                            }))}
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'claimedYuan']} rules={[{ required: true }]}>
                          <InputNumber
                            min={0.01}
                            precision={2}
                            placeholder={t('subsidyArea.drawer.claimed')}
                            aria-label={t('subsidyArea.drawer.claimed')}
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'note']}>
                          <Input
                            placeholder={t('subsidyArea.drawer.note')}
                            aria-label={t('subsidyArea.drawer.note')}
                          />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="remove" />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'copying' })}>
                      {t('subsidyArea.drawer.addCost')}
                    </Button>
                  </>
                )}
              </Form.List>
              <Flex gap={8} style={{ marginTop: 16 }}>
                <Button loading={recalc.isPending} onClick={() => recalc.mutate(calc)}>
                  {t('subsidyArea.drawer.recalculate')}
                </Button>
                <Button type="primary" onClick={() => setApproving(true)}>
                  {t('subsidyArea.drawer.approve')}
                </Button>
              </Flex>
              {calc.caseState !== 'evaluated' && calc.caseState !== 'subsidy_paid' && (
                <Typography.Text type="secondary">{t('subsidyArea.drawer.notEvaluated')}</Typography.Text>
              )}
            </Form>
          )}
          {calc.status === 'pending_second' && (
            <Flex gap={8}>
              <Button
                type="primary"
                disabled={!maySecond}
                loading={second.isPending}
                onClick={() => second.mutate({ c: calc, approve: true })}
              >
                {t('subsidyArea.drawer.secondApprove')}
              </Button>
              <Button disabled={!maySecond} onClick={() => second.mutate({ c: calc, approve: false })}>
                {t('subsidyArea.drawer.secondReject')}
              </Button>
            </Flex>
          )}
          {calc.status === 'approved' && mayPay && (
            <Flex>
              <Button loading={reopen.isPending} onClick={() => reopen.mutate(calc)}>
                {t('subsidyArea.drawer.reopen')}
              </Button>
            </Flex>
          )}
        </Flex>
      )}
      <Modal
        open={approving}
        title={t('subsidyArea.drawer.approveTitle')}
        onCancel={() => setApproving(false)}
        onOk={() => approveForm.submit()}
        okButtonProps={{ loading: approve.isPending }}
        destroyOnHidden
      >
        <Form
          form={approveForm}
          layout="vertical"
          onFinish={(v) => calc && approve.mutate({ c: calc, ...v })}
        >
          <Form.Item name="adjustmentYuan" label={t('subsidyArea.drawer.adjustmentYuan')}>
            <InputNumber precision={2} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="adjustmentReason"
            label={t('subsidyArea.drawer.adjustmentReason')}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  adjustment && !v?.trim()
                    ? Promise.reject(new Error(t('subsidyArea.drawer.reasonRequired')))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          {limit !== null && adjustment && Math.abs(yuanToFen(adjustment)) > limit ? (
            <Alert
              type="warning"
              showIcon
              title={t('subsidyArea.drawer.secondNeeded', { limit: limit / 100 })}
            />
          ) : null}
        </Form>
      </Modal>
    </Drawer>
  );
}
