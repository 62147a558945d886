/** `base` + `api` + query (undefined values left out), as axios' baseURL and params would build it, for less CPU. */
export function callUrl(base: string, api: string, query: Record<string, string | number | undefined>): URL {
  const url = new URL(api, base);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}
