import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../api';

/** The stages a case passes from assignment to the archive (domain.md, "The flow"). */
const STAGES = [
  'assigned',
  'in_progress',
  'closing_submitted',
  'closed',
  'evaluated',
  'subsidy_paid',
  'archived',
] as const;

/** Where the state sits among the stages; a terminated case stands where the work stopped. */
function stageIndex(state: CaseState): number {
  if (state === 'terminated' || state === 'objection_to_termination' || state === 'provisional_aid') return 1;
  const index = (STAGES as readonly CaseState[]).indexOf(state);
  return index === -1 ? 0 : index;
}

/** 承办进度: assignment → work → closing → review → evaluation → subsidy → archive. */
export function CaseStages({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  const current = stageIndex(state);
  const terminated = state === 'terminated' || state === 'objection_to_termination';
  return (
    <Steps
      size="small"
      current={current}
      status={terminated ? 'error' : state === 'archived' ? 'finish' : 'process'}
      aria-label={t('casework.stages.title')}
      items={STAGES.map((s, i) => ({
        title: i === current && terminated ? t('applications.states.terminated') : t(`casework.stages.${s}`),
      }))}
    />
  );
}
