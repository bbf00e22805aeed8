import { useMemo, useRef, useState } from 'react';
import { Alert, Card, Col, Flex, Form, Row, Typography } from 'antd';
import { InfoCircleOutlined, LoginOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { eligibilityApi, type Assessment, type AssessmentInput } from '../../api';
import { errorMessage } from '../../components/ErrorState';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { Logo } from '../layout/Logo';
import { beijingToday } from '../rules/beijingTime';
import { BEIJING, localName } from '../rules/labels';
import { mostLocal, useRuleRows } from '../rules/useRules';
import { useFacts, type FactItem } from '../rules/useFacts';
import { OTHER_MATTER, SelfTestForm, type SelfTestValues } from './SelfTestForm';
import { SelfTestResult } from './SelfTestResult';
import { SelfTestNextSteps } from './SelfTestNextSteps';
import { useMatterWords } from '../../hooks/useMatterWords';

interface Answered {
  input: AssessmentInput;
  assessment: Assessment;
}

function toInput(values: SelfTestValues, asked: readonly FactItem[]): AssessmentInput {
  const household =
    values.members != null && values.incomeYuan != null
      ? { members: values.members, monthlyIncomeFen: Math.round(values.incomeYuan * 100) }
      : undefined;
  return {
    jurisdiction: BEIJING,
    applicationDate: values.applicationDate.format('YYYY-MM-DD'),
    matter: values.matter,
    applicant: { categories: values.categories ?? [] },
    ...(household ? { household } : {}),
    // Only the facts answered yes: a fact is a rule row, and one not in force on the date is refused.
    facts: Object.fromEntries(
      asked.filter((f) => values.facts?.[f.code] === true).map((f) => [f.code, true]),
    ),
  };
}

/** 自助测评: a citizen, without logging in, learns whether a matter may receive legal aid in Beijing, and why. */
export default function SelfTestPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<SelfTestValues>();
  const [today] = useState(beijingToday);
  const matters = useRuleRows('matter', BEIJING, today);
  const catalogue = useMemo(() => mostLocal(matters.data ?? [], ['000000', BEIJING]), [matters.data]);
  // The questions are the facts in force on the application date, for the matter chosen.
  const chosenMatter = Form.useWatch('matter', form);
  const chosenDate = Form.useWatch('applicationDate', form);
  // No matter chosen: no questions yet (each fact row says which matters it is asked for).
  const { facts: factsInForce } = useFacts(
    chosenDate ? chosenDate.format('YYYY-MM-DD') : today,
    chosenMatter,
  );
  const facts = chosenMatter ? factsInForce : [];
  const chosenRow = catalogue.find((m) => m.key === chosenMatter);
  // A matter outside the hardship test (notified defence…) asks nothing about income.
  const asksHousehold = chosenRow?.data.hardshipTested !== false;
  const { synonyms } = useMatterWords();
  const materialRows = useRuleRows('list_item', BEIJING, today);
  const materials = useMemo(
    () =>
      mostLocal(materialRows.data ?? [], ['000000', BEIJING]).filter(
        (r) => r.data.list === 'application_material',
      ),
    [materialRows.data],
  );
  const [answered, setAnswered] = useState<Answered | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const initialValues = useMemo<Partial<SelfTestValues>>(
    () => ({
      categories: [],
      facts: {},
      applicationDate: dayjs(today),
    }),
    [today],
  );

  const assess = useMutation({
    mutationFn: (input: AssessmentInput) => eligibilityApi.assess(input),
    // A new question: the previous answer no longer applies (and must not stand beside an error).
    onMutate: () => setAnswered(null),
    onSuccess: (assessment, input) => {
      setAnswered({ input, assessment });
      // On a phone the result is below the form: bring its top into view at once (beside the form
      // on a wide screen it already is), so the answer is read without scrolling for it.
      window.setTimeout(() => {
        const top = resultRef.current?.getBoundingClientRect().top;
        if (top !== undefined && (top < 0 || top > window.innerHeight * 0.3))
          resultRef.current?.scrollIntoView({ behavior: 'auto', block: 'start' });
      }, 0);
    },
  });

  const matterName = (code: string) => {
    if (code === OTHER_MATTER) return t('selfTest.matterOther');
    const row = catalogue.find((m) => m.key === code);
    // No code reaches a citizen: a matter the catalogue no longer names reads as "other".
    if (row) return localName(row.data, i18n.language) ?? t('selfTest.matterOther');
    return matters.isSuccess ? t('selfTest.matterOther') : t('common.loading');
  };

  return (
    <div className="public-shell">
      <header className="public-shell__bar">
        <Flex align="center" gap={10} className="public-shell__brand">
          <Logo size={28} />
          <span className="public-shell__title">{t('app.shortTitle')}</span>
        </Flex>
        <Flex align="center" gap={12}>
          <LanguageSwitch size="small" onDark />
          <Link to="/login" className="public-shell__login">
            <LoginOutlined aria-hidden /> <span>{t('selfTest.staffLogin')}</span>
          </Link>
        </Flex>
      </header>
      <main className="public-shell__main">
        <Typography.Title level={2} className="public-shell__heading">
          {t('selfTest.title')}
        </Typography.Title>
        <Typography.Paragraph className="public-shell__intro">{t('selfTest.intro')}</Typography.Paragraph>
        <Row gutter={[20, 20]}>
          <Col xs={24} lg={13}>
            <Card variant="borderless">
              <SelfTestForm
                form={form}
                matters={catalogue}
                synonyms={synonyms}
                asksHousehold={asksHousehold}
                mattersLoading={matters.isPending}
                facts={facts}
                initialValues={initialValues}
                submitting={assess.isPending}
                onFinish={(values) => assess.mutate(toInput(values, facts))}
                onReset={() => {
                  form.resetFields();
                  assess.reset();
                  setAnswered(null);
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={11}>
            <Flex vertical gap={20} ref={resultRef} className="selftest-side" aria-live="polite">
              {assess.isError && (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  title={t('selfTest.failed')}
                  description={errorMessage(assess.error, t('errors.network'))}
                />
              )}
              {answered ? (
                <>
                  <SelfTestResult
                    assessment={answered.assessment}
                    matterName={matterName(answered.input.matter)}
                    applicationDate={answered.input.applicationDate}
                  />
                  {answered.assessment.scope.inScope && (
                    <SelfTestNextSteps assessment={answered.assessment} materials={materials} />
                  )}
                </>
              ) : (
                <Card variant="borderless" className="selftest-placeholder">
                  <Typography.Text type="secondary">{t('selfTest.resultPlaceholder')}</Typography.Text>
                </Card>
              )}
              <Alert
                type="info"
                showIcon
                icon={<InfoCircleOutlined aria-hidden />}
                title={t('selfTest.disclaimerTitle')}
                description={t('selfTest.disclaimer')}
              />
            </Flex>
          </Col>
        </Row>
      </main>
      <footer className="public-shell__footer">{t('app.footer')}</footer>
    </div>
  );
}
