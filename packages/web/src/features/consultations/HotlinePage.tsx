import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Typography,
  type InputRef,
} from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  consultationsApi,
  type ConsultationChannel,
  type ConsultationOutcome,
  type CreateConsultationInput,
} from '../../api';
import { errorMessage } from '../../components/ErrorState';
import { MatterSelect } from '../../components/MatterSelect';
import { PageHeader } from '../../components/PageHeader';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { compact } from '../../utils';
import { useCan } from '../auth/session';
import { KnowledgePanel } from '../knowledge/KnowledgePanel';
import { CallerLookup } from './CallerLookup';
import { CallTimer } from './CallTimer';
import { CHANNELS, OUTCOMES } from './codes';

interface Values {
  callerPhone?: string;
  callerName?: string;
  personId?: string;
  topicMatter?: string;
  question?: string;
  answer?: string;
  outcome: ConsultationOutcome;
  referredTo?: string;
  channel: ConsultationChannel;
}

const INITIAL: Partial<Values> = { outcome: 'answered', channel: 'hotline_12348' };

/** Ctrl+Enter (⌘+Enter on a Mac) saves from anywhere on the screen. */
const isSaveKey = (e: { key: string; ctrlKey: boolean; metaKey: boolean }) =>
  e.key === 'Enter' && (e.ctrlKey || e.metaKey);

/**
 * 热线快速登记: for staff typing while the caller talks. Keyboard only: the phone field has focus,
 * Tab walks the fields in speaking order, the topic picker searches as you type, the outcome takes
 * the keys 1–4, and Ctrl+Enter saves, confirms, clears the form and returns to the phone field for
 * the next call. Knowledge-base answers follow the question on the right.
 */
