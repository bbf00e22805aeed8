import { Flex, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError, type AssignmentReason } from '../../api';
import { Citation } from '../rules/Citation';
import { reasonText } from './reasons';

/** Reasons in words, each with its legal basis; blocking ones marked as what stands in the way. */
export function ReasonList({ reasons }: { reasons: readonly AssignmentReason[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  return (
    <Flex vertical gap={4} component="ul" style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
      {reasons.map((reason, i) => (
        <li key={`${reason.code}-${i}`} data-reason={reason.code}>
          <Flex gap={6} align="baseline" wrap>
            {reason.blocking ? (
              <CloseCircleOutlined aria-hidden style={{ color: 'var(--ant-color-error, #cf1322)' }} />
            ) : (
              <CheckCircleOutlined aria-hidden style={{ color: 'var(--ant-color-success, #389e0d)' }} />
            )}
            <Typography.Text type={reason.blocking ? 'danger' : undefined}>
              {reasonText(t, reason)}
            </Typography.Text>
            {reason.citation && <Citation citation={reason.citation} />}
          </Flex>
        </li>
      ))}
    </Flex>
  );
}

const INELIGIBLE = ['ASSIGNMENT_HANDLER_INELIGIBLE', 'ASSIGNMENT_PLAN_PAIRING_INELIGIBLE'];

/** The blocking reasons an ineligible handler's (or a plan pairing's) refusal carries, if any. */
export function ineligibleReasons(error: unknown): AssignmentReason[] {
  if (!isApiError(error) || !INELIGIBLE.includes(error.code)) return [];
  const reasons = (error.details as { reasons?: unknown } | undefined)?.reasons;
  return Array.isArray(reasons) ? (reasons as AssignmentReason[]) : [];
}
