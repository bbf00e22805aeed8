import { DEFAULT_LOCALE, type Locale } from '@fayuan/domain';

/** Picks zh-CN or en-US from an Accept-Language header by quality; Chinese first when unclear. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  let best: { locale: Locale; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    const locale: Locale | undefined = tag.startsWith('zh')
      ? 'zh-CN'
      : tag.startsWith('en')
        ? 'en-US'
        : undefined;
    if (locale && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}
