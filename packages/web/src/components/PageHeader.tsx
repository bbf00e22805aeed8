import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** Title row of a page: the h1 on the left, page actions on the right. */
export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  return (
    <Flex align="center" justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra && (
        <Flex gap={8} className="no-print">
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
