/** The role table lives in the contracts, so the API and the console decide from one copy. */
export { type Action, can, type Permission, type Resource, ROLE_PERMISSIONS } from '@ai-router/contracts';
