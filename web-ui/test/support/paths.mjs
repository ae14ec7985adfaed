import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webUiDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const uiDir = join(webUiDir, 'target', 'classes', 'sightline', 'ui');
export const fixturesDir = join(webUiDir, 'target', 'test-fixtures');
export const demoDir = join(webUiDir, '..', 'server', 'src', 'main', 'resources', 'sightline', 'demo');
