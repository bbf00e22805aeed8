import { DatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { beijingNow } from '../rules/beijingTime';

/** Date and time on Beijing's wall clock (the value is a picker Dayjs; asBeijingInstant sends it). */
export function BeijingDateTimePicker(props: Omit<DatePickerProps, 'showTime' | 'format'>) {
  const now = beijingNow();
  return (
    <DatePicker
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      style={{ width: '100%' }}
      disabledDate={(d: Dayjs) => d.isAfter(now, 'day')}
      defaultPickerValue={dayjs(now)}
      {...props}
    />
  );
}
