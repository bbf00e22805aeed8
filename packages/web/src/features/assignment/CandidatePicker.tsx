import { useEffect } from 'react';
import { Alert, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { CandidateCard } from './AssignModal';
import { splitCandidates } from './assignRequests';
import { useCandidates } from './useCandidates';

interface Props {
  applicationId: string;
  /** Load the candidates (while the dialog is open). */
  enabled: boolean;
  /** The chosen handler's id (handlers.id); set by Form.Item. */
  value?: string;
  onChange?: (handlerId: string) => void;
}

/**
 * The case's candidates as a choice, for a form field: the recommended handler chosen at first,
 * any other eligible one on a click, the ineligible ones greyed with what stands in the way and
 * its legal basis (LAL art.26, MPL art.104, 回避) — the same list and rules as 指派.
 */
export function CandidatePicker({ applicationId, enabled, value, onChange }: Props) {
  const { t } = useTranslation();
  const query = useCandidates(applicationId, enabled);
  const best = query.data?.best ?? null;
  useEffect(() => {
    if (value === undefined && best) onChange?.(best.handlerId);
  }, [best, value, onChange]);

  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <ErrorState compact error={query.error} onRetry={() => void query.refetch()} />;
  const { eligible, ineligible } = splitCandidates(query.data.candidates);
  if (query.data.candidates.length === 0)
    return <Typography.Text type="secondary">{t('assignment.panel.empty')}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      {!best && <Alert type="warning" showIcon title={t('assignment.panel.noBest')} />}
      <Flex vertical gap={8} role="list" aria-label={t('assignment.panel.candidates')}>
        {[...eligible, ...ineligible].map((c) => (
          <div role="listitem" key={c.handlerId}>
            <CandidateCard
              candidate={c}
              best={c.handlerId === best?.handlerId}
              selected={c.handlerId === value}
              chooseLabel={t('assignment.picker.choose')}
              onChoose={c.eligible ? () => onChange?.(c.handlerId) : undefined}
            />
          </div>
        ))}
      </Flex>
    </Flex>
  );
}
