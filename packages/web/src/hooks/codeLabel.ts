import type { TFunction } from 'i18next';

/**
 * A coded value's name from a reference list. A code alone is never a label: while the list is
 * still loading the placeholder shows (the page re-renders with the name once it arrives), and a
 * code the loaded list lacks (a rule retired since the record was made) is marked as unlisted.
 */
export function codeLabeller(
  names: ReadonlyMap<string, string>,
  loaded: boolean,
  t: TFunction,
): (code: string) => string {
  return (code) => names.get(code) ?? (loaded ? t('common.unlisted', { code }) : t('common.loading'));
}
