import { useState, type ReactNode } from 'react';
import { Button, Card, Flex, Input, Typography } from 'antd';

/**
 * A few lines of words and the button that sends them (a reply, a reason): the button waits for
 * words, and the box empties once they are sent.
 */
export function TextSubmit(props: {
  label: string;
  placeholder?: string;
  maxLength: number;
  button: string;
  danger?: boolean;
  pending: boolean;
  onSubmit: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState('');
  return (
    <Flex vertical gap={6}>
      <Input.TextArea
        rows={2}
        maxLength={props.maxLength}
        aria-label={props.label}
        placeholder={props.placeholder ?? props.label}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div>
        <Button
          type={props.danger ? 'default' : 'primary'}
          danger={props.danger}
          disabled={!text.trim()}
          loading={props.pending}
          onClick={() =>
            void props.onSubmit(text.trim()).then(
              () => setText(''),
              () => undefined,
            )
          }
        >
          {props.button}
        </Button>
      </div>
    </Flex>
  );
}

/**
 * A card on 我的案件 of what supervision asks of the handler (rectifications, hearing findings):
 * its title, a line on what it is, and one inner card per item. Nothing when there is none.
 */
export function HandlerAsksCard<T extends { id: string }>(props: {
  title: string;
  intro: string;
  items: readonly T[];
  render: (item: T) => ReactNode;
}) {
  if (props.items.length === 0) return null;
  return (
    <Card title={props.title} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>
      <Flex vertical gap={12}>
        {props.items.map((item) => (
          <Card key={item.id} size="small" type="inner">
            {props.render(item)}
          </Card>
        ))}
      </Flex>
    </Card>
  );
}
