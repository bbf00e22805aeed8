import type { messages as zh } from '../zh-CN/messages';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const messages: Shape<typeof zh> = {
  messages: {
    nav: 'Messages',
    title: 'Messages',
    intro:
      'SMS and e-mail sent or waiting. Recipients are partly hidden; sign-in codes are never shown. "Simulated" means no SMS or mail service is connected and the message did not leave.',
    createdAt: 'Time',
    recipient: 'Recipient',
    kind: 'Kind',
    channel: 'Channel',
    sms: 'SMS',
    email: 'E-mail',
    status: 'Status',
    attempts: 'Attempts',
    kindOther: 'Other notice',
    lastError: 'Last error',
    sentAt: 'Sent',
    statuses: {
      pending: 'Waiting',
      sent: 'Sent',
      delivered: 'Delivered',
      simulated: 'Simulated',
      failed: 'Failed',
    },
    kinds: {
      otp_code: 'Sign-in code',
      application_received: 'Application received',
      supplement_requested: 'Materials needed',
      aid_granted: 'Aid granted',
      aid_refused: 'Aid refused',
      appointment_booked: 'Booking confirmed',
      appointment_booked_video: 'Video booking confirmed',
      appointment_reminder: 'Booking reminder',
      application_deemed_withdrawn: 'Deemed withdrawn',
      application_withdrawn: 'Application withdrawn',
      provisional_aid_granted: 'Aid given in advance',
      formalities_completed: 'Formalities completed',
      objection_upheld: 'Objection: decision upheld',
      objection_corrected: 'Objection: decision corrected',
      handler_assigned: 'Handler assigned',
      handler_changed: 'Handler changed',
      handler: {
        handler_assigned: 'To handler: case assigned',
        handler_changed: 'To handler: handler changed',
        aid_terminated: 'To handler: aid terminated',
        formalities_completed: 'To handler: formalities completed',
        closing_accepted: 'To handler: closing accepted',
        closing_returned: 'To handler: closing returned',
        evaluation_recorded: 'To handler: evaluation recorded',
        objection_corrected: 'To handler: termination corrected',
        subsidy_paid: 'To handler: subsidy paid',
      },
      notice: {
        objection_filed: 'Notice: objection filed',
        hearing_reminder: 'Notice: hearing',
        duty_request: 'Notice: duty lawyer request',
      },
    },
  },
};
