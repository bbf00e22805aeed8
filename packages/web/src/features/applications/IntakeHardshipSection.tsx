import { Card, Checkbox, Col, Form, InputNumber, Radio, Row, Typography, type FormInstance } from 'antd';
import { APPLICANT_CATEGORIES } from '@fayuan/domain';
import { useTranslation } from 'react-i18next';
import { categoryLabel } from '../persons/labels';
import { HARDSHIP_BASES } from './codes';
import type { IntakeValues } from './applicationFormValues';
import type { FactItem } from '../rules/useFacts';

/** Economic hardship: the basis (integrity pledge by default in Beijing), household, categories, facts. */
export function IntakeHardshipSection({
  form,
  facts,
}: {
  form: FormInstance<IntakeValues>;
  /** Rows of the rule list `fact` in force today for the matter chosen (issue 11 §3). */
  facts: readonly FactItem[];
}) {
  const { t, i18n } = useTranslation();
  const basis = Form.useWatch('hardshipBasis', form) ?? 'integrity_pledge';
  return (
    <Card variant="borderless" title={t('applications.intake.hardshipSection')}>
      <Form.Item
        label={t('applications.intake.hardshipBasis')}
        name="hardshipBasis"
        extra={t(`applications.hardshipBasisHelp.${basis}`)}
      >
        <Radio.Group
          optionType="button"
          options={HARDSHIP_BASES.map((b) => ({ value: b, label: t(`applications.hardshipBases.${b}`) }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('applications.intake.members')}
            name="members"
            dependencies={['incomeYuan']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: number | null | undefined) =>
                  value == null && getFieldValue('incomeYuan') != null
                    ? Promise.reject(new Error(t('applications.intake.membersRequired')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <InputNumber
              min={1}
              max={50}
              precision={0}
              suffix={t('applications.intake.membersUnit')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            label={t('applications.intake.income')}
            name="incomeYuan"
            dependencies={['members']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: number | null | undefined) =>
                  value == null && getFieldValue('members') != null
                    ? Promise.reject(new Error(t('applications.intake.incomeRequired')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <InputNumber
              min={0}
              max={100_000_000}
              precision={2}
              suffix={t('applications.intake.incomeUnit')}
              inputMode="decimal"
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('applications.intake.categories')} name="categories">
        <Checkbox.Group style={{ width: '100%' }}>
          <Row gutter={[8, 4]} style={{ width: '100%' }}>
            {APPLICANT_CATEGORIES.map((c) => (
              <Col key={c} xs={24} sm={12} md={8}>
                <Checkbox value={c}>{categoryLabel(c, i18n.language)}</Checkbox>
              </Col>
            ))}
          </Row>
        </Checkbox.Group>
      </Form.Item>
      <Typography.Text strong>{t('applications.intake.eligibilityFacts')}</Typography.Text>
      <Row gutter={[8, 0]} style={{ marginTop: 8 }}>
        {facts.map((fact) => (
          <Col key={fact.code} xs={24} md={8}>
            <Form.Item
              name={['eligibilityFacts', fact.code]}
              valuePropName="checked"
              style={{ marginBottom: 8 }}
            >
              <Checkbox>{i18n.language === 'en-US' ? fact.nameEn : fact.nameZh}</Checkbox>
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
