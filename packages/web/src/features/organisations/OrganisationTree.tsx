import { useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Empty, Input, Tag, Tree, type TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import { useKindName } from '../../hooks/useReference';
import { filterForest, type OrgForest, type OrgNode } from './tree';

interface Props {
  forest: OrgForest;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

// Small trees render every node (simple to scroll, find and test); big ones switch to a virtual list.
const VIRTUAL_THRESHOLD = 500;

function highlight(text: string, query: string): ReactNode {
  const q = query.trim();
  if (!q) return text;
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + q.length)}</mark>
      {text.slice(at + q.length)}
    </>
  );
}

/** Searchable organisation tree; virtualised so the ~8,000 contact points stay fast. */
export function OrganisationTree({ forest, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const kindName = useKindName();
  const [input, setInput] = useState('');
  const query = useDeferredValue(input);
  const [expanded, setExpanded] = useState<string[]>(() => forest.roots.map((r) => r.entry.id));

  const filtered = useMemo(() => (query.trim() ? filterForest(forest.roots, query) : null), [forest, query]);

  useEffect(() => {
    if (filtered) setExpanded(filtered.expand);
  }, [filtered]);

  // Reveal the selected node (e.g. the user's own organisation on first load).
  useEffect(() => {
    if (!selectedId) return;
    const parents: string[] = [];
    let node = forest.byId.get(selectedId);
    while (node?.entry.parentId && forest.byId.has(node.entry.parentId)) {
      parents.push(node.entry.parentId);
      node = forest.byId.get(node.entry.parentId);
    }
    if (parents.length > 0) setExpanded((prev) => Array.from(new Set([...prev, ...parents])));
  }, [forest, selectedId]);

  const treeData = useMemo(() => {
    const toData = (node: OrgNode): TreeDataNode => {
      const inactive = node.entry.active === false;
      return {
        key: node.entry.id,
        title: (
          <span
            className={`org-tree-node${inactive ? ' org-tree-node--inactive' : ''}`}
            title={`${node.entry.name} · ${kindName(node.entry.kind)}`}
          >
            <span>{highlight(node.entry.name, query)}</span>
            <span className="org-tree-node__code">{highlight(node.entry.code, query)}</span>
            {inactive && (
              <Tag style={{ marginLeft: 8 }} variant="filled">
                {t('org.inactive')}
              </Tag>
            )}
          </span>
        ),
        children: node.children.length > 0 ? node.children.map(toData) : undefined,
        isLeaf: node.children.length === 0,
      };
    };
    return (filtered?.roots ?? forest.roots).map(toData);
  }, [filtered, forest, query, t, kindName]);

  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('org.searchPlaceholder')}
        aria-label={t('org.searchLabel')}
        value={input}
        onChange={(e) => setInput(e.target.value)}
        onSearch={setInput}
        style={{ marginBottom: 12 }}
      />
      {treeData.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={query.trim() ? t('org.noMatch') : t('org.emptyTree')}
        />
      ) : (
        <Tree
          blockNode
          showLine
          treeData={treeData}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys.map(String))}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => {
            const key = keys[0];
            if (key !== undefined) onSelect(String(key));
          }}
          height={forest.byId.size > VIRTUAL_THRESHOLD ? 640 : undefined}
          aria-label={t('org.treeTitle')}
        />
      )}
    </>
  );
}
