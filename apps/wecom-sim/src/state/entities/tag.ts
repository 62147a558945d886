/** Who created a tag: the app through the API, or an admin in the console (or the seed). */
export type TagOwner = 'app' | 'console';

export interface TagGroup {
  group_id: string;
  group_name: string;
  create_time: number;
  order: number;
  createdBy: TagOwner;
}

export interface Tag {
  id: string;
  group_id: string;
  name: string;
  create_time: number;
  order: number;
  createdBy: TagOwner;
}
