import { WeComHttp } from '../wecom-http';

export interface CorpTag {
  id: string;
  name: string;
  create_time: number;
  /** Higher sorts first. */
  order: number;
  deleted?: boolean;
}

export interface CorpTagGroup {
  group_id: string;
  group_name: string;
  create_time: number;
  order: number;
  deleted?: boolean;
  tag: CorpTag[];
}

export interface AddCorpTagRequest {
  /** group_id or group_name; an existing group_name adds into that group. */
  group_id?: string;
  group_name?: string;
  order?: number;
  /** name ≤30 chars. */
  tag: Array<{ name: string; order?: number }>;
  agentid?: number;
}

export interface EditCorpTagRequest {
  /** Tag or group id. */
  id: string;
  name?: string;
  order?: number;
}

export interface MarkTagRequest {
  userid: string;
  external_userid: string;
  add_tag?: string[];
  remove_tag?: string[];
}

/** Corp tags: externalcontact/*_corp_tag and mark_tag. Changes made here produce no callback. */
export class CorpTagsApi {
  constructor(private readonly http: WeComHttp) {}

  /** get_corp_tag_list; both filters empty = every group. */
  async list(filter: { tag_id?: string[]; group_id?: string[] } = {}): Promise<CorpTagGroup[]> {
    const res = await this.http.request<{ tag_group?: CorpTagGroup[] }>('externalcontact/get_corp_tag_list', { method: 'POST', body: filter });
    return res.tag_group ?? [];
  }

  async add(req: AddCorpTagRequest): Promise<CorpTagGroup> {
    const res = await this.http.request<{ tag_group: CorpTagGroup }>('externalcontact/add_corp_tag', { method: 'POST', body: req });
    return res.tag_group;
  }

  /** A duplicate name fails with 40071. */
  async edit(req: EditCorpTagRequest): Promise<void> {
    await this.http.request('externalcontact/edit_corp_tag', { method: 'POST', body: req });
  }

  /** Not both empty; a group left empty is deleted. */
  async del(req: { tag_id?: string[]; group_id?: string[] }): Promise<void> {
    await this.http.request('externalcontact/del_corp_tag', { method: 'POST', body: req });
  }

  /** Tags are per (member, customer); add_tag and remove_tag not both empty. */
  async mark(req: MarkTagRequest): Promise<void> {
    await this.http.request('externalcontact/mark_tag', { method: 'POST', body: req });
  }
}
