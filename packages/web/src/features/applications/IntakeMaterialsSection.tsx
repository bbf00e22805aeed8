import { useMemo } from 'react';
import { Alert, Card, Checkbox, Flex, Form, Skeleton, Typography, type FormInstance } from 'antd';
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
      )}
    </Card>
  );
}
