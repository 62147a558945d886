/** "externalcontact/mark_tag" from "/cgi-bin/externalcontact/mark_tag", "cgi-bin/..." or the bare name. */
export function apiName(pathOrName: string): string {
  return pathOrName.replace(/^\/+/, '').replace(/^cgi-bin\//, '').replace(/\/+$/, '');
}
