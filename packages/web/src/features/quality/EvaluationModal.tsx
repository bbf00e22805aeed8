import { Checkbox, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { qualityApi, type ApplicationDetail } from '../../api';
import { SubmitFormModal } from '../../components/FormModal';
import { itemName } from '../applications/labels';
import { useApplicationAction } from '../applications/useApplicationAction';
import { Citation } from '../rules/Citation';
import { asksSatisfaction, bandMissed, toEvaluationInput, type EvaluationValues } from './evaluationRequests';
import { qualityKeys } from './qualityKeys';
import { useQualityReference } from './useQuality';

interface Props {
  application: ApplicationDetail;
  open: boolean;
  onClose: () => void;
}

/**
 * 质量评估 of a closed case (LAL art.57, art.59): the methods and grades are the rule rows in force;
 * the score must fit the grade's band, and a follow-up visit (回访) records the recipient's satisfaction.
 */
export function EvaluationModal({ application, open, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EvaluationValues>();
  const reference = useQualityReference(open);
  const methods = reference.data?.methods ?? [];
  const grades = reference.data?.grades ?? [];
  const chosenMethods = Form.useWatch('methods', form);
  const chosenGrade = Form.useWatch('grade', form);
  const visit = asksSatisfaction(chosenMethods, methods);
  const send = useApplicationAction(
    application.id,
    async (values: EvaluationValues) => {
      const evaluation = await qualityApi.evaluate(application.id, toEvaluationInput(values, methods));
      queryClient.setQueryData(qualityKeys.evaluation(application.id), evaluation);
      return evaluation;
    },
    t('quality.evaluated'),
    onClose,
  );
  return (
    <SubmitFormModal<EvaluationValues>
      open={open}
      title={t('quality.evaluateTitle')}
      name="evaluation"
      form={form}
      firstField="methods"
      width={720}
      send={send}
      onClose={onClose}
      errorFields={{
        QUALITY_METHOD_UNKNOWN: 'methods',
        QUALITY_GRADE_UNKNOWN: 'grade',
        QUALITY_SCORE_OUTSIDE_GRADE: 'score',
        QUALITY_SATISFACTION_REQUIRED: 'satisfaction',
      }}
    >
      <Typography.Paragraph type="secondary">{t('quality.evaluateIntro')}</Typography.Paragraph>
      <Form.Item
        label={t('quality.methods')}
        name="methods"
        rules={[{ required: true, type: 'array', min: 1, message: t('quality.methodsRequired') }]}
      >
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {methods.map((m) => (
            <Checkbox key={m.code} value={m.code}>
              {itemName(m, i18n.language)} <Citation citation={m.citation} />
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      {visit && (
        <Form.Item
          label={t('quality.satisfaction')}
          name="satisfaction"
          rules={[{ required: true, message: t('quality.satisfactionRequired') }]}
        >
          <Radio.Group
            options={(reference.data?.satisfactionLevels ?? []).map((s) => ({
              value: s,
              label: t(`quality.satisfactionLevels.${s}`),
            }))}
          />
        </Form.Item>
      )}
      <Form.Item
        label={t('quality.grade')}
        name="grade"
        rules={[{ required: true, message: t('quality.gradeRequired') }]}
      >
        <Radio.Group
          options={grades.map((g) => ({
            value: g.code,
            label: t('quality.gradeOption', {
              name: itemName(g, i18n.language),
              min: g.minScore,
              max: g.maxScore,
            }),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('quality.score')}
        name="score"
        dependencies={['grade']}
        rules={[
          { required: true, type: 'integer', min: 0, max: 100, message: t('quality.scoreRequired') },
          {
            validator: (_, score: number | null | undefined) => {
              const missed = bandMissed(
                score,
                grades.find((g) => g.code === chosenGrade),
              );
              return missed
                ? Promise.reject(
                    new Error(
                      t('quality.scoreOutsideGrade', {
                        min: missed.minScore,
                        max: missed.maxScore,
                        grade: itemName(missed, i18n.language),
                      }),
                    ),
                  )
                : Promise.resolve();
            },
          },
        ]}
      >
        <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={t('quality.findings')}
        name="findings"
        rules={[{ required: true, whitespace: true, message: t('quality.findingsRequired') }]}
      >
        <Input.TextArea maxLength={10000} autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </SubmitFormModal>
  );
}
