import type { ReactNode } from 'react';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The translated label; when it is the code itself (an unknown code), the label says so. */
  label: ReactNode;
  code: string;
  /** Kept for callers laying the label out inline; the code is in the tooltip either way. */
  inline?: boolean;
}

/**
 * A label people read. The stable code (for searching logs and the API by it) is a technical
 * detail: it shows in a tooltip on hover or focus, never as text on the page.
 */
export function CodeLabel({ label, code, inline = false }: Props) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('common.code', { code })}>
      <span className={inline ? 'code-label code-label--inline' : 'code-label'} tabIndex={0}>
        <span className="code-label__text">{label === code ? t('common.unlisted') : label}</span>
      </span>
    </Tooltip>
  );
}
