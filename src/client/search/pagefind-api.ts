/** The parts of Pagefind's browser API (`/pagefind/pagefind.js`) the search page uses. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
}

export interface PagefindOptions {
  baseUrl?: string;
  excerptLength?: number;
}

export interface Pagefind {
  options(options: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string>; sort?: Record<string, "asc" | "desc"> }): Promise<PagefindSearch | null>;
}
