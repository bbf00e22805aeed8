import { useState, type ReactNode } from 'react';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssignmentHighlight } from '../../api';
import { useMatterName } from '../applications/useApplicationData';
import { highlightText } from './reasons';

/** Why a handler, in words: "负担最轻 · 擅长劳动争议 · 同区". */
export function Highlights({ highlights }: { highlights: readonly AssignmentHighlight[] }) {
  const { t } = useTranslation();
  const matterName = useMatterName();
  const words =
    highlights.length === 0
      ? t('assignment.highlights.none')
      : highlights.map((h) => highlightText(t, h, matterName)).join(' · ');
  return (
    <Typography.Text data-testid="highlights" type={highlights.length === 0 ? 'secondary' : undefined}>
      {words}
    </Typography.Text>
  );
}

/**
 * The figures behind the words (the score and its parts, a solver's statistics), shown only on
 * 详情: a director decides on the words, an auditor can still check the numbers.
 */
export function DetailsToggle({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Flex vertical gap={4} align="flex-start">
      <Button
        type="link"
        size="small"
        style={{ paddingInline: 0 }}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('assignment.details.hide') : t('assignment.details.show')}
      </Button>
      {open && (
        <div data-testid="details" aria-label={t('assignment.details.label')} role="group">
          {children}
        </div>
      )}
    </Flex>
  );
}
