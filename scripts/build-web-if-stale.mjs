/* global process */
// Builds the web app when packages/web/dist is missing or older than its sources, so that
// `npm start` and `npm test` serve the current UI without rebuilding on every run.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'packages/web');
const built = path.join(web, 'dist/index.html');

function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((entry) => newest(path.join(target, entry))));
}

// The web app bundles packages/domain (the citation formatter, the lifecycle's labels …): a change
// there is a change of the app.
const sources = [
  ...['src', 'index.html', 'vite.config.ts', 'package.json', 'public'].map((p) => newest(path.join(web, p))),
  newest(path.join(root, 'packages/domain/src')),
];
if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) {
  process.stdout.write('web app is up to date\n');
} else {
  execSync('npm run build -w @fayuan/web', { cwd: root, stdio: 'inherit' });
}
