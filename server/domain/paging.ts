import type { PageInfo, PageQuery } from '../../contracts/v5-etls.js';

/** One page of `items` (page numbers from 0), and where it sits among them. */
export function pageOf<T>(items: readonly T[], query: PageQuery): { items: T[]; page: PageInfo } {
  const start = query.page * query.size;
  return {
    items: items.slice(start, start + query.size),
    page: {
      number: query.page,
      size: query.size,
      totalElements: items.length,
      totalPages: Math.ceil(items.length / query.size),
    },
  };
}