export default function HotlinePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const phoneRef = useRef<InputRef>(null);
  const idempotencyKey = useIdempotencyKey();
  // The call is timed from the first keystroke of the form to the save.
  const [callStart, setCallStart] = useState<number | null>(null);
  const [lastSaved, setLastSaved] = useState<{ id: string; at: string } | null>(null);
  const phone = Form.useWatch('callerPhone', form);
  const question = Form.useWatch('question', form);
  const topic = Form.useWatch('topicMatter', form);
  const outcome = Form.useWatch('outcome', form);

  const create = useMutation({
    mutationFn: (input: CreateConsultationInput) => consultationsApi.create(input, idempotencyKey(input)),
    onSuccess: async (saved) => {
      message.success(t('hotline.saved'));
      setLastSaved({ id: saved.id, at: saved.startedAt });
      form.resetFields();
      setCallStart(null);
      phoneRef.current?.focus();
      await queryClient.invalidateQueries({ queryKey: ['consultations'] });
    },
  });

  // A resubmitted call (after a timeout) keeps its first duration, so it carries the same
  // Idempotency-Key and the server records it once.
  const lastAttempt = useRef<{ body: string; durationSeconds: number | undefined } | null>(null);
  const submit = (values: Values) => {
    const body = JSON.stringify(values);
    const durationSeconds =
      lastAttempt.current?.body === body
        ? lastAttempt.current.durationSeconds
        : callStart === null
          ? undefined
          : Math.round((Date.now() - callStart) / 1000);
    lastAttempt.current = { body, durationSeconds };
    const input = compact({
      channel: values.channel,
      callerPhone: values.callerPhone,
      callerName: values.callerName,
      personId: values.personId,
      topicMatter: values.topicMatter,
      question: values.question,
      answer: values.answer,
      outcome: values.outcome,
      referredTo: values.outcome === 'referred' ? values.referredTo : undefined,
      durationSeconds,
    }) as CreateConsultationInput;
    create.mutate(input);
  };

  const save = useCallback(() => {
    if (!create.isPending) form.submit();
  }, [create.isPending, form]);

  // Saving works wherever focus is, the knowledge panel and open pickers included.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!isSaveKey(e)) return;
      e.preventDefault();
      save();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [save]);

  const onOutcomeKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = Number(e.key) - 1;
    const chosen = OUTCOMES[index];
    if (chosen && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      form.setFieldValue('outcome', chosen);
    }
  };

  const insertAnswer = (text: string) => {
    const current = (form.getFieldValue('answer') as string | undefined)?.trim();
    form.setFieldValue('answer', current ? `${current}\n\n${text}` : text);
    setCallStart((s) => s ?? Date.now());
    message.info(t('hotline.answerInserted'));
  };

  return (
    <>
      <PageHeader
        title={t('hotline.title')}
        extra={
          <Flex gap={16} align="center">
            <CallTimer start={callStart} />
            {lastSaved && (
              <Link to={`/consultations?consultation=${lastSaved.id}`}>{t('hotline.openLast')}</Link>
            )}
          </Flex>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card variant="borderless">
            <Typography.Paragraph type="secondary">{t('hotline.intro')}</Typography.Paragraph>
            <Form<Values>
              form={form}
              name="hotline"
              layout="vertical"
              initialValues={INITIAL}
              onFinish={submit}
              onValuesChange={() => setCallStart((s) => s ?? Date.now())}
              scrollToFirstError={{ focus: true }}
            >
              {create.isError && (
                <Alert
                  type="error"
                  showIcon
                  title={errorMessage(create.error, t('errors.network'))}
                  style={{ marginBottom: 16 }}
                />
              )}
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="callerPhone" label={t('hotline.callerPhone')}>
                    <Input
                      ref={phoneRef}
                      autoFocus
                      inputMode="tel"
                      maxLength={40}
                      placeholder={t('hotline.callerPhonePlaceholder')}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="callerName" label={t('hotline.callerName')}>
                    <Input maxLength={100} placeholder={t('hotline.callerNamePlaceholder')} />
                  </Form.Item>
                </Col>
              </Row>
              <CallerLookup phone={phone} canReadPersons={can('person.read')} />
              <Form.Item
                name="topicMatter"
                label={t('hotline.topic')}
                rules={[{ required: true, message: t('hotline.topicRequired') }]}
              >
                <MatterSelect includeOther placeholder={t('hotline.topicPlaceholder')} />
              </Form.Item>
              <Form.Item
                name="question"
                label={t('hotline.question')}
                rules={[{ required: true, whitespace: true, message: t('hotline.questionRequired') }]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 3, maxRows: 8 }}
                  maxLength={10_000}
                  placeholder={t('hotline.questionPlaceholder')}
                />
              </Form.Item>
              <Form.Item name="answer" label={t('hotline.answer')}>
                <Input.TextArea
                  autoSize={{ minRows: 3, maxRows: 10 }}
                  maxLength={20_000}
                  placeholder={t('hotline.answerPlaceholder')}
                />
              </Form.Item>
              <Form.Item label={t('hotline.outcome')} extra={t('hotline.outcomeKeys')}>
                {/* Keys 1–4 choose while the group has focus; arrows work as in any radio group. */}
                <div onKeyDown={onOutcomeKey}>
                  <Form.Item name="outcome" noStyle>
                    <Radio.Group
                      optionType="button"
                      aria-label={t('hotline.outcome')}
                      options={OUTCOMES.map((o, i) => ({
                        value: o,
                        label: `${i + 1} ${t(`consultations.outcomes.${o}`)}`,
                      }))}
                    />
                  </Form.Item>
                </div>
              </Form.Item>
              {outcome === 'referred' && (
                <Form.Item
                  name="referredTo"
                  label={t('consultations.referredTo')}
                  rules={[
                    { required: true, whitespace: true, message: t('consultations.referredToRequired') },
                  ]}
                >
                  <Input maxLength={200} placeholder={t('consultations.referredToPlaceholder')} />
                </Form.Item>
              )}
              <Row gutter={16} align="bottom">
                <Col xs={24} md={12}>
                  <Form.Item name="channel" label={t('consultations.channel')}>
                    <Select
                      options={CHANNELS.map((c) => ({ value: c, label: t(`consultations.channels.${c}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item>
                    <Flex justify="end" gap={8}>
                      <Button
                        onClick={() => {
                          form.resetFields();
                          setCallStart(null);
                          create.reset();
                          phoneRef.current?.focus();
                        }}
                      >
                        {t('hotline.clear')}
                      </Button>
                      <Button
                        type="primary"
                        icon={<SaveOutlined aria-hidden />}
                        loading={create.isPending}
                        onClick={save}
                        aria-keyshortcuts="Control+Enter"
                      >
                        {t('hotline.save')}
                      </Button>
                    </Flex>
                  </Form.Item>
                </Col>
              </Row>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {can('knowledge.read') && (
            <KnowledgePanel question={question} topic={topic} onInsert={insertAnswer} />
          )}
        </Col>
      </Row>
    </>
  );
}
