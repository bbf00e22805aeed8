import { useMemo } from 'react';
import {
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  InputNumber,
  Radio,
  Select,
  type FormInstance,
} from 'antd';
import { APPLICANT_CATEGORIES, matterMatches, type MatterName } from '@fayuan/domain';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RuleRow } from '../../api';
import { categoryName, localName } from '../rules/labels';
import type { FactItem } from '../rules/useFacts';

export const OTHER_MATTER = 'other_matter';

/** The catalogue in the order of LAL art.31–33, then Beijing's additions and criminal matters; new codes last. */
const MATTER_ORDER = [
  'state_compensation',
  'social_insurance',
  'social_assistance',
  'survivor_pension',
  'maintenance',
  'labour_remuneration',
  'incapacity_declaration',
  'personal_injury_work',
  'personal_injury_traffic',
  'personal_injury_food_drug',
  'personal_injury_medical',
  'personal_injury_product',
  'personal_injury_other',
  'environmental_damage',
  'domestic_violence_protection',
  'hero_martyr_rights',
  'good_samaritan',
  'state_compensation_after_acquittal',
  'appeal',
  'notarization',
  'criminal_defense',
  'criminal_victim',
];

export interface SelfTestValues {
  matter: string;
  categories: string[];
  facts: Record<string, boolean>;
  members?: number | null;
  incomeYuan?: number | null;
  applicationDate: Dayjs;
}

interface Props {
  form: FormInstance<SelfTestValues>;
  matters: RuleRow[];
  /** Whether the chosen matter is means-tested: otherwise no household questions. */
  asksHousehold: boolean;
  /** Matter code → callers' words for it (list `matter_synonym`). */
  synonyms: ReadonlyMap<string, string[]>;
  mattersLoading: boolean;
  /** The yes/no questions: rows of the rule list `fact` in force on the date, for the matter chosen. */
  facts: FactItem[];
  initialValues: Partial<SelfTestValues>;
  submitting: boolean;
  onFinish: (values: SelfTestValues) => void;
  onReset: () => void;
}

/** The citizen's answers: matter, situation, the yes/no questions of the rule list `fact`, household, date. */
export function SelfTestForm({
  form,
  matters,
  synonyms,
  asksHousehold,
  mattersLoading,
  facts,
  initialValues,
  submitting,
  onFinish,
  onReset,
}: Props) {
  const { t, i18n } = useTranslation();
  const matterOptions = useMemo(() => {
    const rank = (code: string) => {
      const i = MATTER_ORDER.indexOf(code);
      return i === -1 ? MATTER_ORDER.length : i;
    };
    const sorted = [...matters].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
    return [
      ...sorted.map((row) => ({
        value: row.key,
        label: localName(row.data, i18n.language) ?? row.key,
        matter: {
          code: row.key,
          nameZh: localName(row.data, 'zh-CN') ?? row.key,
          nameEn: localName(row.data, 'en-US') ?? row.key,
        } as MatterName | undefined,
      })),
      { value: OTHER_MATTER, label: t('selfTest.matterOther'), matter: undefined },
    ];
  }, [matters, i18n.language, t]);
  const yesNo = [
    { value: true, label: t('common.yes') },
    { value: false, label: t('common.no') },
  ];

  return (
    <Form<SelfTestValues>
      form={form}
      name="selfTest"
      layout="vertical"
      size="large"
      requiredMark={false}
      initialValues={initialValues}
      onFinish={onFinish}
      scrollToFirstError
      className="selftest-form"
    >
      <Form.Item
        label={t('selfTest.matter')}
        name="matter"
        extra={t('selfTest.matterHelp')}
        rules={[{ required: true, message: t('selfTest.matterRequired') }]}
      >
        <Select
          // The catalogue's names or the words people use for a matter (工资, 欠薪, 家暴…).
          showSearch={{
            filterOption: (input, option) =>
              option?.matter
                ? matterMatches(input, option.matter, synonyms)
                : (option?.label ?? '').includes(input.trim()),
          }}
          options={matterOptions}
          loading={mattersLoading}
          placeholder={t('selfTest.matterPlaceholder')}
          popupMatchSelectWidth
          listHeight={320}
          classNames={{ popup: { root: 'selftest-matter-popup' } }}
        />
      </Form.Item>
      <Form.Item label={t('selfTest.situation')} name="categories">
        <Checkbox.Group
          className="selftest-categories"
          options={APPLICANT_CATEGORIES.map((code) => ({
            value: code,
            label: categoryName(code, i18n.language),
          }))}
        />
      </Form.Item>
      {facts.length > 0 && (
        <section className="selftest-section" aria-labelledby="selftest-questions">
          <h2 id="selftest-questions" className="selftest-section__title">
            {t('selfTest.questions')}
          </h2>
          {facts.map((fact) => (
            <Form.Item
              key={fact.code}
              label={i18n.language === 'en-US' ? fact.questionEn : fact.questionZh}
              name={['facts', fact.code]}
              initialValue={false}
            >
              <Radio.Group options={yesNo} optionType="button" />
            </Form.Item>
          ))}
        </section>
      )}
      {asksHousehold && (
        <section className="selftest-section" aria-labelledby="selftest-household">
          <h2 id="selftest-household" className="selftest-section__title">
            {t('selfTest.household')}
          </h2>
          <p className="selftest-section__help">{t('selfTest.householdHelp')}</p>
          <Flex gap={16} wrap className="selftest-household">
            <Form.Item
              label={t('selfTest.members')}
              name="members"
              extra={t('selfTest.membersHelp')}
              dependencies={['incomeYuan']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null | undefined) =>
                    value == null && getFieldValue('incomeYuan') != null
                      ? Promise.reject(new Error(t('selfTest.membersRequired')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <InputNumber
                min={1}
                max={100}
                precision={0}
                suffix={t('selfTest.membersUnit')}
                inputMode="numeric"
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Form.Item
              label={t('selfTest.income')}
              name="incomeYuan"
              extra={t('selfTest.incomeHelp')}
              dependencies={['members']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null | undefined) =>
                    value == null && getFieldValue('members') != null
                      ? Promise.reject(new Error(t('selfTest.incomeRequired')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <InputNumber
                min={0}
                max={100_000_000}
                precision={2}
                suffix={t('selfTest.incomeUnit')}
                inputMode="decimal"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Flex>
        </section>
      )}
      <Form.Item
        label={t('selfTest.applicationDate')}
        name="applicationDate"
        extra={t('selfTest.applicationDateHelp')}
        rules={[{ required: true }]}
      >
        <DatePicker allowClear={false} inputReadOnly style={{ width: '100%', maxWidth: 240 }} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Button type="primary" htmlType="submit" loading={submitting} className="selftest-submit">
          {t('selfTest.submit')}
        </Button>
        <Button onClick={onReset}>{t('selfTest.reset')}</Button>
      </Flex>
    </Form>
  );
}
