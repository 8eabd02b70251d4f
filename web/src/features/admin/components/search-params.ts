// A search's filters live in the address (?stage=…&overdue=true&page=2), so a link such as the
// dashboard's 查看逾期待办 opens the search already filtered, and the back button returns to it.
import { useSearchParams } from 'react-router';

export type Filters = Record<string, string | undefined>;

export function useFilters(): [Filters, (next: Filters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(params.entries());
  const set = (next: Filters) => {
    const clean = Object.entries(next).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
    setParams(new URLSearchParams(clean));
  };
  return [filters, set];
}

export const pageOf = (f: Filters) => ({ page: Number(f.page ?? 1) || 1, pageSize: Number(f.pageSize ?? 20) || 20 });
