import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { HearingCalendar } from './HearingCalendar';

/** 庭审日历 of the centre: every handler's hearings and scheduled activities in the user's scope. */
export default function HearingCalendarPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('work.calendar.centreTitle')} />
      <HearingCalendar mine={false} />
    </Flex>
  );
}
