import { z } from 'zod';

/** Host names or IP addresses (no ports) on private networks that provider accounts may point at. */
export const privateHostsSchema = z.strictObject({
  hosts: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.:-]+$/, 'a host name or IP address, without port')).max(200),
});
export type PrivateHosts = z.infer<typeof privateHostsSchema>;
