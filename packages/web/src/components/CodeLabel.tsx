import type { ReactNode } from 'react';

interface Props {
  /** The translated label; when it is the code itself (an unknown code), only the code is shown. */
  label: ReactNode;
  code: string;
  /** Code beside the label instead of under it. */
  inline?: boolean;
}

/**
 * A label people read, with the stable code kept visible in small grey type for administrators
 * (and for searching the page, logs and the API by code).
 */
export function CodeLabel({ label, code, inline = false }: Props) {
  if (label === code) return <span className="mono">{code}</span>;
  return (
    <span className={inline ? 'code-label code-label--inline' : 'code-label'}>
      <span className="code-label__text">{label}</span>
      <span className="code-hint">{code}</span>
    </span>
  );
}
