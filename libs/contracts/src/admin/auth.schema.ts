import { z } from 'zod';

export const loginRequestSchema = z.object({
  email: z.string().trim().email('enter a valid email address'),
  password: z.string().min(1, 'enter your password').max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const refreshRequestSchema = z.strictObject({ refreshToken: z.string().min(20).max(200) });
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

/** Passwords: long enough to resist guessing, short enough to bound hashing work. */
export const newPasswordSchema = z.string().min(10, 'use at least 10 characters').max(256);

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: newPasswordSchema,
});
export type ChangePassword = z.infer<typeof changePasswordSchema>;

export interface TokenPair {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Single use: each refresh returns a new one. */
  refreshToken: string;
}

export interface LoginResponse extends TokenPair {
  user: { id: string; email: string; name: string };
}

export interface MeResponse {
  id: string;
  email: string;
  name: string;
  isPlatformOwner: boolean;
  orgs: { id: string; name: string; slug: string; role: 'admin' | 'developer' | 'viewer' }[];
}
