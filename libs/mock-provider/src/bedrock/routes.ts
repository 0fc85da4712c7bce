import type { MockRoute } from '../route';
import { converseRoute, converseStreamRoute } from './converse';
import { invokeRoute } from './invoke';

export { bedrockFormat } from './format';

export const bedrockRoutes: readonly MockRoute[] = [converseRoute, converseStreamRoute, invokeRoute];
