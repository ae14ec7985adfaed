// An <a> that navigates inside the app without a page load (modifier clicks still open new tabs).
import type { ComponentChildren, TargetedMouseEvent } from 'preact';
import { isPlainClick, navigate } from '../router';

interface LinkProps {
  href: string;
  id?: string;
  class?: string;
  title?: string;
  'aria-label'?: string;
  'aria-current'?: 'page' | 'step' | undefined;
  onClick?: (event: TargetedMouseEvent<HTMLAnchorElement>) => void;
  children?: ComponentChildren;
}

export function Link({ href, onClick, children, ...rest }: LinkProps) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(event: TargetedMouseEvent<HTMLAnchorElement>) => {
        onClick?.(event);
        if (!isPlainClick(event)) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
