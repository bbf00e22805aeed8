import type { Dayjs } from 'dayjs';
import type { SubsidyPaymentInput } from '../../api';
import { yuanToFen } from '../applications/applicationFormValues';

/** The payment dialog's values and the request body they become. Pure, like caseworkRequests.ts. */
export interface PaymentValues {
  /** Yuan as typed; the server keeps fen. */
  amountYuan: number;
  paidOn: Dayjs;
  paymentReference: string;
}

export function toPaymentInput(values: PaymentValues): SubsidyPaymentInput {
  return {
    amountFen: yuanToFen(values.amountYuan),
    paidOn: values.paidOn.format('YYYY-MM-DD'),
    paymentReference: values.paymentReference.trim(),
  };
}
