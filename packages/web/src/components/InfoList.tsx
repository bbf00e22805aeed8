import type { ReactNode } from 'react';

export interface InfoItem {
  key: string;
  label: string;
  value: ReactNode;
}

/** Label/value pairs as a description list (<dl>), for read-only facts outside of data tables. */
export function InfoList({ items, labelWidth = 96 }: { items: InfoItem[]; labelWidth?: number }) {
  return (
    <dl className="info-list" style={{ gridTemplateColumns: `${labelWidth}px 1fr` }}>
      {items.map((item) => (
        <div key={item.key} className="info-list__row">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
