export { applyMigrations } from './apply';
