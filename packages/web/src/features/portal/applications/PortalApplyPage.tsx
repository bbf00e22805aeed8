import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { APPLICANT_CATEGORIES } from '@fayuan/domain';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { eligibilityApi } from '../../../api';
import { errorMessage } from '../../../components/ErrorState';
import { beijingToday } from '../../rules/beijingTime';
import { BEIJING, categoryName, localName } from '../../rules/labels';
import { mostLocal, useRuleRows } from '../../rules/useRules';
import { portalApi } from '../portalApi';
import { usePledge, type OnlineApplication } from './portalApplications';
import { failedLabels, FormErrorAnnouncer } from '../FormErrorAnnouncer';

interface Values {
  organisationCode: string;
  matter: string;
  description: string;
  name: string;
  idNumber: string;
  categories?: string[];
  members?: number | null;
  incomeYuan?: number | null;
  pledge: boolean;
}

/** Criminal defence comes by notice from the organs, not by an online application. */
const NOT_ONLINE = new Set(['criminal_defense']);

/** 申请法律援助: the online application, in the order a person thinks of it. */
export default function PortalApplyPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const [today] = useState(beijingToday);
  const [refused, setRefused] = useState<string[]>([]);
  const centres = useQuery({ queryKey: ['portal', 'centres'], queryFn: () => eligibilityApi.centres() });
  const matters = useRuleRows('matter', BEIJING, today);
  const pledge = usePledge();
  const matterOptions = useMemo(
    () =>
      mostLocal(matters.data ?? [], ['000000', BEIJING])
        .filter((row) => !NOT_ONLINE.has(row.key))
        .map((row) => ({ value: row.key, label: localName(row.data, i18n.language) ?? row.key })),
    [matters.data, i18n.language],
  );
  const submit = useMutation({
    mutationFn: (body: OnlineApplication) => portalApi.post<{ id: string }>('/applications', body),
    onSuccess: ({ id }) => void navigate(`/portal/applications/${id}?new=1`),
  });

  const onFinish = (v: Values) => {
    const household =
      v.members != null && v.incomeYuan != null
        ? { members: v.members, monthlyIncomeFen: Math.round(v.incomeYuan * 100) }
        : undefined;
    submit.mutate({
      organisationCode: v.organisationCode,
      matter: v.matter,
      description: v.description,
      applicant: { name: v.name, idNumber: v.idNumber, categories: v.categories ?? [] },
      ...(household ? { household } : {}),
      pledge: v.pledge === true,
    });
  };

  return (
    <div className="portal-narrow">
      <Typography.Title level={1} className="public-shell__heading">
        {t('portalApply.title')}
      </Typography.Title>
      <Typography.Paragraph className="public-shell__intro">{t('portalApply.intro')}</Typography.Paragraph>
      <Card variant="borderless">
        <Form<Values>
          form={form}
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(v) => {
            setRefused([]);
            onFinish(v);
          }}
          onFinishFailed={(info) =>
            setRefused(
              failedLabels(info, {
                organisationCode: t('portalApply.centre'),
                matter: t('portalApply.matter'),
                description: t('portalApply.description'),
                name: t('portalApply.name'),
                idNumber: t('portalApply.idNumber'),
                pledge: t('portalApply.pledgeTitle'),
              }),
            )
          }
          scrollToFirstError
          className="portal-form"
        >
          <Form.Item
            name="organisationCode"
            label={t('portalApply.centre')}
            rules={[{ required: true, message: t('portalApply.centreRequired') }]}
          >
            <Select
              loading={centres.isPending}
              options={(centres.data?.items ?? []).map((c) => ({ value: c.regionCode, label: c.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item
            name="matter"
            label={t('portalApply.matter')}
            rules={[{ required: true, message: t('portalApply.matterRequired') }]}
          >
            <Select
              loading={matters.isPending}
              options={matterOptions}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('portalApply.description')}
            extra={t('portalApply.descriptionHelp')}
            rules={[{ required: true, whitespace: true, message: t('portalApply.descriptionRequired') }]}
          >
            <Input.TextArea rows={5} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('portalApply.name')}
            rules={[{ required: true, whitespace: true, message: t('portalApply.nameRequired') }]}
          >
            <Input autoComplete="name" maxLength={100} />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('portalApply.idNumber')}
            rules={[
              { required: true, message: t('portalApply.idNumberRequired') },
              { pattern: /^\s*\d{17}[\dXx]\s*$/, message: t('portalApply.idNumberInvalid') },
            ]}
          >
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="categories"
            label={t('portalApply.categories')}
            extra={t('portalApply.categoriesHelp')}
          >
            <Checkbox.Group
              className="portal-checks"
              options={APPLICANT_CATEGORIES.map((c) => ({ value: c, label: categoryName(c, i18n.language) }))}
            />
          </Form.Item>
          <Form.Item name="members" label={t('portalApply.members')}>
            <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="incomeYuan" label={t('portalApply.income')} extra={t('portalApply.incomeHelp')}>
            <InputNumber
              min={0}
              max={100_000_000}
              precision={2}
              style={{ width: '100%' }}
              inputMode="decimal"
            />
          </Form.Item>
          <Alert
            type="info"
            className="portal-pledge"
            title={t('portalApply.pledgeTitle')}
            description={pledge.data?.text ?? ''}
          />
          <Form.Item
            name="pledge"
            valuePropName="checked"
            rules={[
              {
                validator: (_r, v) =>
                  v === true ? Promise.resolve() : Promise.reject(new Error(t('portalApply.pledgeRequired'))),
              },
            ]}
          >
            <Checkbox>{t('portalApply.pledgeTick')}</Checkbox>
          </Form.Item>
          <FormErrorAnnouncer fields={refused} />
          {submit.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(submit.error, t('errors.network'))}
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={submit.isPending}
            className="portal-form__submit"
          >
            {t('portalApply.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
