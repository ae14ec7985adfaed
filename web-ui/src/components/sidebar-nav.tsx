import { Link } from './link';
import { NAV_ITEMS, type NavItem } from './nav-items';

export function SidebarNav({ projectId, path, items = NAV_ITEMS }: { projectId: string; path: string; items?: NavItem[] }) {
  return (
    <nav class="side-nav" aria-label="Project">
      {items.map((item) => {
        const active = item.matches(path, projectId);
        const Icon = item.icon;
        return (
          <Link key={item.id} id={`nav-${item.id}`} class={'side-nav-link' + (active ? ' active' : '')} href={item.href(projectId)} aria-current={active ? 'page' : undefined}>
            <Icon size={18} />
            <span>{item.label}</span>
          </Link>
        );
      })}
    </nav>
  );
}
