import { forwardRef } from 'react';
import { Select, type RefSelectProps, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { matterMatches } from '@fayuan/domain';
import { OTHER_TOPIC, useMatters, type MatterOption } from '../hooks/useMatters';
import { useMatterWords } from '../hooks/useMatterWords';

type Props = Omit<SelectProps<string | string[]>, 'options' | 'showSearch' | 'filterOption'> & {
  /** Offer `other` (a consultation topic outside the catalogue). */
  includeOther?: boolean;
};

/**
 * A searchable picker over the matter catalogue in force: typing any part of the Chinese or
 * English name, or a caller's word for it (欠薪, 工伤, 家暴: list `matter_synonym`), narrows the
 * list; ↓ and Enter choose, so it works without a mouse.
 */
export const MatterSelect = forwardRef<RefSelectProps, Props>(function MatterSelect(
  { includeOther = false, ...props },
  ref,
) {
  const { t } = useTranslation();
  const matters = useMatters();
  const { synonyms } = useMatterWords();
  const options: { value: string; label: string; matter?: MatterOption }[] = matters.options.map((m) => ({
    value: m.code,
    label: m.name,
    matter: m,
  }));
  if (includeOther) options.push({ value: OTHER_TOPIC, label: t('consultations.otherTopic') });
  const otherWords = `${t('consultations.otherTopic')} other 其他`.toLowerCase();
  return (
    <Select
      ref={ref}
      {...props}
      loading={matters.query.isPending}
      options={options}
      showSearch={{
        filterOption: (input, option) =>
          option?.matter
            ? matterMatches(input, option.matter, synonyms)
            : otherWords.includes(input.trim().toLowerCase()),
      }}
      popupMatchSelectWidth={false}
    />
  );
});
