export type Engine = 'chromium' | 'firefox' | 'webkit';
export const ENGINES: Engine[];
export function findFirefox(): string | undefined;
export function findWebKit(): { browser: string; driver: string; xvfb: string } | undefined;
export function selectedEngines(): Engine[];
export function missingEngines(engines?: Engine[]): Promise<Engine[]>;
export function requireEngines(engines?: Engine[]): Promise<void>;
