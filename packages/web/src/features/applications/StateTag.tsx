import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../api';
import { STATE_COLOURS } from './codes';

export function StateTag({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[state] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`applications.states.${state}`)}
    </Tag>
  );
}
