import { Button, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import type { Person } from '../../api';
import { formatDateTime, DATE_TIME_SHORT } from '../../utils';
import { birthLabel, categoryLabel } from './labels';

interface Options {
  t: TFunction;
  language: string;
  sort: string | undefined;
  canManage: boolean;
  onOpen: (person: Person) => void;
  onEdit: (person: Person) => void;
}

function sortOrder(sort: string | undefined, field: string): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

export function personColumns(o: Options): TableColumnsType<Person> {
  const { t } = o;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return [
    {
      title: t('persons.name'),
      dataIndex: 'name',
      key: 'name',
      width: 130,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder(o.sort, 'name'),
      render: (name: string, person) => (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => o.onOpen(person)}>
          {name}
        </Button>
      ),
    },
    {
      title: t('persons.sex'),
      dataIndex: 'sex',
      key: 'sex',
      width: 90,
      render: (sex: Person['sex']) => (sex ? t(`persons.sexes.${sex}`) : none),
    },
    {
      title: t('persons.birthDate'),
      dataIndex: 'birthDate',
      key: 'birthDate',
      width: 120,
      sorter: true,
      sortOrder: sortOrder(o.sort, 'birthDate'),
      render: (_: string | null, p: Person) => birthLabel(t, p) ?? none,
    },
    {
      title: t('persons.idNumber'),
      dataIndex: 'idNumberMasked',
      key: 'idNumber',
      width: 200,
      render: (v: string | null, person) =>
        v ? (
          <Flex vertical>
            <span className="mono">{v}</span>
            {person.documentType !== 'resident_id' && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`persons.documentTypes.${person.documentType}`)}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          none
        ),
    },
    {
      title: t('persons.phone'),
      dataIndex: 'phoneMasked',
      key: 'phone',
      width: 140,
      render: (v: string | null) => (v ? <span className="mono">{v}</span> : none),
    },
    {
      title: t('persons.categories'),
      dataIndex: 'categories',
      key: 'categories',
      width: 220,
      render: (categories: Person['categories']) =>
        categories.length === 0 ? (
          none
        ) : (
          <Flex wrap gap={4}>
            {categories.map((c) => (
              <Tag key={c} color="purple" style={{ marginInlineEnd: 0 }}>
                {categoryLabel(c, o.language)}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t('persons.organisation'),
      dataIndex: 'ownerOrgName',
      key: 'ownerOrgName',
      width: 170,
      ellipsis: true,
    },
    {
      title: t('persons.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 140,
      sorter: true,
      sortOrder: sortOrder(o.sort, 'createdAt'),
      render: (v: string) => formatDateTime(v, DATE_TIME_SHORT),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: o.canManage ? 120 : 80,
      render: (_: unknown, person) => (
        <Flex gap={0}>
          <Button type="link" size="small" onClick={() => o.onOpen(person)}>
            {t('common.details')}
          </Button>
          {o.canManage && (
            <Button type="link" size="small" onClick={() => o.onEdit(person)}>
              {t('common.edit')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
}
