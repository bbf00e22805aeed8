import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Empty, Input, Modal, Spin, Typography, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { searchApi, type SearchItem } from '../../api';

const KINDS = ['person', 'application', 'consultation', 'handler'] as const;

/** Where a result opens: the record's page, or its list page with the drawer open. */
export function recordPath(item: SearchItem): string {
  const id = encodeURIComponent(item.id);
  switch (item.kind) {
    case 'person':
      return `/persons?person=${id}`;
    case 'application':
      return `/applications/${id}`;
    case 'consultation':
      return `/consultations?consultation=${id}`;
    case 'handler':
      return `/handlers?handler=${id}`;
  }
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The header's search box (GET /search): Ctrl+K or ⌘K opens it anywhere in the staff app; results
 * come grouped by kind, ↑/↓ move through them and Enter opens the record.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<InputRef>(null);
  const q = useDebounced(text.trim(), 250);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
        input.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const found = useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => searchApi.find(q, signal),
    enabled: open && q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

  // In display order (grouped by kind), so that ↑/↓ follow what the eye sees.
  const groups = useMemo(() => {
    const items = q.length > 0 ? (found.data?.items ?? []) : [];
    return KINDS.map((kind) => ({ kind, items: items.filter((item) => item.kind === kind) })).filter(
      (group) => group.items.length > 0,
    );
  }, [found.data, q]);
  const ordered = useMemo(() => groups.flatMap((group) => group.items), [groups]);
  useEffect(() => setActive(0), [ordered]);

  const close = () => {
    setOpen(false);
    setText('');
  };
  const openItem = (item: SearchItem) => {
    close();
    void navigate(recordPath(item));
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (ordered.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + ordered.length) % ordered.length);
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      const item = ordered[active];
      if (item) {
        event.preventDefault();
        openItem(item);
      }
    }
  };

  const optionId = (item: SearchItem) => `global-search-${item.kind}-${item.id}`;
  const activeItem = ordered[active];
  const showEmpty = q.length > 0 && found.isSuccess && !found.isPlaceholderData && ordered.length === 0;

  return (
    <>
      <Button
        icon={<SearchOutlined aria-hidden />}
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
        className="global-search__trigger"
      >
        {t('search.open')}
        <Typography.Text type="secondary" keyboard>
          {isMac ? '⌘K' : t('search.shortcut')}
        </Typography.Text>
      </Button>
      <Modal
        open={open}
        title={t('search.title')}
        footer={<Typography.Text type="secondary">{t('search.keys')}</Typography.Text>}
        onCancel={close}
        afterOpenChange={(visible) => visible && input.current?.focus()}
        destroyOnHidden
        width={640}
      >
        <Input
          ref={input}
          autoFocus
          allowClear
          size="large"
          prefix={<SearchOutlined aria-hidden />}
          value={text}
          maxLength={100}
          placeholder={t('search.placeholder')}
          aria-label={t('search.title')}
          role="combobox"
          aria-expanded={ordered.length > 0}
          aria-controls={ordered.length > 0 ? 'global-search-results' : undefined}
          aria-activedescendant={activeItem ? optionId(activeItem) : undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <div className="global-search__results">
          {q.length === 0 && <Typography.Text type="secondary">{t('search.hint')}</Typography.Text>}
          {found.isFetching && ordered.length === 0 && <Spin size="small" />}
          {found.isError && <Typography.Text type="danger">{t('search.failed')}</Typography.Text>}
          {showEmpty && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.empty')} />}
          {ordered.length > 0 && (
            <div id="global-search-results" role="listbox" aria-label={t('search.title')}>
              {groups.map((group) => (
                <div key={group.kind} role="group" aria-label={t(`search.kinds.${group.kind}`)}>
                  <div className="global-search__group">{t(`search.kinds.${group.kind}`)}</div>
                  {group.items.map((item) => {
                    const selected = item === activeItem;
                    return (
                      <div
                        key={`${item.kind}-${item.id}`}
                        id={optionId(item)}
                        role="option"
                        aria-selected={selected}
                        className={`global-search__item${selected ? ' global-search__item--active' : ''}`}
                        onMouseEnter={() => setActive(ordered.indexOf(item))}
                        onClick={() => openItem(item)}
                      >
                        <span className="global-search__title">{item.title}</span>
                        <span className="global-search__subtitle">{item.subtitle}</span>
                      </div>
                    );
                  })}
                </div>
              ))}
            </div>
          )}
        </div>
      </Modal>
    </>
  );
}
