import { INestApplication } from '@nestjs/common';
import axios, { AxiosInstance } from 'axios';
import { createSimApp } from '../../../apps/wecom-sim/src';

export const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
export const TOKEN = 'QDG6eK';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The simulator booted in-process on a random port, with small helpers around its HTTP API. */
export class SimHarness {
  app!: INestApplication;
  http!: AxiosInstance;
  baseUrl!: string;

  async start(): Promise<this> {
    this.app = await createSimApp();
    await this.app.listen(0, '127.0.0.1');
    const { port } = this.app.getHttpServer().address();
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.http = axios.create({ baseURL: this.baseUrl, validateStatus: () => true, proxy: false });
    return this;
  }

  async stop(): Promise<void> {
    await this.app.close();
  }

  /** A corp with members a (active), b (active), c (not activated) unless told otherwise. */
  async corp(corpId: string, extra: Json = {}): Promise<Json> {
    const res = await this.http.post('/sim/corps', {
      corpId,
      corpSecret: 'secret',
      agentId: 1000002,
      members: [
        { userid: 'a', name: '张三' },
        { userid: 'b', name: '李四' },
        { userid: 'c', name: '王五', status: 4 },
      ],
      ...extra,
    });
    if (res.status !== 201) throw new Error(`create corp: ${res.status} ${JSON.stringify(res.data)}`);
    return res.data;
  }

  async token(corpId: string, secret = 'secret'): Promise<string> {
    const res = await this.http.get('/cgi-bin/gettoken', { params: { corpid: corpId, corpsecret: secret } });
    if (res.data.errcode !== 0) throw new Error(`gettoken ${JSON.stringify(res.data)}`);
    return res.data.access_token;
  }

  /** A WeCom call: POST with a JSON body, or GET with query params. */
  async cgi(token: string, path: string, body?: Json, query: Json = {}): Promise<Json> {
    const url = `/cgi-bin/${path}`;
    const params = { access_token: token, ...query };
    const res = body === undefined ? await this.http.get(url, { params }) : await this.http.post(url, body, { params });
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    return res.data;
  }

  async sim(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: Json): Promise<Json> {
    const res = await this.http.request({ method, url: path, data: body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.data)}`);
    return res.data;
  }
}
