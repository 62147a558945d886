export interface ContactWay {
  config_id: string;
  type: 1 | 2;
  scene: 1 | 2;
  style?: number;
  remark: string;
  skip_verify: boolean;
  state: string;
  qr_code?: string;
  user: string[];
  party: number[];
  is_temp: boolean;
  expires_in?: number;
  chat_expires_in?: number;
  unionid?: string;
  is_exclusive: boolean;
  conclusions?: unknown;
  createdAt: number;
}
