// A user's state as the admin sees it. Pure; `now` is passed in (ISO text or Date).
import type { UserRow } from '../api.types.ts';

export type UserStatus = 'active' | 'disabled' | 'locked';

export const USER_STATUS_LABELS: Record<UserStatus, string> = { active: '启用', disabled: '停用', locked: '锁定' };

export function userStatus(user: Pick<UserRow, 'disabled' | 'lockedUntil'>, now: Date): UserStatus {
  if (user.disabled) return 'disabled';
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) return 'locked';
  return 'active';
}
