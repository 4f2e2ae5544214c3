import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

const OBS = fileURLToPath(new URL('../', import.meta.url));
const PROM = join(OBS, 'prometheus');
const DASHBOARDS = join(OBS, 'grafana', 'dashboards');

function promtool(...args: string[]): { status: number | null; output: string } {
  const res = spawnSync('promtool', args, { cwd: PROM, encoding: 'utf8' });
  if (res.error) throw new Error(`promtool could not run (apt-get install prometheus): ${res.error.message}`);
  return { status: res.status, output: `${res.stdout}${res.stderr}` };
}

interface Target {
  expr?: string;
  refId?: string;
  datasource?: { type?: string; uid?: string };
}
interface Panel {
  id?: number;
  type?: string;
  title?: string;
  datasource?: { type?: string; uid?: string };
  targets?: Target[];
  panels?: Panel[];
}
interface Dashboard {
  uid?: string;
  title?: string;
  panels?: Panel[];
}

const dashboardFiles = readdirSync(DASHBOARDS).filter((f) => f.endsWith('.json'));
const dashboards = dashboardFiles.map((file) => ({ file, dashboard: JSON.parse(readFileSync(join(DASHBOARDS, file), 'utf8')) as Dashboard }));
/** Every panel, rows' nested panels included. */
const allPanels = (panels: Panel[] = []): Panel[] => panels.flatMap((p) => [p, ...allPanels(p.panels)]);

describe('Prometheus configuration', () => {
  it.each(['prometheus.yml', 'prometheus.local.yml'])('promtool check config %s', (file) => {
    const { status, output } = promtool('check', 'config', file);
    expect(status, output).toBe(0);
    expect(output).toMatch(/SUCCESS: \d+ rule files found/);
  });

  it('both configs scrape the same jobs every 5 s', () => {
    const jobs = (file: string): string[] => [...readFileSync(join(PROM, file), 'utf8').matchAll(/job_name:\s*(\S+)/g)].map((m) => m[1] ?? '');
    expect(jobs('prometheus.yml')).toEqual(['api', 'saver', 'fanout', 'tagger', 'analytics', 'graph', 'gateway', 'notify', 'monitor']);
    expect(jobs('prometheus.local.yml')).toEqual(jobs('prometheus.yml'));
    for (const file of ['prometheus.yml', 'prometheus.local.yml']) expect(readFileSync(join(PROM, file), 'utf8')).toMatch(/scrape_interval: 5s/);
  });

  it('promtool check rules accepts every rule file', () => {
    const files = readdirSync(join(PROM, 'rules')).filter((f) => f.endsWith('.yml'));
    expect(files).toContain('alerts.yml');
    const { status, output } = promtool('check', 'rules', ...files.map((f) => join('rules', f)));
    expect(status, output).toBe(0);
  });

  it('promtool test rules passes, with a firing and a quiet case for every alert', () => {
    const { status, output } = promtool('test', 'rules', join('tests', 'alerts.test.yml'));
    expect(status, output).toBe(0);
    expect(output).toContain('SUCCESS');
    const rules = readFileSync(join(PROM, 'rules', 'alerts.yml'), 'utf8');
    const tests = readFileSync(join(PROM, 'tests', 'alerts.test.yml'), 'utf8');
    const alerts = [...rules.matchAll(/- alert: (\S+)/g)].map((m) => m[1] ?? '');
    expect(alerts.length).toBeGreaterThanOrEqual(4);
    for (const alert of alerts) {
      const cases = tests
        .split('- alertname: ')
        .slice(1)
        .filter((c) => c.startsWith(`${alert}\n`));
      expect(
        cases.some((c) => /exp_alerts: \[\]/.test(c)),
        `${alert} has no not-firing case`,
      ).toBe(true);
      expect(
        cases.some((c) => /exp_labels:/.test(c)),
        `${alert} has no firing case`,
      ).toBe(true);
    }
  });
});

describe('Grafana dashboards', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'chirp-dash-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('the overview dashboard is there and every file parses', () => {
    expect(dashboardFiles).toContain('chirp-overview.json');
    for (const { file, dashboard } of dashboards) {
      expect(dashboard.uid, file).toBeTruthy();
      expect(allPanels(dashboard.panels).length, file).toBeGreaterThan(0);
    }
  });

  it('every panel queries the prometheus datasource with a non-empty expr', () => {
    for (const { file, dashboard } of dashboards) {
      for (const panel of allPanels(dashboard.panels)) {
        const where = `${file}: panel ${panel.id ?? '?'} "${panel.title ?? ''}"`;
        expect(panel.type, where).not.toBe('row'); // a row has no query; the e2e test runs every panel's
        expect(panel.datasource?.uid, where).toBe('prometheus');
        expect(panel.targets?.length, `${where} has no targets`).toBeGreaterThan(0);
        for (const t of panel.targets ?? []) {
          expect(t.datasource?.uid ?? panel.datasource?.uid, where).toBe('prometheus');
          expect(t.expr?.trim(), `${where} target ${t.refId ?? '?'}`).toBeTruthy();
          // Grafana-only macros would not survive a query straight to Prometheus' HTTP API.
          expect(t.expr, where).not.toMatch(/\$/);
        }
      }
    }
  });

  it('every panel expr is valid PromQL (promtool parses them as recording rules)', () => {
    const exprs = dashboards.flatMap(({ dashboard }) => allPanels(dashboard.panels).flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? '')));
    const file = join(tmp, 'panels.yml');
    writeFileSync(file, stringify({ groups: [{ name: 'panels', rules: exprs.map((expr, i) => ({ record: `panel:expr_${i}`, expr })) }] }));
    const { status, output } = promtool('check', 'rules', file);
    expect(status, output).toBe(0);
    expect(output).toContain(`SUCCESS: ${exprs.length} rules found`);
  });

  it('the provisioned datasource has the uid the panels name', () => {
    const ds = readFileSync(join(OBS, 'grafana', 'provisioning', 'datasources', 'prometheus.yml'), 'utf8');
    expect(ds).toMatch(/uid: prometheus\b/);
    expect(ds).toContain('url: http://prometheus:9090');
  });
});
