import { useState } from 'react';
import { Alert, App, Button, Flex, Select, Table, Tooltip, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applicationsApi, type ApplicationAttachment, type ApplicationDetail } from '../../api';
import { errorMessage } from '../../components/ErrorState';
import { FileUpload } from '../../components/FileUpload';
import { useCan } from '../auth/session';
import { useClosingMaterials } from '../casework/useCasework';
import { atBeijing, fileSize } from './format';
import { itemName } from './labels';
import { applicationKeys } from './useApplicationData';

/** Attachments: scans and files, each with its SHA-256 (the server computes and keeps it) and an audited download. */
export function AttachmentsTab({ application }: { application: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canUpload = useCan()('application.manage');
  const [material, setMaterial] = useState<string | undefined>();
  // Files the handler handed in at closing carry a closing material's code (rule list
  // `closing_material`): its names come from the case's closing list, read only when needed.
  const closingCodes = application.attachments.some(
    (a) => a.materialCode !== null && !application.materials.some((m) => m.code === a.materialCode),
  );
  const closing = useClosingMaterials(application.id, closingCodes);
  const materialName = (code: string | null) => {
    const m = application.materials.find((x) => x.code === code);
    if (m) return m.label ?? itemName(m, i18n.language);
    const c = closing.data?.materials.find((x) => x.code === code);
    return c ? itemName(c, i18n.language) : code;
  };
  const upload = useMutation({
    mutationFn: (file: File) => applicationsApi.uploadAttachment(application.id, file, material),
    onSuccess: async (attachment) => {
      await queryClient.invalidateQueries({ queryKey: applicationKeys.detail(application.id) });
      void message.success(t('applications.attachments.uploaded', { name: attachment.fileName }));
    },
  });

  return (
    <Flex vertical gap={12}>
      {canUpload && (
        <Flex wrap gap={8} align="center">
          <Select
            allowClear
            style={{ minWidth: 240 }}
            value={material}
            onChange={setMaterial}
            aria-label={t('applications.attachments.material')}
            placeholder={t('applications.attachments.materialPlaceholder')}
            options={application.materials
              .filter((m) => m.label === null)
              .map((m) => ({ value: m.code, label: itemName(m, i18n.language) }))}
          />
          <FileUpload upload={upload}>
            <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
              {t('applications.attachments.upload')}
            </Button>
          </FileUpload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('applications.attachments.uploadHelp')}
          </Typography.Text>
        </Flex>
      )}
      {upload.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable={{ onClose: () => upload.reset() }}
          title={errorMessage(upload.error, t('errors.network'))}
        />
      )}
      <Table<ApplicationAttachment>
        size="small"
        rowKey="id"
        dataSource={application.attachments}
        pagination={false}
        locale={{ emptyText: t('applications.attachments.empty') }}
        scroll={{ x: 860 }}
        columns={[
          {
            key: 'fileName',
            title: t('applications.attachments.fileName'),
            render: (_, a) => (
              <a href={applicationsApi.attachmentUrl(application.id, a.id)} download={a.fileName}>
                <DownloadOutlined aria-hidden /> {a.fileName}
              </a>
            ),
          },
          {
            key: 'material',
            title: t('applications.attachments.material'),
            width: 200,
            render: (_, a) => (a.materialCode ? materialName(a.materialCode) : '—'),
          },
          {
            key: 'size',
            title: t('applications.attachments.size'),
            width: 90,
            render: (_, a) => fileSize(a.sizeBytes),
          },
          {
            key: 'sha256',
            title: t('applications.attachments.sha256'),
            width: 130,
            render: (_, a) => (
              <Tooltip title={a.sha256}>
                <Typography.Text className="mono" copyable={{ text: a.sha256 }}>
                  {a.sha256.slice(0, 12)}
                </Typography.Text>
              </Tooltip>
            ),
          },
          {
            key: 'uploadedBy',
            title: t('applications.attachments.uploadedBy'),
            width: 110,
            render: (_, a) => a.uploadedBy.displayName,
          },
          {
            key: 'uploadedAt',
            title: t('applications.attachments.uploadedAt'),
            width: 150,
            render: (_, a) => atBeijing(a.uploadedAt),
          },
        ]}
      />
    </Flex>
  );
}
