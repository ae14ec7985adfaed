// Line icons (24×24, stroke = currentColor). Decorative unless given a title.
import type { ComponentChildren } from 'preact';

interface IconProps {
  size?: number;
  title?: string;
  class?: string;
}

function svg(children: ComponentChildren, fill = false) {
  return function Icon({ size = 16, title, class: cls }: IconProps) {
    return (
      <svg
        class={'icon' + (cls ? ' ' + cls : '')}
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill={fill ? 'currentColor' : 'none'}
        stroke={fill ? 'none' : 'currentColor'}
        stroke-width="1.8"
        stroke-linecap="round"
        stroke-linejoin="round"
        role={title ? 'img' : undefined}
        aria-hidden={title ? undefined : 'true'}
        aria-label={title}
      >
        {title ? <title>{title}</title> : null}
        {children}
      </svg>
    );
  };
}

export const IconLogo = svg(<><path d="M2.5 12c2.9-4.9 6-7.2 9.5-7.2s6.6 2.3 9.5 7.2c-2.9 4.9-6 7.2-9.5 7.2S5.4 16.9 2.5 12Z" /><circle cx="12" cy="12" r="3" /></>);
export const IconRecordings = svg(<><rect x="3" y="5" width="18" height="14" rx="2.5" /><path d="m10 9.5 4.5 2.5-4.5 2.5z" /></>);
export const IconDesktop = svg(<><rect x="3" y="4" width="18" height="12" rx="2" /><path d="M8 20h8M12 16v4" /></>);
export const IconTablet = svg(<><rect x="5" y="3" width="14" height="18" rx="2" /><path d="M11 18h2" /></>);
export const IconMobile = svg(<><rect x="7" y="3" width="10" height="18" rx="2" /><path d="M11 18h2" /></>);
export const IconDeviceOther = svg(<><circle cx="12" cy="12" r="8.5" /><path d="M9.5 9.5a2.5 2.5 0 1 1 3.3 2.4c-.5.2-.8.6-.8 1.1v.5M12 16.5h.01" /></>);
export const IconChevronDown = svg(<path d="m6 9 6 6 6-6" />);
export const IconChevronLeft = svg(<path d="m15 6-6 6 6 6" />);
export const IconChevronRight = svg(<path d="m9 6 6 6-6 6" />);
export const IconArrowLeft = svg(<path d="M19 12H5m6-6-6 6 6 6" />);
export const IconPlay = svg(<path d="M7 4.5v15a1 1 0 0 0 1.5.9l12-7.5a1 1 0 0 0 0-1.8l-12-7.5A1 1 0 0 0 7 4.5Z" />, true);
export const IconPause = svg(<><rect x="6" y="4.5" width="4" height="15" rx="1" /><rect x="14" y="4.5" width="4" height="15" rx="1" /></>, true);
export const IconReplay = svg(<><path d="M3 12a9 9 0 1 0 3-6.7L3 8" /><path d="M3 3v5h5" /></>);
export const IconCopy = svg(<><rect x="8" y="8" width="12" height="12" rx="2" /><path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" /></>);
export const IconCheck = svg(<path d="m5 12.5 4.5 4.5L19 7.5" />);
export const IconExternal = svg(<><path d="M14 4h6v6M20 4l-9 9" /><path d="M18 14v4a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4" /></>);
export const IconLogout = svg(<><path d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3" /><path d="M10 17l-5-5 5-5M5 12h11" /></>);
export const IconAlert = svg(<><path d="M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" /><path d="M12 9v4M12 17h.01" /></>);
export const IconPointer = svg(<path d="m5 3 14 6.5-6 1.8-1.9 6.2z" />);
export const IconPage = svg(<><path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" /><path d="M14 3v5h5" /></>);
export const IconSpark = svg(<path d="M12 3v4M12 17v4M3 12h4M17 12h4M6.3 6.3l2.5 2.5M15.2 15.2l2.5 2.5M6.3 17.7l2.5-2.5M15.2 8.8l2.5-2.5" />);
export const IconKeyboard = svg(<><rect x="2.5" y="6" width="19" height="12" rx="2" /><path d="M6.5 10h.01M10 10h.01M14 10h.01M17.5 10h.01M7 14h10" /></>);
export const IconLink = svg(<><path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1 1" /><path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1-1" /></>);
export const IconCalendar = svg(<><rect x="3.5" y="5" width="17" height="15" rx="2" /><path d="M3.5 10h17M8 3v4M16 3v4" /></>);
export const IconClose = svg(<path d="M6 6l12 12M18 6 6 18" />);
export const IconSkip = svg(<><path d="m5 5 8 7-8 7zM13 5l8 7-8 7z" /></>);
export const IconUser = svg(<><circle cx="12" cy="8" r="4" /><path d="M4 21a8 8 0 0 1 16 0" /></>);
export const IconSearchOff = svg(<><circle cx="11" cy="11" r="7" /><path d="m20 20-3.5-3.5M8.5 11h5" /></>);
export const IconCode = svg(<path d="m8 8-4 4 4 4M16 8l4 4-4 4M13.5 5l-3 14" />);
export const IconInfo = svg(<><circle cx="12" cy="12" r="9" /><path d="M12 11v5M12 8h.01" /></>);
export const IconSettings = svg(<><circle cx="12" cy="12" r="3" /><path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3h0a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8v0a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1Z" /></>);
export const IconShield = svg(<><path d="M12 3 4.5 6v5.5c0 4.6 3.1 8.3 7.5 9.5 4.4-1.2 7.5-4.9 7.5-9.5V6z" /><path d="m9 12 2 2 4-4" /></>);
export const IconKey = svg(<><circle cx="8" cy="15" r="4" /><path d="m10.8 12.2 8.7-8.7M16 7l3 3M14 9l2 2" /></>);
export const IconUsers = svg(<><circle cx="9" cy="8" r="3.5" /><path d="M2.5 20a6.5 6.5 0 0 1 13 0" /><path d="M16 4.6a3.5 3.5 0 0 1 0 6.8M18.5 14.4A6.5 6.5 0 0 1 21.5 20" /></>);
export const IconTrash = svg(<><path d="M4 7h16M9 7V4.5h6V7M6 7l1 13h10l1-13" /><path d="M10 11v5M14 11v5" /></>);
export const IconPlus = svg(<path d="M12 5v14M5 12h14" />);
export const IconClock = svg(<><circle cx="12" cy="12" r="8.5" /><path d="M12 7.5V12l3 2" /></>);
export const IconEye = svg(<><path d="M2.5 12c2.9-4.9 6-7.2 9.5-7.2s6.6 2.3 9.5 7.2c-2.9 4.9-6 7.2-9.5 7.2S5.4 16.9 2.5 12Z" /><circle cx="12" cy="12" r="3" /></>);
export const IconHeatmap = svg(<><circle cx="12" cy="12" r="8.5" /><circle cx="12" cy="12" r="5" /><circle cx="12" cy="12" r="1.5" /></>);
export const IconDownload = svg(<><path d="M12 4v11m-5-5 5 5 5-5" /><path d="M5 20h14" /></>);
export const IconCompare = svg(<><rect x="3" y="4" width="8" height="16" rx="1.5" /><rect x="13" y="4" width="8" height="16" rx="1.5" /></>);
export const IconImage = svg(<><rect x="3" y="4" width="18" height="16" rx="2" /><circle cx="9" cy="10" r="2" /><path d="m21 16-5-5-9 9" /></>);
export const IconInsights = svg(<path d="M13 2.5 4.5 13.5H11l-1 8 8.5-11H12z" />);
export const IconRageClick = svg(<><path d="m9 8 10 4.4-4 1.3-1.5 4.3z" /><path d="M4 4l2.2 2.2M9 2.5v2.8M2.5 9h2.8" /></>);
export const IconDeadClick = svg(<><path d="m4 3.5 10 4.4-4 1.3-1.5 4.3z" /><circle cx="17" cy="17" r="4" /><path d="m14.2 19.8 5.6-5.6" /></>);
export const IconErrorClick = svg(<><path d="m4 3.5 10 4.4-4 1.3-1.5 4.3z" /><path d="M17.5 13.5v4M17.5 20.5h.01" /></>);
export const IconQuickBack = svg(<><path d="M9 14 4 9l5-5" /><path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" /></>);
export const IconScroll = svg(<><path d="m8 7.5 4-4 4 4M8 16.5l4 4 4-4" /><path d="M12 3.5v17" /></>);
export const IconFormAbandon = svg(<><rect x="3" y="4" width="12" height="16" rx="2" /><path d="M6.5 9h5M6.5 13h5M15 12h6m-3-3 3 3-3 3" /></>);
