import { item } from './list-item.ts';
import { NATIONAL } from './rules-cn-bj.ts';

/**
 * The duty lawyer's services (值班律师法律帮助), as the 2020 duty-lawyer measures (司规〔2020〕6号)
 * name them; each row cites the law that carries the duty (the measures' own article numbers are
 * still to be read, facts.md §1): LAL art.30 (advice, procedure, coercive measures, opinions),
 * LAL art.39 (applications passed on within 24 hours), LAL art.37 (meeting and reading the file),
 * CPL art.174 (the plea agreement signed with a duty lawyer present).
 */
export const DUTY_SERVICE_TYPE_ITEMS = [
  item(NATIONAL, 'duty_service_type', 'legal_consultation', '法律咨询', 'Legal advice', 'LAL art.30'),
  item(
    NATIONAL,
    'duty_service_type',
    'procedure_advice',
    '程序选择建议',
    'Advice on the choice of procedure',
    'LAL art.30',
  ),
  item(
    NATIONAL,
    'duty_service_type',
    'coercive_measure_change',
    '申请变更强制措施',
    'Applying to change a coercive measure',
    'LAL art.30',
  ),
  item(
    NATIONAL,
    'duty_service_type',
    'case_opinion',
    '对案件处理提出意见',
    'Opinion on how the case is handled',
    'LAL art.30',
  ),
  item(
    NATIONAL,
    'duty_service_type',
    'aid_application_help',
    '帮助申请法律援助',
    'Helping to apply for legal aid',
    'LAL art.39',
  ),
  item(
    NATIONAL,
    'duty_service_type',
    'plea_signing_presence',
    '认罪认罚具结书签署在场',
    'Present at the signing of the plea agreement',
    'CPL art.174',
    { pleaFields: true },
  ),
  item(NATIONAL, 'duty_service_type', 'meeting', '会见', 'Meeting the suspect', 'LAL art.37'),
  item(NATIONAL, 'duty_service_type', 'file_reading', '阅卷', 'Reading the case file', 'LAL art.37'),
];
