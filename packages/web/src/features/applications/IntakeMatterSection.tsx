import { useMemo } from 'react';
import { Card, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CRIMINAL_STAGES, matterMatches } from '@fayuan/domain';
import { useMatterWords } from '../../hooks/useMatterWords';
import type { RuleRow } from '../../api';
import { localName } from '../rules/labels';
import { CASE_TYPES } from './codes';

interface Props {
  matters: RuleRow[];
  loading: boolean;
}

/** What the application is about: the matter from the catalogue, the case and what is asked for. */
export function IntakeMatterSection({ matters, loading }: Props) {
  const { t, i18n } = useTranslation();
  const caseType = Form.useWatch<string | undefined>('caseType');
  const { synonyms } = useMatterWords();
  const options = useMemo(
    () =>
      matters.map((row) => ({
        value: row.key,
        label: localName(row.data, i18n.language) ?? row.key,
        matter: {
          code: row.key,
          nameZh: localName(row.data, 'zh-CN') ?? row.key,
          nameEn: localName(row.data, 'en-US') ?? row.key,
        },
      })),
    [matters, i18n.language],
  );
  return (
    <Card variant="borderless" title={t('applications.intake.matterSection')}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('applications.intake.matter')}
            name="matter"
            rules={[{ required: true, message: t('applications.intake.matterRequired') }]}
          >
            <Select
              // The catalogue's names or a caller's word for the matter (欠薪, 工伤: list matter_synonym).
              showSearch={{
                filterOption: (input, option) =>
                  option ? matterMatches(input, option.matter, synonyms) : false,
              }}
              options={options}
              loading={loading}
              placeholder={t('applications.intake.matterPlaceholder')}
              listHeight={320}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('applications.intake.caseType')}
            name="caseType"
            rules={[{ required: true, message: t('applications.intake.caseTypeRequired') }]}
          >
            <Select
              options={CASE_TYPES.map((c) => ({ value: c, label: t(`applications.caseTypes.${c}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('applications.intake.stage')} name="stage">
            {caseType === 'criminal' ? (
              // A criminal stage is a code the rules read (a death-penalty review needs a lawyer with
              // 3 years of criminal practice, LAL art.26), so it is chosen, not typed.
              <Select
                allowClear
                options={CRIMINAL_STAGES.map((s) => ({
                  value: s,
                  label: t(`applications.notice.stages.${s}`),
                }))}
              />
            ) : (
              <Input maxLength={100} placeholder={t('applications.intake.stagePlaceholder')} />
            )}
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('applications.intake.opposingParty')} name="opposingParty">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('applications.intake.courtOrAuthority')} name="courtOrAuthority">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            label={t('applications.intake.facts')}
            name="facts"
            rules={[{ required: true, whitespace: true, message: t('applications.intake.factsRequired') }]}
          >
            <Input.TextArea maxLength={20_000} showCount autoSize={{ minRows: 4, maxRows: 12 }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            label={t('applications.intake.requestedHelp')}
            name="requestedHelp"
            rules={[
              { required: true, whitespace: true, message: t('applications.intake.requestedHelpRequired') },
            ]}
          >
            <Input.TextArea
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={t('applications.intake.requestedHelpPlaceholder')}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
