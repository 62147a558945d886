import { collectPages } from '../collect-pages';
import { WeComHttp } from '../wecom-http';

export interface ContactWayFields {
  style?: number;
  /** ≤30 chars. */
  remark?: string;
  /** Default true. */
  skip_verify?: boolean;
  /** ≤30 chars; comes back as State in add_external_contact. */
  state?: string;
  /** Exactly one for type 1. */
  user?: string[];
  /** Department ids, type 2 only. */
  party?: number[];
  expires_in?: number;
  chat_expires_in?: number;
  unionid?: string;
  is_exclusive?: boolean;
  conclusions?: Record<string, unknown>;
}

export interface AddContactWayRequest extends ContactWayFields {
  /** 1 single member, 2 several. */
  type: 1 | 2;
  /** 1 mini-program, 2 QR code. */
  scene: 1 | 2;
  is_temp?: boolean;
}

export interface UpdateContactWayRequest extends ContactWayFields {
  config_id: string;
}

export interface ContactWay extends AddContactWayRequest {
  config_id: string;
  qr_code?: string;
}

export interface ListContactWayRequest {
  start_time?: number;
  end_time?: number;
  cursor?: string;
  /** ≤1000. */
  limit?: number;
}

export interface ListContactWayResponse {
  contact_way: Array<{ config_id: string }>;
  next_cursor?: string;
}

/** 渠道活码: externalcontact/*_contact_way. */
export class ContactWaysApi {
  constructor(private readonly http: WeComHttp) {}

  /** qr_code only for scene 2. */
  add(req: AddContactWayRequest): Promise<{ config_id: string; qr_code?: string }> {
    return this.http.request('externalcontact/add_contact_way', { method: 'POST', body: req });
  }

  /** user/party replace the existing lists. */
  async update(req: UpdateContactWayRequest): Promise<void> {
    await this.http.request('externalcontact/update_contact_way', { method: 'POST', body: req });
  }

  async get(configId: string): Promise<ContactWay> {
    const res = await this.http.request<{ contact_way: ContactWay }>('externalcontact/get_contact_way', { method: 'POST', body: { config_id: configId } });
    return res.contact_way;
  }

  async del(configId: string): Promise<void> {
    await this.http.request('externalcontact/del_contact_way', { method: 'POST', body: { config_id: configId } });
  }

  list(req: ListContactWayRequest = {}): Promise<ListContactWayResponse> {
    return this.http.request('externalcontact/list_contact_way', { method: 'POST', body: req });
  }

  /** Every config id, following next_cursor. */
  listAll(req: Omit<ListContactWayRequest, 'cursor'> = {}): Promise<string[]> {
    return collectPages(async (cursor) => {
      const page = await this.list({ ...req, cursor });
      return { items: (page.contact_way ?? []).map((c) => c.config_id), nextCursor: page.next_cursor };
    });
  }
}
