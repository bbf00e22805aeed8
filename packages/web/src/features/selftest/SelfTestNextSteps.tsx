import { useMemo, useState } from 'react';
import { Card, Flex, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { eligibilityApi, type Assessment, type RuleRow } from '../../api';
import { localName } from '../rules/labels';

interface Props {
  assessment: Assessment;
  /** The `application_material` rows in force on the application date. */
  materials: RuleRow[];
}

/**
 * Which materials an applicant brings (rule list `application_material`, `params.requiredFor`):
 * those every application needs, and the proof that goes with how hardship is shown — the
 * integrity pledge when it is checked (LAL art.41), the category proof when it is presumed
 * (art.42), the ground's proof when the condition does not apply (art.32).
 */
export function materialsToBring(materials: readonly RuleRow[], hardship: Assessment['hardship']['status']) {
  const basis =
    hardship === 'presumed'
      ? 'presumed_category'
      : hardship === 'exempt'
        ? 'no_condition_ground'
        : hardship === 'not_tested'
          ? null
          : 'integrity_pledge';
  return materials.filter((row) => {
    const params = (row.data.params ?? {}) as Record<string, unknown>;
    return params.requiredFor === 'all' || (basis !== null && params.requiredFor === basis);
  });
}

/** After the result: what to bring, and the centre of the citizen's district with its hours. */
export function SelfTestNextSteps({ assessment, materials }: Props) {
  const { t, i18n } = useTranslation();
  const centres = useQuery({
    queryKey: ['selftest', 'centres'],
    queryFn: ({ signal }) => eligibilityApi.centres(signal),
    staleTime: 60 * 60_000,
  });
  const districts = useMemo(() => (centres.data?.items ?? []).filter((c) => !c.city), [centres.data]);
  const cityCentre = centres.data?.items.find((c) => c.city);
  const [district, setDistrict] = useState<string | undefined>();
  const centre = districts.find((c) => c.name === district) ?? (district ? undefined : cityCentre);
  const bring = materialsToBring(materials, assessment.hardship.status);
  return (
    <Card variant="borderless" title={t('selfTest.nextSteps')} data-testid="selftest-next-steps">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('selfTest.bringMaterials')}
      </Typography.Title>
      <ul className="change-list" aria-label={t('selfTest.bringMaterials')}>
        {bring.map((row) => (
          <li key={row.key}>{localName(row.data, i18n.language)}</li>
        ))}
      </ul>
      <Typography.Paragraph type="secondary">{t('selfTest.materialsHint')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('selfTest.nearestCentre')}</Typography.Title>
      <Flex vertical gap={8}>
        <Select
          aria-label={t('selfTest.district')}
          placeholder={t('selfTest.districtPlaceholder')}
          value={district}
          onChange={setDistrict}
          loading={centres.isPending}
          options={districts.map((c) => ({ value: c.name, label: c.name }))}
          style={{ width: '100%' }}
        />
        {centre && (
          <div data-testid="selftest-centre">
            <Typography.Text strong>{centre.name}</Typography.Text>
            {centre.address && (
              <div>
                {t('selfTest.centreAddress')}：{centre.address}
              </div>
            )}
            {centre.phone && (
              <div>
                {t('selfTest.centrePhone')}：<a href={`tel:${centre.phone}`}>{centre.phone}</a>
              </div>
            )}
            <div>
              {t('selfTest.centreHours')}：{centre.officeHours ?? t('selfTest.hoursUnknown')}
            </div>
          </div>
        )}
        <Typography.Text type="secondary">{t('selfTest.hotline')}</Typography.Text>
      </Flex>
    </Card>
  );
}
