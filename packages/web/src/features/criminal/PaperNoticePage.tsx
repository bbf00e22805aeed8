import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Switch } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  CRIMINAL_NOTICE_GROUNDS,
  CRIMINAL_STAGES,
  NOTIFYING_INSTITUTIONS,
  SEXES,
  formatCitation,
  type Locale,
} from '@fayuan/domain';
import { inboxApi, type PaperNoticeInput } from '../../api/inbox';
import { errorMessage } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { OrganisationTreeSelect } from '../../components/OrganisationTreeSelect';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { asBeijingInstant, beijingNow } from '../rules/beijingTime';
import { BeijingDateTimePicker } from '../applications/BeijingDateTimePicker';

interface PaperNoticeValues {
  institutionKind: PaperNoticeInput['institutionKind'];
  institutionName: string;
  noticeNumber?: string;
  stage: PaperNoticeInput['stage'];
  ground: string;
  charges: string[];
  defendantName: string;
  idNumber?: string;
  sex?: (typeof SEXES)[number];
  birthDate?: Dayjs;
  detained: boolean;
  detentionPlace?: string;
  noticeReceivedAt: Dayjs;
  courtDistrictOrgId?: string;
  facts?: string;
}

const blank = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);

/**
 * 录入纸质通知书: a notice from police, a procuratorate or a court that came on paper. The defendant
 * is typed as the notice names them; with an identity number the registry's person is used (the
 * server matches it), otherwise a person is registered. Submitting opens the case's file.
 */
export default function PaperNoticePage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PaperNoticeValues>();
  const keyFor = useIdempotencyKey();
  const detained = Form.useWatch('detained', form);
  const locale = (i18n.language === 'en-US' ? 'en-US' : 'zh-CN') as Locale;

  const record = useMutation({
    mutationFn: (input: PaperNoticeInput) => inboxApi.recordNotice(input, keyFor(input)),
    onSuccess: async (detail) => {
      await queryClient.invalidateQueries({ queryKey: ['inbox'] });
      void message.success(t('criminal.paper.created', { number: detail.number }));
      void navigate(`/applications/${detail.id}`);
    },
  });

  const submit = (v: PaperNoticeValues) =>
    record.mutate({
      institutionKind: v.institutionKind,
      institutionName: v.institutionName.trim(),
      noticeNumber: blank(v.noticeNumber),
      stage: v.stage,
      ground: v.ground as PaperNoticeInput['ground'],
      charges: v.charges.map((c) => c.trim()).filter(Boolean),
      defendant: {
        name: v.defendantName.trim(),
        idNumber: blank(v.idNumber),
        sex: v.sex,
        birthDate: v.birthDate?.format('YYYY-MM-DD'),
      },
      detained: v.detained,
      detentionPlace: v.detained ? blank(v.detentionPlace) : undefined,
      noticeReceivedAt: asBeijingInstant(v.noticeReceivedAt),
      courtDistrictOrgId: v.courtDistrictOrgId,
      facts: blank(v.facts),
    });

  const required = [{ required: true, message: t('criminal.paper.required') }];
  return (
    <>
      <PageHeader
        title={t('criminal.paper.title')}
        extra={
          <Link to="/inbox">
            <ArrowLeftOutlined aria-hidden /> {t('criminal.inbox.title')}
          </Link>
        }
      />
      <Form<PaperNoticeValues>
        form={form}
        name="paperNotice"
        layout="vertical"
        initialValues={{ detained: true, noticeReceivedAt: beijingNow(), charges: [] }}
        onFinish={submit}
        scrollToFirstError
      >
        <Flex vertical gap={16}>
          {record.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(record.error, t('errors.network'))}
            />
          )}
          <Card title={t('criminal.paper.institutionSection')} variant="borderless">
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  name="institutionKind"
                  label={t('applications.notice.institution')}
                  rules={required}
                >
                  <Select
                    options={NOTIFYING_INSTITUTIONS.map((k) => ({
                      value: k,
                      label: t(`applications.notice.institutionKinds.${k}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="institutionName"
                  label={t('criminal.paper.institutionName')}
                  rules={required}
                >
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="noticeNumber" label={t('applications.notice.noticeNumber')}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="stage" label={t('applications.notice.stage')} rules={required}>
                  <Select
                    options={CRIMINAL_STAGES.map((s) => ({
                      value: s,
                      label: t(`applications.notice.stages.${s}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="ground" label={t('applications.notice.ground')} rules={required}>
                  <Select
                    options={Object.entries(CRIMINAL_NOTICE_GROUNDS).map(([code, citation]) => ({
                      value: code,
                      label: `${t(`applications.notice.grounds.${code}` as 'applications.notice.grounds.minor')}（${formatCitation(citation, locale)}）`,
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item
                  name="charges"
                  label={t('applications.notice.charges')}
                  rules={[
                    { required: true, type: 'array', min: 1, message: t('criminal.paper.chargesRequired') },
                  ]}
                  extra={t('criminal.paper.chargesHelp')}
                >
                  <Select mode="tags" open={false} tokenSeparators={['，', ',', '、']} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="noticeReceivedAt"
                  label={t('applications.notice.receivedAt')}
                  rules={required}
                >
                  <BeijingDateTimePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="courtDistrictOrgId"
                  label={t('applications.notice.courtDistrict')}
                  extra={t('criminal.paper.courtDistrictHelp')}
                >
                  <OrganisationTreeSelect allowClear selectableKinds={['district_centre', 'city_centre']} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card title={t('applications.notice.defendant')} variant="borderless">
            <Row gutter={16}>
              <Col xs={24} md={6}>
                <Form.Item name="defendantName" label={t('criminal.paper.name')} rules={required}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="idNumber"
                  label={t('criminal.paper.idNumber')}
                  extra={t('criminal.paper.idNumberHelp')}
                >
                  <Input maxLength={18} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={4}>
                <Form.Item name="sex" label={t('criminal.paper.sex')}>
                  <Select
                    allowClear
                    options={SEXES.map((s) => ({ value: s, label: t(`criminal.paper.sexes.${s}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="birthDate" label={t('criminal.paper.birthDate')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="detained" label={t('applications.notice.detained')} valuePropName="checked">
                  <Switch
                    checkedChildren={t('criminal.paper.inCustody')}
                    unCheckedChildren={t('applications.notice.notDetained')}
                  />
                </Form.Item>
              </Col>
              {detained && (
                <Col xs={24} md={18}>
                  <Form.Item name="detentionPlace" label={t('criminal.paper.detentionPlace')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24}>
                <Form.Item name="facts" label={t('criminal.paper.facts')}>
                  <Input.TextArea rows={3} maxLength={20_000} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Flex justify="end">
            <Button type="primary" htmlType="submit" loading={record.isPending}>
              {t('criminal.paper.submit')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </>
  );
}
