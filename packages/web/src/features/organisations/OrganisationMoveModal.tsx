import { App, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { organisationsApi, type Organisation } from '../../api';
import { FormModal } from '../../components/FormModal';
import { OrganisationTreeSelect } from '../../components/OrganisationTreeSelect';
import type { OrgForest } from './tree';

interface Values {
  parentId: string;
}

// The server refuses a move under the organisation itself or one of its descendants: shown at the field.
const ERROR_FIELDS = { ORGANISATION_MOVE_INVALID: 'parentId', NOT_FOUND: 'parentId' };

interface Props {
  organisation: Organisation | null;
  forest: OrgForest;
  onClose: () => void;
  onMoved: (organisation: Organisation) => void;
}

/** Moves an organisation, with its whole subtree, under another parent (PATCH {parentId}). */
export function OrganisationMoveModal({ organisation, forest, onClose, onMoved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const parentName = (id: string | null | undefined) => (id ? forest.byId.get(id)?.entry.name : undefined);

  const move = useMutation({
    mutationFn: (values: Values) => {
      if (!organisation) throw new Error('no organisation');
      return organisationsApi.update(organisation.id, { parentId: values.parentId });
    },
    onSuccess: async (moved, values) => {
      const parent = parentName(values.parentId) ?? '';
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      void message.success(t('org.moved', { parent }));
      onMoved(moved);
    },
  });

  const close = () => {
    move.reset();
    onClose();
  };

  return (
    <FormModal<Values>
      open={organisation !== null}
      title={t('org.moveTitle', { name: organisation?.name ?? '' })}
      name="organisationMove"
      form={form}
      firstField="parentId"
      onFinish={(values) => move.mutate(values)}
      onCancel={close}
      submitting={move.isPending}
      error={move.error}
      errorFields={ERROR_FIELDS}
      okText={t('org.move')}
    >
      <Form.Item label={t('org.currentParent')} htmlFor="organisation-move-current">
        <Input
          id="organisation-move-current"
          value={parentName(organisation?.parentId)}
          disabled
          placeholder={t('common.none')}
        />
      </Form.Item>
      <Form.Item
        label={t('org.newParent')}
        name="parentId"
        extra={t('org.moveHelp')}
        rules={[
          { required: true, message: t('org.newParentRequired') },
          {
            validator: (_, value: string | undefined) =>
              value && value === organisation?.parentId
                ? Promise.reject(new Error(t('org.newParentSame')))
                : Promise.resolve(),
          },
        ]}
      >
        <OrganisationTreeSelect disableInactive placeholder={t('users.organisationPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
