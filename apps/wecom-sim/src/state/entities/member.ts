/** 1 active, 2 disabled, 4 not activated, 5 left (user/get `status`). */
export type MemberStatus = 1 | 2 | 4 | 5;

export interface Member {
  userid: string;
  name: string;
  department: number[];
  position: string;
  status: MemberStatus;
  /** Allowed to have customers (listed by get_follow_user_list). */
  followUser: boolean;
}

export interface Department {
  id: number;
  name: string;
  parentid: number;
}
