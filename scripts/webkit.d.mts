export function webkitCapabilities(browser: string): WebdriverIO.Capabilities;
export function startWebKitDriver(): Promise<{
  remoteOptions: {
    hostname: string;
    port: number;
    logLevel: 'error';
    capabilities: WebdriverIO.Capabilities;
  };
  stop(): void;
}>;
