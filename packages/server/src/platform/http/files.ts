import type { FastifyReply } from 'fastify';

/** A UTF-8 file name in Content-Disposition (RFC 6266, RFC 5987): Chinese names survive every browser. */
export const disposition = (kind: 'inline' | 'attachment', fileName: string) =>
  `${kind}; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** An attachment download: its stored type and name, and the SHA-256 it was checked against. */
export function sendFile(
  reply: FastifyReply,
  file: { contentType: string; fileName: string; sha256: string },
  data: Buffer,
) {
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', disposition('attachment', file.fileName))
    .header('x-content-sha256', file.sha256);
  return reply.send(data);
}

/** An issued document shown in the browser's PDF viewer, named by its document number. */
export function sendPdf(reply: FastifyReply, pdf: { number: string; data: Buffer }) {
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', disposition('inline', `${pdf.number}.pdf`));
  return reply.send(pdf.data);
}
