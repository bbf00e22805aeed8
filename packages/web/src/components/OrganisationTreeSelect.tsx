import { useMemo } from 'react';
import { TreeSelect, type TreeSelectProps } from 'antd';
import { useOrganisationTree } from '../hooks/useReference';
import { buildForest, type OrgNode } from '../features/organisations/tree';

interface OptionNode {
  value: string;
  title: string;
  disabled?: boolean;
  children?: OptionNode[];
}

type Props = Omit<TreeSelectProps<string>, 'treeData'> & {
  /** Inactive organisations cannot be chosen for new assignments. */
  disableInactive?: boolean;
  /** Only organisations of these kinds can be chosen (the others stay visible as the path). */
  selectableKinds?: readonly string[];
};

/** Picks one organisation from GET /organisations/tree, searchable by name. */
export function OrganisationTreeSelect({ disableInactive = false, selectableKinds, ...props }: Props) {
  const tree = useOrganisationTree();
  const treeData = useMemo(() => {
    const toOption = (node: OrgNode): OptionNode => ({
      value: node.entry.id,
      title: node.entry.name,
      disabled:
        (disableInactive && node.entry.active === false) ||
        (selectableKinds !== undefined && !selectableKinds.includes(node.entry.kind)),
      children: node.children.length > 0 ? node.children.map(toOption) : undefined,
    });
    return buildForest(tree.data ?? []).roots.map(toOption);
  }, [tree.data, disableInactive, selectableKinds]);

  return (
    <TreeSelect<string>
      showSearch
      treeNodeFilterProp="title"
      treeData={treeData}
      loading={tree.isLoading}
      treeDefaultExpandedKeys={treeData.map((n) => n.value)}
      popupMatchSelectWidth={false}
      listHeight={360}
      {...props}
    />
  );
}
