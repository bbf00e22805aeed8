import type { ReactNode } from 'react';
import { Button, Card, Col, Flex, Form, Input, Row, type ColProps, type FormInstance } from 'antd';
import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props<V> {
  form: FormInstance<V>;
  /** The form's name; antd prefixes the field ids with it. */
  name: string;
  /** The keyword box (field `q`): its aria-label, placeholder, length limit and column. */
  search: { label: string; placeholder: string; maxLength?: number; col: ColProps };
  /** The column of the 查询/重置 buttons; it also grows to fill the row. */
  actionsCol?: ColProps;
  /** 查询, or Enter in the keyword box. */
  onSearch: (values: V) => void;
  /** 重置, after the fields are cleared. */
  onReset: () => void;
  /** The page's other filters, each in its own `<Col>`. */
  children?: ReactNode;
}

/**
 * The query bar above a list: a keyword box, the page's filters, then 查询 and 重置.
 * Filter fields carry aria-labels distinct from the create/edit dialogs' labels, so a label
 * finds one field even while a dialog is open.
 */
export function FilterBar<V>({ form, name, search, actionsCol, onSearch, onReset, children }: Props<V>) {
  const { t } = useTranslation();
  return (
    <Card
      variant="borderless"
      className="no-print"
      style={{ marginBottom: 16 }}
      styles={{ body: { paddingBottom: 0 } }}
    >
      <Form<V> form={form} name={name} onFinish={onSearch}>
        <Row gutter={16}>
          <Col {...search.col}>
            <Form.Item name="q">
              <Input
                allowClear
                prefix={<SearchOutlined aria-hidden />}
                aria-label={search.label}
                placeholder={search.placeholder}
                maxLength={search.maxLength}
              />
            </Form.Item>
          </Col>
          {children}
          <Col {...actionsCol} flex="auto">
            <Form.Item>
              <Flex justify="end" gap={8}>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
                  {t('common.search')}
                </Button>
                <Button
                  icon={<UndoOutlined aria-hidden />}
                  onClick={() => {
                    form.resetFields();
                    onReset();
                  }}
                >
                  {t('common.reset')}
                </Button>
              </Flex>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
