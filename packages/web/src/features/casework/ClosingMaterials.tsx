import { Alert, App, Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseworkApi, type ApplicationAttachment, type ClosingMaterial } from '../../api';
import { ErrorState, errorMessage } from '../../components/ErrorState';
import { FileUpload } from '../../components/FileUpload';
import { atBeijing, fileSize } from '../applications/format';
import { itemName } from '../applications/labels';
import { Citation } from '../rules/Citation';
import { caseworkKeys } from './caseworkKeys';
import { useClosingMaterials } from './useCasework';

/** Files on the case, each an audited download (checksum verified by the server). */
export function AttachmentLinks({ caseId, files }: { caseId: string; files: ApplicationAttachment[] }) {
  return (
    <Flex vertical gap={2}>
      {files.map((f) => (
        <Flex key={f.id} wrap gap={8} align="center">
          <a href={caseworkApi.attachmentUrl(caseId, f.id)} download={f.fileName}>
            <DownloadOutlined aria-hidden /> {f.fileName}
          </a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {fileSize(f.sizeBytes)} · {atBeijing(f.uploadedAt)} · {f.uploadedBy.displayName}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

/** A material's name in the UI language with its requirement and, where known, whether a file is in. */
export function MaterialHeading({
  material,
  showStatus,
}: {
  material: ClosingMaterial;
  showStatus: boolean;
}) {
  const { t, i18n } = useTranslation();
  const onFile = material.attachments.length > 0;
  return (
    <Flex wrap gap={8} align="center">
      <Typography.Text strong>{itemName(material, i18n.language)}</Typography.Text>
      <Tag color={material.required ? 'blue' : 'default'}>
        {material.required ? t('casework.materials.required') : t('casework.materials.optional')}
      </Tag>
      {showStatus &&
        (onFile ? (
          <Tag color="green" icon={<CheckCircleFilled aria-hidden />}>
            {t('casework.materials.onFile', { count: material.attachments.length })}
          </Tag>
        ) : (
          material.required && <Tag color="red">{t('casework.materials.missing')}</Tag>
        ))}
      <Citation citation={material.citation} />
    </Flex>
  );
}

/** One material with its files and, for the handler at work, an upload button. */
function MaterialRow({
  caseId,
  material,
  editable,
}: {
  caseId: string;
  material: ClosingMaterial;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => caseworkApi.uploadClosingMaterial(caseId, file, material.code),
    onSuccess: async (attachment) => {
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.all(caseId) });
      void message.success(t('casework.materials.uploaded', { name: attachment.fileName }));
    },
  });
  return (
    <Flex vertical gap={6} data-testid="closing-material" data-code={material.code}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <MaterialHeading material={material} showStatus />
        {editable && (
          <FileUpload upload={upload}>
            <Button
              size="small"
              icon={<UploadOutlined aria-hidden />}
              loading={upload.isPending}
              aria-label={`${t('casework.materials.upload')} ${itemName(material, i18n.language)}`}
            >
              {t('casework.materials.upload')}
            </Button>
          </FileUpload>
        )}
      </Flex>
      {material.attachments.length > 0 && <AttachmentLinks caseId={caseId} files={material.attachments} />}
      {upload.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable={{ onClose: () => upload.reset() }}
          title={errorMessage(upload.error, t('errors.network'))}
        />
      )}
    </Flex>
  );
}

/**
 * 结案材料: what the case's closing needs (rule list closing_material: required ones by case type,
 * fewer after a termination), each with its legal basis and the files on record. The handler uploads
 * while at work; the closing is refused until every required one is in (LAL art.50).
 */
export function ClosingMaterialsPanel({ caseId, editable }: { caseId: string; editable: boolean }) {
  const { t } = useTranslation();
  const query = useClosingMaterials(caseId);
  if (query.isError) return <ErrorState compact error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Typography.Text type="secondary">…</Typography.Text>;
  const { materials, missing, terminated } = query.data;
  return (
    <Flex vertical gap={12}>
      {terminated && <Alert type="info" showIcon title={t('casework.materials.terminated')} />}
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="materials-missing"
          title={t('casework.materials.missingCount', { count: missing.length })}
        />
      ) : (
        <Alert
          type="success"
          showIcon
          data-testid="materials-complete"
          title={t('casework.materials.complete')}
        />
      )}
      {materials.map((m) => (
        <MaterialRow key={m.code} caseId={caseId} material={m} editable={editable} />
      ))}
      <Tooltip title={t('casework.materials.ruleVersion', { version: query.data.ruleVersion })}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} tabIndex={0}>
          {t('common.ruleVersionWord')}
        </Typography.Text>
      </Tooltip>
    </Flex>
  );
}
