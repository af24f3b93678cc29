import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');
export const SPEC_PATH = join(ROOT, 'openapi.yaml');
export const GENERATED_DIR = join(ROOT, 'generated');
