import { useEffect, useState } from 'react';
import { Alert, Flex, Form, Select, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { normalisePhone } from '@fayuan/domain';
import { consultationsApi, personsApi } from '../../api';
import { useMatters } from '../../hooks/useMatters';
import { DATE_TIME_SHORT, formatDateTime } from '../../utils';
import { OUTCOME_COLOURS } from './codes';
import { birthLabel } from '../persons/labels';

interface Props {
  phone: string | undefined;
  canReadPersons: boolean;
}

function useDebouncedPhone(phone: string | undefined): string | null {
  const [value, setValue] = useState<string | null>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const check = phone ? normalisePhone(phone) : null;
      setValue(check?.ok ? check.phone : null);
    }, 350);
    return () => window.clearTimeout(timer);
  }, [phone]);
  return value;
}

/**
 * Who is calling: once the number is a whole phone number, the applicants registered with it (to
 * link the consultation to) and this caller's recent consultations. Exact lookup through the
 * server's keyed hash; nothing is searched for a partial number.
 */
export function CallerLookup({ phone, canReadPersons }: Props) {
  const { t } = useTranslation();
  const matters = useMatters();
  const form = Form.useFormInstance();
  const number = useDebouncedPhone(phone);
  const persons = useQuery({
    queryKey: ['persons', 'byPhone', number],
    queryFn: ({ signal }) => personsApi.list({ q: number ?? '', pageSize: 5 }, signal),
    enabled: number !== null && canReadPersons,
  });
  const recent = useQuery({
    queryKey: ['consultations', 'byPhone', number],
    queryFn: ({ signal }) => consultationsApi.list({ callerPhone: number ?? '', pageSize: 5 }, signal),
    enabled: number !== null,
  });
  const found = number === null ? [] : (persons.data?.items ?? []);

  // A person linked for an earlier number does not stay linked to the next caller.
  useEffect(() => {
    const linked = form.getFieldValue('personId') as string | undefined;
    if (linked && !found.some((p) => p.id === linked)) form.setFieldValue('personId', undefined);
  }, [found, form]);

  if (number === null) return null;
  const calls = recent.data?.items ?? [];
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} aria-live="polite">
      {found.length > 0 && (
        <Form.Item name="personId" label={t('hotline.linkPerson')} style={{ marginBottom: 0 }}>
          <Select
            allowClear
            placeholder={t('hotline.linkPersonPlaceholder')}
            options={found.map((p) => ({
              value: p.id,
              label: [p.name, birthLabel(t, p), p.phoneMasked].filter(Boolean).join(' · '),
            }))}
          />
        </Form.Item>
      )}
      {recent.isSuccess && (
        <Alert
          type={calls.length > 0 ? 'info' : 'success'}
          showIcon
          title={
            calls.length > 0
              ? t('hotline.recentCalls', { count: recent.data.total })
              : found.length > 0
                ? t('hotline.knownPersonNoCalls')
                : t('hotline.newCaller')
          }
          description={
            calls.length > 0 && (
              <Flex vertical gap={4}>
                {calls.map((c) => (
                  <Flex key={c.id} gap={8} align="baseline" wrap>
                    <Typography.Text type="secondary">
                      {formatDateTime(c.startedAt, DATE_TIME_SHORT)}
                    </Typography.Text>
                    <span>{matters.name(c.topicMatter)}</span>
                    <Tag color={OUTCOME_COLOURS[c.outcome]} style={{ marginInlineEnd: 0 }}>
                      {t(`consultations.outcomes.${c.outcome}`)}
                    </Tag>
                    <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                      {c.question}
                    </Typography.Text>
                  </Flex>
                ))}
              </Flex>
            )
          }
        />
      )}
    </Flex>
  );
}
