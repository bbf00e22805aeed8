import { forwardRef } from 'react';
import { Select, type RefSelectProps, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { OTHER_TOPIC, useMatters } from '../hooks/useMatters';

type Props = Omit<SelectProps<string | string[]>, 'options' | 'showSearch' | 'filterOption'> & {
  /** Offer `other` (a consultation topic outside the catalogue). */
  includeOther?: boolean;
};

/**
 * A searchable picker over the matter catalogue in force: typing any part of the Chinese or
 * English name or the code narrows the list; ↓ and Enter choose, so it works without a mouse.
 */
export const MatterSelect = forwardRef<RefSelectProps, Props>(function MatterSelect(
  { includeOther = false, ...props },
  ref,
) {
  const { t } = useTranslation();
  const matters = useMatters();
  const options = matters.options.map((m) => ({
    value: m.code,
    label: m.name,
    search: `${m.nameZh} ${m.nameEn} ${m.code}`.toLowerCase(),
  }));
  if (includeOther)
    options.push({
      value: OTHER_TOPIC,
      label: t('consultations.otherTopic'),
      search: `${t('consultations.otherTopic')} other 其他`.toLowerCase(),
    });
  return (
    <Select
      ref={ref}
      {...props}
      loading={matters.query.isPending}
      options={options}
      showSearch={{
        filterOption: (input, option) => (option?.search ?? '').includes(input.trim().toLowerCase()),
      }}
      popupMatchSelectWidth={false}
    />
  );
});
