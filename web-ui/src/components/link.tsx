// An <a> that navigates inside the app without a page load (modifier clicks still open new tabs).
import type { ComponentChildren, JSX } from 'preact';
import { isPlainClick, navigate } from '../router';

type LinkProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'> & { href: string; children?: ComponentChildren };

export function Link({ href, onClick, children, ...rest }: LinkProps) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(event: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
        if (typeof onClick === 'function') onClick(event);
        if (!isPlainClick(event)) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
