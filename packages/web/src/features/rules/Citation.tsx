import { useTranslation } from 'react-i18next';
import { formatCitation } from './citation';

/** A legal citation: the law and article in words, with the short form in small grey type under it. */
export function Citation({ citation }: { citation: string }) {
  const { t, i18n } = useTranslation();
  const words = formatCitation(citation, t, i18n.language);
  if (words === citation) return <span className="citation">{citation}</span>;
  return (
    <span className="citation">
      <span className="citation__words">{words}</span>
      <span className="code-hint">{citation}</span>
    </span>
  );
}
