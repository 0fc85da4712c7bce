import type { MockRoute } from '../route';
import { messagesRoute } from './messages';

export { anthropicFormat } from './format';

export const anthropicRoutes: readonly MockRoute[] = [messagesRoute];
