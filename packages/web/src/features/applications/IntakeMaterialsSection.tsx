import { useMemo } from 'react';
import {
  Alert,
  Card,
  Checkbox,
  Flex,
  Form,
  InputNumber,
  Radio,
  Skeleton,
  Typography,
  type FormInstance,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { MaterialReference } from '../../api';
import { errorMessage } from '../../components/ErrorState';
import { Citation } from '../rules/Citation';
import { applicableMaterials, type IntakeValues } from './applicationFormValues';
import { itemName } from './labels';

interface Props {
  form: FormInstance<IntakeValues>;
  materials: MaterialReference[] | undefined;
  loading: boolean;
  error: unknown;
}

/** The materials handed in, from the list the hardship basis and an agent call for (LAL art.40–41). */
export function IntakeMaterialsSection({ form, materials, loading, error }: Props) {
  const { t, i18n } = useTranslation();
  const basis = Form.useWatch('hardshipBasis', form) ?? 'integrity_pledge';
  const agent = Form.useWatch('actingByAgent', form) ?? false;
  const listed = useMemo(() => applicableMaterials(materials ?? [], basis, agent), [materials, basis, agent]);
  const ticked = new Set<string>(Form.useWatch('materialsProvided', form) ?? []);
  return (
    <Card variant="borderless" title={t('applications.intake.materialsSection')}>
      <Typography.Paragraph type="secondary">{t('applications.intake.materialsHelp')}</Typography.Paragraph>
      {loading ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : error ? (
        <Alert type="warning" showIcon title={errorMessage(error, t('errors.loadFailed'))} />
      ) : listed.length === 0 ? (
        <Typography.Text type="secondary">{t('applications.intake.noMaterials')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          <Form.Item name="materialsProvided" style={{ marginBottom: 0 }}>
            <Checkbox.Group style={{ width: '100%' }}>
              <Flex vertical gap={8}>
                {listed.map((m) => (
                  <Checkbox key={m.code} value={m.code}>
                    {itemName(m, i18n.language)} <Citation citation={m.citation} />
                  </Checkbox>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
          {/* 份数 and 原件/复印件 of what was handed in: the receipt prints them. */}
          {listed
            .filter((m) => ticked.has(m.code))
            .map((m) => (
              <Flex key={m.code} gap={12} align="center" wrap data-testid={`material-form-${m.code}`}>
                <Typography.Text style={{ minWidth: 200 }}>{itemName(m, i18n.language)}</Typography.Text>
                <Form.Item
                  name={['materialForms', m.code, 'copies']}
                  label={t('applications.intake.copies')}
                  style={{ marginBottom: 0 }}
                >
                  <InputNumber min={1} max={99} precision={0} style={{ width: 80 }} />
                </Form.Item>
                <Form.Item name={['materialForms', m.code, 'original']} style={{ marginBottom: 0 }}>
                  <Radio.Group
                    optionType="button"
                    size="small"
                    options={[
                      { value: true, label: t('applications.intake.original') },
                      { value: false, label: t('applications.intake.copy') },
                    ]}
                  />
                </Form.Item>
              </Flex>
            ))}
        </Flex>
      )}
    </Card>
  );
}
