import { Tag, Tooltip } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * 暂定: a date counted on the statutory holidays (全国年节及纪念日放假办法 art.2) of years whose
 * State Council notice is not entered yet; it may move when the notice is entered.
 */
export function ProvisionalTag({ years }: { years: readonly number[] }) {
  const { t, i18n } = useTranslation();
  const list = years.join(i18n.language === 'en-US' ? ', ' : '、');
  return (
    <Tooltip title={t('calendar.provisionalHint', { years: list })}>
      <Tag color="orange" icon={<ExclamationCircleOutlined aria-hidden />} data-testid="provisional-tag">
        {t('calendar.provisional')}
      </Tag>
    </Tooltip>
  );
}
