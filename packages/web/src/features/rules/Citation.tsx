import { useTranslation } from 'react-i18next';
import { formatCitation, type Locale } from '@fayuan/domain';

/**
 * A legal citation in words: 《法律援助法》第四十一条 in Chinese. Only the English page keeps the
 * short form (`LAL art.41`) in small grey type under the words, for partners who search by it.
 */
export function Citation({ citation }: { citation: string }) {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const words = formatCitation(citation, locale);
  if (words === citation || locale === 'zh-CN') return <span className="citation">{words}</span>;
  return (
    <span className="citation">
      <span className="citation__words">{words}</span>
      <span className="code-hint">{citation}</span>
    </span>
  );
}
