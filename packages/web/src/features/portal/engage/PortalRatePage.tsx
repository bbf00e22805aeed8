import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../components/ErrorState';
import { portalApi } from '../portalApi';

interface Rating {
  rating: { score: number; comment: string | null; ratedAt: string } | null;
}

/** 评价服务: 1–5 (radio buttons a screen reader announces) and words, once per closed case. */
export default function PortalRatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['portal', 'rating', id],
    queryFn: () => portalApi.get<Rating>(`/applications/${id}/rating`),
  });
  const rate = useMutation({
    mutationFn: (v: { score: number; comment?: string }) =>
      portalApi.post<Rating>(`/applications/${id}/rating`, {
        score: v.score,
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
      }),
    onSuccess: (data) => queryClient.setQueryData(['portal', 'rating', id], data),
  });
  const done = current.data?.rating;
  return (
    <div className="portal-narrow">
      <Typography.Title level={1} className="public-shell__heading">
        {t('portalEngage.rateTitle')}
      </Typography.Title>
      <Card variant="borderless">
        {done ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('portalEngage.rated', { score: done.score })}
            description={done.comment ?? ''}
          />
        ) : (
          <Form
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={(v: { score: number; comment?: string }) => rate.mutate(v)}
            className="portal-form"
          >
            <Form.Item
              name="score"
              label={t('portalEngage.score')}
              rules={[{ required: true, message: t('portalEngage.scoreRequired') }]}
            >
              <Radio.Group className="portal-score">
                {[1, 2, 3, 4, 5].map((n) => (
                  <Radio.Button key={n} value={n} aria-label={t('portalEngage.scoreN', { n })}>
                    {'★'.repeat(n)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="comment" label={t('portalEngage.comment')}>
              <Input.TextArea rows={4} maxLength={2000} />
            </Form.Item>
            {rate.isError && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={errorMessage(rate.error, t('errors.network'))}
              />
            )}
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={rate.isPending}
              className="portal-form__submit"
            >
              {t('portalEngage.rateSubmit')}
            </Button>
          </Form>
        )}
        <p>
          <Link to={`/portal/applications/${id}`}>{t('portalEngage.back')}</Link>
        </p>
      </Card>
    </div>
  );
}
