/** The Fayuan mark: scales of justice on a blue tile. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="12" fill="#1f5fbf" />
      <path
        d="M32 12v40M18 22h28M14 38l6-14 6 14a6 6 0 0 1-12 0zM38 38l6-14 6 14a6 6 0 0 1-12 0zM24 52h16"
        fill="none"
        stroke="#fff"
        strokeWidth="3.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
