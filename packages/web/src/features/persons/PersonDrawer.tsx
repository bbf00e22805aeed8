import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { EditOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError, personsApi, type HouseholdMember, type Person, type UnmaskedPerson } from '../../api';
import { ErrorState, errorMessage } from '../../components/ErrorState';
import { formatDateTime } from '../../utils';
import { useCan } from '../auth/session';
import { birthLabel, categoryLabel } from './labels';
import { PersonHistory } from './PersonHistory';

interface Props {
  personId: string | null;
  onClose: () => void;
  onEdit: (person: Person) => void;
}

/** One person, numbers masked; 查看完整号码 (person.unmask) shows the full numbers for this view only. */
export function PersonDrawer({ personId, onClose, onEdit }: Props) {
  const { t } = useTranslation();
  const person = useQuery({
    queryKey: ['persons', 'detail', personId],
    queryFn: ({ signal }) => personsApi.get(personId ?? '', signal),
    enabled: personId !== null,
    retry: (count, error) => !(isApiError(error) && error.status === 404) && count < 2,
  });
  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      size={640}
      title={person.data ? `${t('persons.detailTitle')} · ${person.data.name}` : t('persons.detailTitle')}
      destroyOnHidden
    >
      {person.isPending ? (
        <Skeleton active />
      ) : person.isError ? (
        <ErrorState
          compact
          error={person.error}
          title={isApiError(person.error) && person.error.status === 404 ? t('persons.notFound') : undefined}
          onRetry={() => void person.refetch()}
        />
      ) : (
        // Keyed by person, so revealed numbers never carry over to another person.
        <PersonDetails key={person.data.id} person={person.data} onEdit={onEdit} />
      )}
    </Drawer>
  );
}

function PersonDetails({ person, onEdit }: { person: Person; onEdit: (person: Person) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [full, setFull] = useState<UnmaskedPerson | null>(null);
  const unmask = useMutation({
    mutationFn: () => personsApi.unmask(person.id),
    onSuccess: setFull,
  });
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const number = (masked: string | null, plain: string | null | undefined) => {
    const value = full ? plain : masked;
    return value ? (
      <Typography.Text className="mono" copyable={full ? { text: value } : false}>
        {value}
      </Typography.Text>
    ) : (
      none
    );
  };
  const text = (v: string | null | undefined) => (v ? v : none);
  const rep = person.representative;
  const hasNumbers = Boolean(person.idNumberMasked || person.phoneMasked || rep?.phoneMasked);

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap justify="end">
        {can('person.unmask') && hasNumbers && (
          <Button
            icon={full ? <EyeInvisibleOutlined aria-hidden /> : <EyeOutlined aria-hidden />}
            loading={unmask.isPending}
            onClick={() => (full ? setFull(null) : unmask.mutate())}
          >
            {full ? t('persons.hide') : t('persons.reveal')}
          </Button>
        )}
        {can('person.manage') && (
          <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => onEdit(person)}>
            {t('common.edit')}
          </Button>
        )}
      </Flex>
      {can('person.unmask') && hasNumbers && (
        <Alert
          type={full ? 'warning' : 'info'}
          showIcon
          title={full ? t('persons.revealed') : t('persons.revealNote')}
          description={full ? t('persons.revealRecorded') : undefined}
        />
      )}
      {unmask.isError && (
        <Alert type="error" showIcon title={errorMessage(unmask.error, t('errors.network'))} />
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 140 } }}
        items={[
          {
            key: 'name',
            label: t('persons.name'),
            children: (
              <Flex gap={8} align="baseline" wrap>
                <span>{person.name}</span>
                <Typography.Text type="secondary">{person.namePinyin}</Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'documentType',
            label: t('persons.documentType'),
            children: t(`persons.documentTypes.${person.documentType}`),
          },
          {
            key: 'idNumber',
            label: t('persons.idNumber'),
            children: number(person.idNumberMasked, full?.idNumber),
          },
          { key: 'birthDate', label: t('persons.birthDate'), children: text(birthLabel(t, person)) },
          {
            key: 'sex',
            label: t('persons.sex'),
            children: person.sex ? t(`persons.sexes.${person.sex}`) : none,
          },
          {
            key: 'phone',
            label: t('persons.phone'),
            children: number(person.phoneMasked, full?.phone),
          },
          { key: 'address', label: t('persons.address'), children: text(person.address) },
          {
            key: 'categories',
            label: t('persons.categories'),
            children:
              person.categories.length === 0 ? (
                none
              ) : (
                <Flex wrap gap={4}>
                  {person.categories.map((c) => (
                    <Tag key={c} color="purple" style={{ marginInlineEnd: 0 }}>
                      {categoryLabel(c, i18n.language)}
                    </Tag>
                  ))}
                </Flex>
              ),
          },
          { key: 'organisation', label: t('persons.organisation'), children: person.ownerOrgName },
          { key: 'createdAt', label: t('persons.createdAt'), children: formatDateTime(person.createdAt) },
          { key: 'updatedAt', label: t('persons.updatedAt'), children: formatDateTime(person.updatedAt) },
        ]}
      />
      <PersonHistory personId={person.id} />
      <div>
        <Typography.Title level={5}>{t('persons.household')}</Typography.Title>
        <Table<HouseholdMember>
          size="small"
          rowKey={(m) => `${m.name}|${m.relation}|${m.birthDate ?? ''}`}
          pagination={false}
          dataSource={person.householdMembers}
          locale={{ emptyText: t('persons.noMembers') }}
          columns={[
            { title: t('persons.memberName'), dataIndex: 'name', key: 'name' },
            { title: t('persons.memberRelation'), dataIndex: 'relation', key: 'relation' },
            {
              title: t('persons.memberBirthDate'),
              dataIndex: 'birthDate',
              key: 'birthDate',
              render: (_: string | null, m: HouseholdMember) => text(birthLabel(t, m)),
            },
          ]}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('persons.representative')}</Typography.Title>
        {rep ? (
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 140 } }}
            items={[
              { key: 'name', label: t('persons.representativeName'), children: rep.name },
              {
                key: 'role',
                label: t('persons.representativeRole'),
                children: t(`persons.representativeRoles.${rep.role}`),
              },
              { key: 'relation', label: t('persons.representativeRelation'), children: text(rep.relation) },
              {
                key: 'phone',
                label: t('persons.representativePhone'),
                children: number(rep.phoneMasked, full?.representativePhone),
              },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('persons.noRepresentative')}</Typography.Text>
        )}
      </div>
    </Flex>
  );
}
