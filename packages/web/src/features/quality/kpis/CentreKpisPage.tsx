import { useState } from 'react';
import { App, Button, DatePicker, Flex, Table, Tooltip, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { api, download } from '../../../api';
import type { ApiResponse } from '../../../api/openapi';
import { PageHeader } from '../../../components/PageHeader';
import { ExportButton } from '../../../components/ListExport';
import { errorMessage } from '../../../components/ErrorState';
import { Citation } from '../../rules/Citation';
import { beijingTodayValue } from '../../rules/beijingTime';

type Centre = ApiResponse<'getQualityCentreKpis'>['items'][number];

/**
 * 中心考评 (OPN (十二)): each centre's indicators for a period, computed from the records by the
 * formulas in the rule data, with their basis; exported to Excel and as a PDF report.
 */
export default function CentreKpisPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => {
    const today = beijingTodayValue();
    return [today.startOf('month'), today];
  });
  const params = { from: period[0].format('YYYY-MM-DD'), to: period[1].format('YYYY-MM-DD') };
  const list = useQuery({
    queryKey: ['centre-kpis', params],
    queryFn: () => api.get<{ items: Centre[] }>('/quality/centre-kpis', params),
  });
  const [busy, setBusy] = useState(false);
  const pdf = async () => {
    setBusy(true);
    try {
      const { blob } = await download('/quality/centre-kpis/report', params);
      window.open(URL.createObjectURL(blob), '_blank', 'noopener');
    } catch (error) {
      void message.error(errorMessage(error, t('errors.network')));
    } finally {
      setBusy(false);
    }
  };
  const kpis = list.data?.items[0]?.kpis ?? [];
  const name = (k: { nameZh: string; nameEn: string }) => (i18n.language === 'en-US' ? k.nameEn : k.nameZh);
  return (
    <>
      <PageHeader
        title={t('kpis.title')}
        extra={
          <>
            <ExportButton path="/quality/centre-kpis/export" params={params} />
            <Button icon={<FilePdfOutlined aria-hidden />} loading={busy} onClick={() => void pdf()}>
              {t('kpis.pdf')}
            </Button>
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t('kpis.intro')}</Typography.Paragraph>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{t('kpis.period')}</Typography.Text>
        <DatePicker.RangePicker
          aria-label={t('kpis.period')}
          value={period}
          allowClear={false}
          inputReadOnly
          onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])}
        />
      </Flex>
      <Table<Centre>
        rowKey="organisationId"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('kpis.centre'), dataIndex: 'name', fixed: 'left' },
          ...kpis.map((k, i) => ({
            key: k.code,
            title: (
              <Tooltip title={<Citation citation={k.citation} />}>
                {name(k)}（{k.unit}）
              </Tooltip>
            ),
            render: (_: unknown, c: Centre) => {
              const v = c.kpis[i];
              return v?.value === null || v === undefined ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <Tooltip title={`${v.numerator} / ${v.denominator}`}>{v.value}</Tooltip>
              );
            },
          })),
        ]}
      />
    </>
  );
}
