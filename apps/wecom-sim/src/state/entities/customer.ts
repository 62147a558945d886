export interface Customer {
  external_userid: string;
  name: string;
  avatar: string;
  /** 1 WeChat user, 2 WeCom user. */
  type: 1 | 2;
  /** 0 unknown, 1 male, 2 female. */
  gender: 0 | 1 | 2;
  unionid?: string;
  position?: string;
  corp_name?: string;
  corp_full_name?: string;
}

/** One member ↔ customer relationship ("follow user"); corp tags are marked per relationship. */
export interface Relationship {
  userid: string;
  external_userid: string;
  remark: string;
  description: string;
  createtime: number;
  tagIds: Set<string>;
  remark_mobiles: string[];
  oper_userid: string;
  add_way: number;
  state?: string;
}
