import { Alert, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationMaterial, MaterialStatus } from '../../api';
import { Citation } from '../rules/Citation';
import { atBeijing } from './format';
import { itemName } from './labels';

const STATUS_COLOURS: Record<MaterialStatus, string> = {
  provided: 'green',
  missing: 'red',
  requested: 'orange',
};

/** The materials checklist: what is in, what is missing, what was asked for and when. */
export function MaterialsTab({ materials }: { materials: ApplicationMaterial[] }) {
  const { t, i18n } = useTranslation();
  const outstanding = materials.filter((m) => m.status !== 'provided').length;
  return (
    <Flex vertical gap={12}>
      {materials.length > 0 && (
        <Alert
          type={outstanding > 0 ? 'warning' : 'success'}
          showIcon
          title={
            outstanding > 0
              ? t('applications.materials.missingCount', { count: outstanding })
              : t('applications.materials.allProvided')
          }
        />
      )}
      <Table<ApplicationMaterial>
        size="small"
        rowKey={(m) => `${m.code}-${m.label ?? ''}`}
        dataSource={materials}
        pagination={false}
        locale={{ emptyText: t('applications.materials.empty') }}
        columns={[
          {
            key: 'name',
            title: t('applications.materials.name'),
            render: (_, m) => m.label ?? itemName(m, i18n.language),
          },
          {
            key: 'status',
            title: t('applications.materials.status'),
            width: 120,
            render: (_, m) => (
              <Tag color={STATUS_COLOURS[m.status]}>{t(`applications.materialStatus.${m.status}`)}</Tag>
            ),
          },
          {
            key: 'form',
            title: t('applications.materials.form'),
            width: 120,
            render: (_, m) =>
              m.copies === null && m.original === null ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                [
                  m.copies === null ? null : t('applications.materials.copies', { count: m.copies }),
                  m.original === null
                    ? null
                    : t(m.original ? 'applications.intake.original' : 'applications.intake.copy'),
                ]
                  .filter(Boolean)
                  .join(' · ')
              ),
          },
          {
            key: 'citation',
            title: t('applications.materials.citation'),
            width: 200,
            render: (_, m) => (m.citation ? <Citation citation={m.citation} /> : null),
          },
          {
            key: 'requestedAt',
            title: t('applications.materials.requestedAt'),
            width: 150,
            render: (_, m) =>
              atBeijing(m.requestedAt) || <Typography.Text type="secondary">—</Typography.Text>,
          },
          {
            key: 'providedAt',
            title: t('applications.materials.providedAt'),
            width: 150,
            render: (_, m) =>
              atBeijing(m.providedAt) || <Typography.Text type="secondary">—</Typography.Text>,
          },
        ]}
      />
    </Flex>
  );
}
