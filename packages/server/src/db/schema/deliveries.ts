import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DELIVERY_METHODS } from '@fayuan/domain';
import { applications, attachments, issuedDocuments } from './applications.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

/**
 * The delivery (送达) of an issued document to the applicant: the day it reached them starts the
 * periods that run from receipt (BJR art.24). One per document; recorded by staff with its proof
 * (a scanned receipt among the application's attachments, or the SMS platform's delivery report).
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => organisations.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => issuedDocuments.id),
    method: text('method', { enum: DELIVERY_METHODS }).notNull(),
    /** The Beijing calendar day the document reached the applicant. */
    deliveredOn: date('delivered_on', { mode: 'string' }).notNull(),
    /** The staff member or courier who delivered it, as named on the proof. */
    deliveredBy: text('delivered_by').notNull(),
    proofAttachmentId: uuid('proof_attachment_id').references(() => attachments.id),
    /** The SMS platform's delivery-report reference (短信送达回执). */
    smsReportRef: text('sms_report_ref'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('deliveries_document_idx').on(t.documentId),
    index('deliveries_application_idx').on(t.applicationId),
  ],
);
export type DeliveryRow = typeof deliveries.$inferSelect;
