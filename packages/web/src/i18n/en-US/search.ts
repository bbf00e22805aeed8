import type { Catalog } from '../zh-CN';

// en-US catalog, the global search (全局搜索) in the staff header.
export const search: Pick<Catalog, 'search'> = {
  search: {
    open: 'Search',
    shortcut: 'Ctrl K',
    title: 'Search everything',
    placeholder: 'Name, pinyin or initials, ID number, phone, application or document number',
    hint: 'Type at least two characters; a number may be just its sequence (e.g. 00002)',
    empty: 'No matching records',
    failed: 'The search failed; please try again',
    keys: '↑↓ choose · Enter open · Esc close',
    kinds: {
      person: 'Persons',
      application: 'Applications and cases',
      consultation: 'Consultations',
      handler: 'Handlers',
    },
  },
};
