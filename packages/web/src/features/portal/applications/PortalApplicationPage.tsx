import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { beijingDateTime } from '../../rules/beijingTime';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState, errorMessage } from '../../../components/ErrorState';
import { PageLoading } from '../../../components/PageLoading';
import { portalApi, portalUrl } from '../portalApi';
import {
  applicationKey,
  useAccessLog,
  useOwnApplication,
  type PortalApplicationDetail,
} from './portalApplications';

const at = (iso: string) => `${beijingDateTime(iso).date} ${beijingDateTime(iso).time}`;

const STATUS_KEY = {
  provided: 'portalApply.material.provided',
  missing: 'portalApply.material.missing',
  requested: 'portalApply.material.requested',
} as const;

/** One material: its state and, when the centre still needs it, a camera / file button. */
function MaterialRow({
  id,
  material,
}: {
  id: string;
  material: PortalApplicationDetail['materials'][number];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) =>
      portalApi.upload(`/applications/${id}/attachments`, file, { material: material.code, name: file.name }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: applicationKey(id) }),
  });
  const needed = material.status !== 'provided';
  const inputId = `upload-${material.code}`;
  return (
    <li className="portal-material">
      <div>
        <strong>{material.name}</strong>{' '}
        <Tag color={needed ? 'orange' : 'green'}>
          {t(STATUS_KEY[material.status as keyof typeof STATUS_KEY] ?? STATUS_KEY.missing)}
        </Tag>
        {material.files > 0 && <span>{t('portalApply.filesSent', { count: material.files })}</span>}
      </div>
      {needed && (
        <div className="portal-material__upload">
          <input
            id={inputId}
            type="file"
            accept="image/jpeg,image/png,image/heic,image/heif,application/pdf"
            className="portal-file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.mutate(file);
              e.target.value = '';
            }}
          />
          <label htmlFor={inputId} className="portal-upload-button">
            {t('portalApply.upload', { name: material.name })}
          </label>
          <div aria-live="polite">
            {upload.isPending && t('portalApply.uploading')}
            {upload.isSuccess && t('portalApply.uploaded')}
          </div>
          {upload.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(upload.error, t('errors.network'))}
            />
          )}
        </div>
      )}
    </li>
  );
}

/** My application: where it stands, what is missing, the decision, the objection, who looked. */
export default function PortalApplicationPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const detail = useOwnApplication(id);
  const log = useAccessLog(id);
  const refresh = (data: PortalApplicationDetail) => queryClient.setQueryData(applicationKey(id), data);
  const sendSupplement = useMutation({
    mutationFn: () => portalApi.post<PortalApplicationDetail>(`/applications/${id}/supplement`, {}),
    onSuccess: refresh,
  });
  const [reason, setReason] = useState('');
  const object = useMutation({
    mutationFn: () => portalApi.post<PortalApplicationDetail>(`/applications/${id}/objection`, { reason }),
    onSuccess: refresh,
  });

  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const a = detail.data;
  return (
    <>
      <Typography.Title level={1} className="public-shell__heading">
        {a.matterName}
      </Typography.Title>
      {params.get('new') && (
        <Alert type="success" showIcon title={t('portalApply.submitted', { number: a.receiptNumber })} />
      )}
      <Card variant="borderless" className="portal-section">
        <p className="portal-state">
          <Tag color="blue">{a.stateLabel}</Tag>
        </p>
        {a.countdown && <p className="portal-countdown">{a.countdown}</p>}
        <p>{t('portalApply.receipt', { number: a.receiptNumber })}</p>
        <p>
          {a.centre.name}
          {a.centre.phone && (
            <>
              {' · '}
              <a href={`tel:${a.centre.phone}`}>{a.centre.phone}</a>
            </>
          )}
        </p>
      </Card>

      {a.supplement && (
        <Card variant="borderless" className="portal-section">
          <Typography.Title level={2}>{t('portalApply.supplementTitle')}</Typography.Title>
          <p>
            {t('portalApply.supplementIntro', {
              items: a.supplement.items.join('、'),
              date: a.supplement.dueDate ?? '',
            })}
          </p>
          <Button
            type="primary"
            size="large"
            block
            loading={sendSupplement.isPending}
            onClick={() => sendSupplement.mutate()}
          >
            {t('portalApply.supplementSend')}
          </Button>
          {sendSupplement.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(sendSupplement.error, t('errors.network'))}
            />
          )}
        </Card>
      )}

      <Card variant="borderless" className="portal-section">
        <Typography.Title level={2}>{t('portalApply.materialsTitle')}</Typography.Title>
        <ul className="portal-materials">
          {a.materials.map((m) => (
            <MaterialRow key={m.code} id={id} material={m} />
          ))}
        </ul>
      </Card>

      {a.documents.length > 0 && (
        <Card variant="borderless" className="portal-section">
          <Typography.Title level={2}>{t('portalApply.documentsTitle')}</Typography.Title>
          <ul className="portal-documents">
            {a.documents.map((d) => (
              <li key={d.id}>
                <a
                  href={portalUrl(`/applications/${id}/documents/${d.id}/pdf`)}
                  target="_blank"
                  rel="noreferrer"
                >
                  {t('portalApply.download', { title: d.title })}
                </a>{' '}
                <span>{d.number}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}

      {a.objection.open && (
        <Card variant="borderless" className="portal-section">
          <Typography.Title level={2}>{t('portalApply.objectionTitle')}</Typography.Title>
          {a.objection.until && <p>{t('portalApply.objectionUntil', { date: a.objection.until })}</p>}
          <Form layout="vertical" size="large" onFinish={() => object.mutate()}>
            <Form.Item
              label={t('portalApply.objectionReason')}
              name="reason"
              rules={[{ required: true, whitespace: true, message: t('portalApply.objectionRequired') }]}
            >
              <Input.TextArea
                rows={4}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={5000}
              />
            </Form.Item>
            {object.isError && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={errorMessage(object.error, t('errors.network'))}
              />
            )}
            <Button htmlType="submit" size="large" block loading={object.isPending}>
              {t('portalApply.objectionSubmit')}
            </Button>
          </Form>
        </Card>
      )}

      {a.closed && (
        <Card variant="borderless" className="portal-section">
          <Link to={`/portal/applications/${id}/rate`} className="portal-tile">
            {t('portalApply.rate')}
          </Link>
        </Card>
      )}

      <Card variant="borderless" className="portal-section">
        <Typography.Title level={2}>{t('portalApply.timelineTitle')}</Typography.Title>
        <ol className="portal-timeline">
          {a.timeline.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <time dateTime={e.at}>{at(e.at)}</time> {e.title}
            </li>
          ))}
        </ol>
      </Card>

      <Card variant="borderless" className="portal-section">
        <Typography.Title level={2}>{t('portalApply.accessTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('portalApply.accessIntro')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey={(r) => `${r.at}-${r.purpose}-${r.role}`}
          loading={log.isPending}
          dataSource={log.data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: true }}
          locale={{ emptyText: t('portalApply.accessNone') }}
          columns={[
            { title: t('portalApply.accessAt'), dataIndex: 'at', render: (v: string) => at(v) },
            { title: t('portalApply.accessOrganisation'), dataIndex: 'organisation' },
            { title: t('portalApply.accessRole'), dataIndex: 'role' },
            { title: t('portalApply.accessPurpose'), dataIndex: 'purpose' },
          ]}
        />
      </Card>
    </>
  );
}
