import { Button, Card, Flex, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dutyApi, type DutyRequest } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { beijingDateTime } from '../rules/beijingTime';
import { dutyKeys } from './dutyWords';

/** The organs' open duty-lawyer requests at the centre's stations; the centre may accept one for the station. */
export function DutyRequestsCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const requests = useQuery({
    queryKey: dutyKeys.requests,
    queryFn: ({ signal }) => dutyApi.requests(signal),
  });
  const accept = useMutation({
    mutationFn: (id: string) => dutyApi.accept(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dutyKeys.requests }),
  });
  return (
    <Card title={t('duty.roster.requests')} styles={{ body: { padding: 0 } }}>
      {requests.isError && <ErrorState compact error={requests.error} />}
      {accept.isError && <ErrorState compact error={accept.error} />}
      <Table<DutyRequest>
        rowKey="id"
        loading={requests.isLoading}
        dataSource={requests.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('duty.requests.none') }}
        columns={[
          { title: t('duty.requests.station'), render: (_, q) => q.station.name },
          { title: t('duty.requests.suspect'), dataIndex: 'suspectName' },
          { title: t('duty.requests.caseNumber'), dataIndex: 'institutionCaseNumber' },
          { title: t('duty.requests.reason'), render: (_, q) => t(`duty.requests.reasons.${q.reason}`) },
          {
            title: t('duty.requests.wantedAt'),
            render: (_, q) => {
              const at = beijingDateTime(q.wantedAt ?? q.receivedAt);
              return `${at.date} ${at.time}`;
            },
          },
          { title: t('duty.requests.lawyer'), render: (_, q) => q.dutyLawyer ?? '—' },
          {
            title: t('duty.requests.status'),
            render: (_, q) => (
              <Flex gap={8} align="center">
                <Tag color={q.status === 'received' ? 'orange' : 'blue'}>
                  {t(`duty.requests.statuses.${q.status}`)}
                </Tag>
                {q.status === 'received' && (
                  <Button size="small" loading={accept.isPending} onClick={() => accept.mutate(q.id)}>
                    {t('duty.my.accept')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
