import { z } from 'zod';

export const loginRequestSchema = z.object({
  email: z.string().trim().email('enter a valid email address'),
  password: z.string().min(1, 'enter your password').max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  user: { id: string; email: string; name: string };
}

export interface MeResponse {
  id: string;
  email: string;
  name: string;
  isPlatformOwner: boolean;
  orgs: { id: string; name: string; slug: string; role: 'admin' | 'developer' | 'viewer' }[];
}
