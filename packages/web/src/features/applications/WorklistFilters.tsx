import { useEffect } from 'react';
import { Button, Card, Checkbox, Col, Flex, Form, Input, Row, Select, Tag } from 'antd';
import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { APPLICATION_CHANNELS, CASE_STATES } from '@fayuan/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usersApi, type WorklistParams } from '../../api';
import { OrganisationTreeSelect } from '../../components/OrganisationTreeSelect';
import { useCan } from '../auth/session';
import { STAGE_OF, STATE_STAGES, STATE_VIEWS, type StateView } from './codes';
import { useMatterName, useMatters } from './useApplicationData';

interface Values {
  q?: string;
  ownerOrgId?: string;
  channel?: string;
  matter?: string;
  reviewerId?: string;
  states?: string[];
  mine?: boolean;
  overdue?: boolean;
  awaitingApproval?: boolean;
  awaitingDelivery?: boolean;
}

/** Filters only a home page queue sets (今日工作), shown as tags that can be removed. */
const QUEUE_FLAGS = [
  ['dueToday', 'dueToday'],
  ['unanswered', 'unanswered'],
  ['major', 'majorCases'],
] as const;

export type WorklistFilterPatch = Partial<Record<keyof WorklistParams, string | boolean | undefined>>;

interface Props {
  params: WorklistParams;
  onChange: (patch: WorklistFilterPatch) => void;
}

/** Reviewers in scope, for the reviewer filter (listing users needs user.read: directors, the bureau). */
function useReviewers(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'list', { role: 'reviewer', status: 'active', pageSize: 100 }],
    queryFn: ({ signal }) => usersApi.list({ role: 'reviewer', status: 'active', pageSize: 100 }, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

function toPatch(values: Values): WorklistFilterPatch {
  return {
    q: values.q?.trim() || undefined,
    ownerOrgId: values.ownerOrgId,
    channel: values.channel,
    matter: values.matter,
    reviewerId: values.reviewerId,
    state: values.states && values.states.length > 0 ? values.states.join(',') : undefined,
    mine: values.mine || undefined,
    overdue: values.overdue || undefined,
    awaitingApproval: values.awaitingApproval || undefined,
    awaitingDelivery: values.awaitingDelivery || undefined,
    page: undefined,
  };
}

/** The query bar above the worklist: every choice applies at once; the search box on Enter. */
export function WorklistFilters({ params, onChange }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const { matters } = useMatters();
  const matterName = useMatterName();
  const reviewers = useReviewers(can('user.read'));

  useEffect(() => {
    form.setFieldsValue({
      q: params.q,
      ownerOrgId: params.ownerOrgId,
      channel: params.channel,
      matter: params.matter,
      reviewerId: params.reviewerId,
      states: params.state ? params.state.split(',') : [],
      mine: params.mine ?? false,
      overdue: params.overdue ?? false,
      awaitingApproval: params.awaitingApproval ?? false,
      awaitingDelivery: params.awaitingDelivery ?? false,
    });
  }, [form, params]);

  const apply = () => onChange(toPatch(form.getFieldsValue()));
  const select = (label: string, placeholder: string) => ({
    allowClear: true,
    'aria-label': label,
    placeholder,
    popupMatchSelectWidth: false,
    onChange: apply,
  });

  const activeStates = params.state ?? '';
  const showView = (view: StateView) => {
    form.setFieldValue('states', [...STATE_VIEWS[view]]);
    apply();
  };

  return (
    <Card
      variant="borderless"
      className="no-print"
      style={{ marginBottom: 16 }}
      styles={{ body: { paddingBottom: 0 } }}
    >
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <span>{t('applications.worklist.views')}</span>
        {(Object.keys(STATE_VIEWS) as StateView[]).map((view) => (
          <Button
            key={view}
            size="small"
            type={activeStates === STATE_VIEWS[view].join(',') ? 'primary' : 'default'}
            onClick={() => showView(view)}
          >
            {t(`applications.worklist.view.${view}`)}
          </Button>
        ))}
      </Flex>
      <Form<Values> form={form} name="worklistFilters" onFinish={apply}>
        <Row gutter={[12, 0]}>
          <Col xs={24} xl={8}>
            <Form.Item name="q">
              <Input
                allowClear
                prefix={<SearchOutlined aria-hidden />}
                aria-label={t('applications.worklist.keyword')}
                placeholder={t('applications.worklist.keywordPlaceholder')}
                maxLength={100}
              />
            </Form.Item>
          </Col>
          {can('org.read') && (
            <Col xs={12} md={8} xl={4}>
              <Form.Item name="ownerOrgId">
                <OrganisationTreeSelect
                  allowClear
                  aria-label={t('applications.worklist.district')}
                  placeholder={t('applications.worklist.allDistricts')}
                  onChange={apply}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={8} xl={4}>
            <Form.Item name="channel">
              <Select
                {...select(t('applications.worklist.channelFilter'), t('applications.worklist.allChannels'))}
                options={APPLICATION_CHANNELS.map((c) => ({
                  value: c,
                  label: t(`applications.channels.${c}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Form.Item name="matter">
              <Select
                {...select(t('applications.worklist.matterFilter'), t('applications.worklist.allMatters'))}
                showSearch={{ optionFilterProp: 'label' }}
                options={matters.map((m) => ({ value: m.key, label: matterName(m.key) }))}
              />
            </Form.Item>
          </Col>
          {can('user.read') && (
            <Col xs={12} md={8} xl={4}>
              <Form.Item name="reviewerId">
                <Select
                  {...select(
                    t('applications.worklist.reviewerFilter'),
                    t('applications.worklist.allReviewers'),
                  )}
                  loading={reviewers.isPending}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(reviewers.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={16} xl={8}>
            <Form.Item name="states">
              <Select
                {...select(t('applications.worklist.stateFilter'), t('applications.worklist.defaultStates'))}
                mode="multiple"
                maxTagCount="responsive"
                options={STATE_STAGES.map((stage) => ({
                  label: t(`applications.worklist.stages.${stage}`),
                  title: t(`applications.worklist.stages.${stage}`),
                  options: CASE_STATES.filter((s) => STAGE_OF[s] === stage).map((s) => ({
                    value: s,
                    label: t(`applications.states.${s}`),
                  })),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} xl={16} flex="auto">
            <Flex wrap gap={12} justify="space-between" align="start">
              <Flex wrap gap={4} style={{ paddingTop: 5 }}>
                {(['mine', 'overdue', 'awaitingApproval', 'awaitingDelivery'] as const).map((name) => (
                  <Form.Item key={name} name={name} valuePropName="checked" noStyle>
                    <Checkbox onChange={() => window.setTimeout(apply)}>
                      {t(`applications.worklist.${name}`)}
                    </Checkbox>
                  </Form.Item>
                ))}
                {QUEUE_FLAGS.filter(([name]) => params[name]).map(([name, key]) => (
                  <Tag
                    key={name}
                    color="blue"
                    closable
                    onClose={() => onChange({ [name]: undefined, page: undefined })}
                  >
                    {t(`work.queues.keys.${key}`)}
                  </Tag>
                ))}
              </Flex>
              <Form.Item>
                <Flex gap={8}>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
                    {t('common.search')}
                  </Button>
                  <Button
                    icon={<UndoOutlined aria-hidden />}
                    onClick={() => {
                      form.resetFields();
                      onChange({
                        ...toPatch({}),
                        dueToday: undefined,
                        unanswered: undefined,
                        major: undefined,
                      });
                    }}
                  >
                    {t('common.reset')}
                  </Button>
                </Flex>
              </Form.Item>
            </Flex>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
