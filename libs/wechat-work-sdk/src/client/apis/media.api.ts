import { WeComHttp } from '../wecom-http';

export type MediaType = 'image' | 'voice' | 'video' | 'file';

export interface MediaFile {
  data: Buffer | Uint8Array;
  filename: string;
  contentType?: string;
}

export interface UploadedMedia {
  type: MediaType;
  media_id: string;
  /** Unix seconds, as a string; the media_id lives 3 days from then. */
  created_at: string;
}

/** media/upload. A media_id dies after 3 days: upload ahead of time, never on the 20-second welcome path. */
export class MediaApi {
  constructor(private readonly http: WeComHttp) {}

  upload(type: MediaType, file: MediaFile): Promise<UploadedMedia> {
    const form = new FormData();
    form.append('media', new Blob([file.data], { type: file.contentType ?? 'application/octet-stream' }), file.filename);
    return this.http.request('media/upload', { method: 'POST', query: { type }, body: form });
  }
}
