import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Input,
  Popconfirm,
  Radio,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/ErrorState';
import { useEvidenceWords } from './checklistWords';
import { checklistColumns } from './checklistColumns';
import {
  inspectionKeys,
  inspectionsApi,
  type ChecklistItem,
  type InspectionDetail,
  type Judgements,
} from './inspectionsApi';
import { RectificationPanel } from './RectificationPanel';

type Choice = 'met' | 'unmet' | 'na' | 'none';
const choiceOf = (j: Judgements[string] | undefined): Choice =>
  !j ? 'none' : 'notApplicable' in j ? 'na' : j.met ? 'met' : 'unmet';

/**
 * 卷宗检查: one case's service-standard checklist, each item evidenced, missing or late from the
 * record with its legal basis; the reviewer's judgements (met, not met, not applicable with a
 * note), findings and the scores; then the rectification requests.
 */
export function InspectionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const detail = useQuery({
    queryKey: inspectionKeys.detail(id ?? ''),
    queryFn: () => inspectionsApi.detail(id ?? ''),
    enabled: id !== null,
  });
  const d = detail.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={d ? `${t('inspection.title')} · ${d.application.number}` : t('inspection.title')}
      destroyOnHidden
    >
      {detail.isError && (
        <Alert type="error" showIcon title={errorMessage(detail.error, t('errors.network'))} />
      )}
      {d && (
        <Flex vertical gap={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('inspection.case')}>
              <span className="mono">{d.application.number}</span> ·{' '}
              {t(`applications.caseTypes.${d.application.caseType}`)} · {d.handler.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspection.checklistDate')}>{d.checklistDate}</Descriptions.Item>
            <Descriptions.Item label={t('inspection.inspector')}>{d.inspectorName}</Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{t('inspection.checklistHelp')}</Typography.Text>
          <Checklist inspection={d} language={i18n.language} />
          <RectificationPanel inspection={d} />
        </Flex>
      )}
    </Drawer>
  );
}

function Checklist({ inspection: d, language }: { inspection: InspectionDetail; language: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const words = useEvidenceWords(d.application.id);
  const [judgements, setJudgements] = useState<Judgements>(d.judgements);
  const [findings, setFindings] = useState(d.findings ?? '');
  useEffect(() => {
    setJudgements(d.judgements);
    setFindings(d.findings ?? '');
  }, [d.id, d.version, d.judgements, d.findings]);
  const open = d.status === 'open';
  const onSaved = (next: InspectionDetail) => {
    queryClient.setQueryData(inspectionKeys.detail(d.id), next);
    void queryClient.invalidateQueries({ queryKey: inspectionKeys.queueAll });
  };
  const save = useMutation({
    mutationFn: () =>
      inspectionsApi.saveJudgements(d.id, {
        version: d.version,
        judgements,
        ...(findings.trim() ? { findings: findings.trim() } : {}),
      }),
    onSuccess: (next) => {
      onSaved(next);
      void message.success(t('inspection.saved'));
    },
    onError: (e) => void message.error(errorMessage(e, t('errors.network'))),
  });
  const complete = useMutation({
    mutationFn: () =>
      inspectionsApi.complete(d.id, { version: d.version, judgements, findings: findings.trim() }),
    onSuccess: (next) => {
      onSaved(next);
      void message.success(t('inspection.completed'));
    },
    onError: (e) => void message.error(errorMessage(e, t('errors.network'))),
  });
  const setChoice = (item: ChecklistItem, choice: Choice) =>
    setJudgements((prev) => {
      const next = { ...prev };
      const note = prev[item.code]?.note;
      if (choice === 'none') delete next[item.code];
      else if (choice === 'na') next[item.code] = { notApplicable: true, note: note ?? '' };
      else next[item.code] = { met: choice === 'met', ...(note ? { note } : {}) };
      return next;
    });
  const setNote = (item: ChecklistItem, note: string) =>
    setJudgements((prev) => {
      const j = prev[item.code];
      if (!j) return prev;
      return { ...prev, [item.code]: { ...j, note } as Judgements[string] };
    });
  const naWithoutNote = Object.values(judgements).some((j) => 'notApplicable' in j && !j.note.trim());

  return (
    <Flex vertical gap={12}>
      <Table<ChecklistItem>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={d.items}
        scroll={{ x: 900 }}
        columns={[
          ...checklistColumns(t, words, language),
          {
            title: t('inspection.judgement'),
            width: 260,
            render: (_, item) => {
              const choice = choiceOf(judgements[item.code]);
              // A record item takes only "not applicable": the record decides whether it was met.
              const allowed: Choice[] = item.byJudgement ? ['none', 'met', 'unmet', 'na'] : ['none', 'na'];
              return (
                <Flex vertical gap={4}>
                  <Radio.Group
                    size="small"
                    disabled={!open}
                    value={choice}
                    onChange={(e) => setChoice(item, e.target.value as Choice)}
                    options={allowed.map((o) => ({ value: o, label: t(`inspection.judgementOptions.${o}`) }))}
                  />
                  {choice !== 'none' && (
                    <Input
                      size="small"
                      disabled={!open}
                      maxLength={1000}
                      placeholder={choice === 'na' ? t('inspection.noteRequired') : t('inspection.note')}
                      value={judgements[item.code]?.note ?? ''}
                      onChange={(e) => setNote(item, e.target.value)}
                    />
                  )}
                </Flex>
              );
            },
          },
        ]}
      />
      <Flex gap={32} wrap>
        <Statistic title={t('inspection.recordScore')} value={d.score.recordScore ?? '—'} />
        <Statistic title={t('inspection.judgementScore')} value={d.score.judgementScore ?? '—'} />
        <Statistic title={t('inspection.totalScore')} value={d.score.totalScore ?? '—'} />
      </Flex>
      {open && d.score.awaitingJudgement > 0 && (
        <Typography.Text type="warning">
          {t('inspection.awaiting', { count: d.score.awaitingJudgement })}
        </Typography.Text>
      )}
      <Typography.Text strong>{t('inspection.findings')}</Typography.Text>
      <Input.TextArea
        rows={3}
        maxLength={5000}
        disabled={!open}
        value={findings}
        onChange={(e) => setFindings(e.target.value)}
      />
      {open && (
        <Flex gap={8}>
          <Button loading={save.isPending} disabled={naWithoutNote} onClick={() => save.mutate()}>
            {t('inspection.save')}
          </Button>
          <Popconfirm title={t('inspection.completeConfirm')} onConfirm={() => complete.mutate()}>
            <Button type="primary" loading={complete.isPending} disabled={naWithoutNote || !findings.trim()}>
              {t('inspection.complete')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
    </Flex>
  );
}
