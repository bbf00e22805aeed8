import { useMemo, useState } from 'react';
import { Flex, Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';

interface Option {
  value: string;
  label: string;
  /** A code typed by the user, not one of the known ones. */
  custom?: boolean;
}

type Props = Omit<SelectProps<string, Option>, 'options' | 'showSearch' | 'mode'> & {
  /** Known codes with their labels. */
  options: Option[];
};

/**
 * Picks a code by its label, searchable by label or code; a code typed that is not in the list can be
 * chosen too (areas added later bring actions this list does not know yet).
 */
export function CodeSelect({ options, ...props }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const typed = search.trim();

  const all = useMemo(() => {
    const custom =
      typed && !options.some((o) => o.value === typed) && /^[\w.-]+$/.test(typed)
        ? [{ value: typed, label: t('audit.useCode', { code: typed }), custom: true }]
        : [];
    return [...options, ...custom];
  }, [options, typed, t]);

  return (
    <Select<string, Option>
      allowClear
      {...props}
      options={all}
      popupMatchSelectWidth={false}
      showSearch={{
        onSearch: setSearch,
        filterOption: (input, option) => {
          const q = input.trim().toLowerCase();
          if (!option) return false;
          return (
            option.value === typed ||
            String(option.label).toLowerCase().includes(q) ||
            String(option.value).toLowerCase().includes(q)
          );
        },
      }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      // A typed code shows as itself once chosen, not as “search for code …”.
      labelRender={({ value }) => options.find((o) => o.value === value)?.label ?? String(value)}
      optionRender={(option) => (
        <Flex justify="space-between" gap={12}>
          <span>{option.label}</span>
          {!option.data.custom && <span className="code-hint">{option.value}</span>}
        </Flex>
      )}
    />
  );
}
