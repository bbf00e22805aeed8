import { useTranslation } from 'react-i18next';

/**
 * Announces a refused form to screen readers (role="alert"), naming the fields to correct: each
 * field also shows its own message, but only this region is read out when the submit is refused.
 */
export function FormErrorAnnouncer({ fields }: { fields: string[] }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className={fields.length > 0 ? 'portal-form__errors' : 'portal-visually-hidden'}>
      {fields.length > 0 ? t('portal.formErrors', { fields: fields.join('、') }) : ''}
    </div>
  );
}

/** The labels of the fields a refused submit complained about (Ant Design's onFinishFailed). */
export function failedLabels(
  info: { errorFields: { name: (string | number)[] }[] },
  labels: Record<string, string>,
): string[] {
  return info.errorFields.map((f) => labels[String(f.name[0])] ?? String(f.name[0]));
}
