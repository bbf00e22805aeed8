import type { SnippetPart } from '../../api';

/** A search snippet with the matched words marked (text only: no HTML from the server is rendered). */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <span className="kb-snippet">
      {parts.map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </span>
  );
}
