import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { BudgetLineDetail } from '../fundingApi';
import { formatFen } from '../money';

/**
 * The line's burn-down: at each month's end the cumulative spending and spending plus commitments,
 * against the allocation (a flat line). The table beside it keeps the exact figures.
 */
export function BurnDownChart({ points }: { points: BudgetLineDetail['burnDown'] }) {
  const { t, i18n } = useTranslation();
  const data = points.map((p) => ({
    month: t('funding.budgets.month', { month: p.month }),
    spent: p.spentFen,
    bound: p.boundFen,
    allocated: p.allocatedFen,
  }));
  const money = (fen: number) => formatFen(fen, i18n.language);
  return (
    <div role="img" aria-label={t('funding.budgets.burnDownHelp')} style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" />
          <YAxis tickFormatter={(fen: number) => String(Math.round(fen / 100))} width={80} />
          <Tooltip formatter={(value) => money(Number(value))} />
          <Legend />
          <Line
            type="stepAfter"
            dataKey="allocated"
            name={t('funding.budgets.seriesAllocated')}
            stroke="#8c8c8c"
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="bound"
            name={t('funding.budgets.seriesBound')}
            stroke="#fa8c16"
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="spent"
            name={t('funding.budgets.seriesSpent')}
            stroke="#1677ff"
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
