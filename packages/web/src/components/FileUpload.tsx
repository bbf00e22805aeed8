import type { ReactNode } from 'react';
import { App, Upload } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/** What the server takes (modules/applications/attachments.ts): PDF, images, Office files, ≤ 20 MB. */
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx';

/**
 * A file picker that sends the file through `upload` (the caller's mutation, which knows where it
 * goes): too large is refused here with a message, before any bytes travel.
 */
export function FileUpload<T>({
  upload,
  children,
}: {
  upload: UseMutationResult<T, Error, File>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      accept={ACCEPT}
      showUploadList={false}
      beforeUpload={(file) => {
        if (file.size > MAX_BYTES) {
          void message.error(t('applications.attachments.tooLarge'));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        upload.mutate(file as File, {
          onSuccess: (result) => onSuccess?.(result),
          onError: (error) => onError?.(error),
        });
      }}
    >
      {children}
    </Upload>
  );
}
