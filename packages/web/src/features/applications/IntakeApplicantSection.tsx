import { Button, Card, Col, Flex, Form, Input, Row, Select, Switch, type FormInstance } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { APPLICATION_CHANNELS } from '@fayuan/domain';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api';
import { PersonPicker } from '../persons/PersonPicker';
import { BeijingDateTimePicker } from './BeijingDateTimePicker';
import type { IntakeValues } from './applicationFormValues';

interface Props {
  form: FormInstance<IntakeValues>;
  registered: Person[];
  canRegister: boolean;
  onRegister: () => void;
  onPick: (person: Person | undefined) => void;
}

/** Who applies and how the application arrived (a forwarded one says by whom and when, LAL art.39). */
export function IntakeApplicantSection({ form, registered, canRegister, onRegister, onPick }: Props) {
  const { t } = useTranslation();
  const channel = Form.useWatch('channel', form);
  return (
    <Card variant="borderless" title={t('applications.intake.applicantSection')}>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Form.Item label={t('applications.intake.applicant')} required>
            <Flex gap={8}>
              <Form.Item
                name="applicantId"
                noStyle
                rules={[{ required: true, message: t('applications.intake.applicantRequired') }]}
              >
                <PersonPicker
                  aria-label={t('applications.intake.applicant')}
                  placeholder={t('applications.intake.applicantPlaceholder')}
                  notFound={t('applications.intake.applicantNotFound')}
                  extra={registered}
                  onPick={onPick}
                />
              </Form.Item>
              {canRegister && (
                <Button icon={<UserAddOutlined aria-hidden />} onClick={onRegister}>
                  {t('applications.intake.registerPerson')}
                </Button>
              )}
            </Flex>
          </Form.Item>
        </Col>
        <Col xs={24} lg={10}>
          <Form.Item
            label={t('applications.intake.actingByAgent')}
            name="actingByAgent"
            valuePropName="checked"
            extra={t('applications.intake.actingByAgentHelp')}
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('applications.intake.channel')} name="channel" rules={[{ required: true }]}>
            <Select
              options={APPLICATION_CHANNELS.map((c) => ({
                value: c,
                label: t(`applications.channels.${c}`),
              }))}
            />
          </Form.Item>
        </Col>
        {channel === 'forwarded' && (
          <>
            <Col xs={24} md={8}>
              <Form.Item
                label={t('applications.intake.forwardedBy')}
                name="forwardedBy"
                rules={[
                  { required: true, whitespace: true, message: t('applications.intake.forwardedByRequired') },
                ]}
              >
                <Input maxLength={200} placeholder={t('applications.intake.forwardedByPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label={t('applications.intake.forwardedReceivedAt')}
                name="forwardedReceivedAt"
                extra={t('applications.intake.forwardedReceivedAtHelp')}
                rules={[{ required: true, message: t('applications.intake.forwardedReceivedAtRequired') }]}
              >
                <BeijingDateTimePicker />
              </Form.Item>
            </Col>
          </>
        )}
        {channel === 'workstation' && (
          <Col xs={24}>
            <Form.Item
              label={t('applications.intake.preliminaryReviewNote')}
              name="preliminaryReviewNote"
              extra={t('applications.intake.preliminaryReviewNoteHelp')}
            >
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </Col>
        )}
      </Row>
    </Card>
  );
}
