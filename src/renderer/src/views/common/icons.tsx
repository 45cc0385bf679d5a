/** Small inline SVG icons (glyph fonts for ⏮ ⏸ ☀ are missing on some systems). */
const base = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  fill: 'currentColor',
} as const;

export const PlayIcon = () => (
  <svg {...base}>
    <path d="M4 2.5v11l9-5.5z" />
  </svg>
);
export const PauseIcon = () => (
  <svg {...base}>
    <path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" />
  </svg>
);
export const BackIcon = () => (
  <svg {...base}>
    <path d="M3 2.5h2v11H3zM14 2.5v11L6 8z" />
  </svg>
);
export const ForwardIcon = () => (
  <svg {...base}>
    <path d="M11 2.5h2v11h-2zM2 2.5v11L10 8z" />
  </svg>
);
export const SunIcon = () => (
  <svg {...base}>
    <circle cx="8" cy="8" r="3.2" />
    <path
      d="M8 .8v2.2M8 13v2.2M.8 8H3M13 8h2.2M2.9 2.9l1.6 1.6M11.5 11.5l1.6 1.6M2.9 13.1l1.6-1.6M11.5 4.5l1.6-1.6"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
    />
  </svg>
);
export const MoonIcon = () => (
  <svg {...base}>
    <path d="M10.5 1.5a6.5 6.5 0 1 0 4 10.9A5.5 5.5 0 0 1 10.5 1.5z" />
  </svg>
);
