import { formatInteger } from '../../format';
import { PAGE_SIZES } from '../../recordings/query';
import { IconChevronLeft, IconChevronRight } from '../icons';

interface PaginationProps {
  page: number;
  limit: number;
  total: number;
  shown: number;
  onPage: (page: number) => void;
  onLimit: (limit: number) => void;
}

export function Pagination({ page, limit, total, shown, onPage, onLimit }: PaginationProps) {
  const first = total === 0 ? 0 : (page - 1) * limit + 1;
  const last = (page - 1) * limit + shown;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav class="pagination" aria-label="Pages of recordings" id="pagination">
      <span class="muted" id="pagination-range">
        {formatInteger(first)}–{formatInteger(last)} of {formatInteger(total)}
      </span>
      <div class="pagination-controls">
        <label class="select-label" for="page-size">
          <span class="muted">Rows</span>
          <select id="page-size" class="input input-sm select" value={String(limit)} onChange={(e) => onLimit(Number(e.currentTarget.value))}>
            {PAGE_SIZES.map((n) => <option key={n} value={String(n)}>{n}</option>)}
          </select>
        </label>
        <button type="button" class="btn btn-secondary btn-sm" id="page-prev" disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label="Previous page">
          <IconChevronLeft />
        </button>
        <span class="page-indicator">Page {formatInteger(page)} of {formatInteger(pages)}</span>
        <button type="button" class="btn btn-secondary btn-sm" id="page-next" disabled={page >= pages} onClick={() => onPage(page + 1)} aria-label="Next page">
          <IconChevronRight />
        </button>
      </div>
    </nav>
  );
}
