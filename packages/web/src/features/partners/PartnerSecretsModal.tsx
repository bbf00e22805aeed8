import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ShownSecret {
  labelKey: 'keyId' | 'secret' | 'callbackKeyId' | 'callbackSecret';
  value: string;
}

/** The secrets of a new partner or a rotated key: shown this once, with copy buttons. */
export function PartnerSecretsModal({
  title,
  secrets,
  onClose,
}: {
  title: string;
  secrets: ShownSecret[] | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={secrets !== null}
      title={title}
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('partners.secrets.close')}
        </Button>
      }
      width={640}
    >
      <Alert type="warning" showIcon message={t('partners.secrets.warning')} style={{ marginBottom: 16 }} />
      <Descriptions column={1} bordered size="small">
        {(secrets ?? []).map((s) => (
          <Descriptions.Item key={s.labelKey} label={t(`partners.secrets.${s.labelKey}`)}>
            <Typography.Text
              code
              copyable={{
                text: s.value,
                tooltips: [t('partners.secrets.copy'), t('partners.secrets.copied')],
              }}
              data-testid={`secret-${s.labelKey}`}
            >
              {s.value}
            </Typography.Text>
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Modal>
  );
}
