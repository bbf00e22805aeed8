import { useEffect, useMemo, useState } from 'react';
import { Empty, Select, Spin, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { personsApi, type Person } from '../../api';

interface Props {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** The person chosen (or loaded for a preset value), for callers that use more than the id. */
  onPick?: (person: Person | undefined) => void;
  /** People registered elsewhere on the page (the register dialog), shown without a new search. */
  extra?: Person[];
  placeholder?: string;
  notFound?: string;
  'aria-label'?: string;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Finds an applicant by name, pinyin, initials or a full document number (GET /persons?q=), as on
 * the applicants page. A form control: `value` is the person's id.
 */
export function PersonPicker({ value, onChange, onPick, extra = [], placeholder, notFound, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const found = useQuery({
    queryKey: ['persons', 'list', { q, pageSize: 20 }],
    queryFn: ({ signal }) => personsApi.list({ q, pageSize: 20 }, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  // A preset value (from a consultation) that no search has listed: load its name.
  const known = [...extra, ...(found.data?.items ?? [])];
  const missing = value !== undefined && !known.some((p) => p.id === value);
  const preset = useQuery({
    queryKey: ['persons', 'detail', value],
    queryFn: ({ signal }) => personsApi.get(value ?? '', signal),
    enabled: missing,
  });

  const people = useMemo(() => {
    const all = [...extra, ...(preset.data ? [preset.data] : []), ...(found.data?.items ?? [])];
    return all.filter((p, i) => all.findIndex((o) => o.id === p.id) === i);
  }, [extra, preset.data, found.data]);

  useEffect(() => {
    if (preset.data && preset.data.id === value) onPick?.(preset.data);
    // Only when a preset person has loaded, not on every render of the caller.
  }, [preset.data]);

  return (
    <Select<string>
      {...rest}
      value={value}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={found.isFetching || preset.isFetching}
      notFoundContent={
        found.isFetching ? (
          <Spin size="small" />
        ) : q ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={notFound} />
        ) : null
      }
      options={people.map((p) => ({
        value: p.id,
        label: p.name,
        person: p,
      }))}
      optionRender={(option) => {
        const p = (option.data as { person: Person }).person;
        return (
          <span>
            {p.name}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[
                p.idNumberMasked ?? t(`persons.documentTypes.${p.documentType}`),
                p.phoneMasked,
                p.ownerOrgName,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </span>
        );
      }}
      onChange={(id) => {
        onChange?.(id);
        onPick?.(people.find((p) => p.id === id));
      }}
    />
  );
}
