// The client's handle on the language server: started in the background (commands exist before it
// runs) and started again on demand (the Restart command), with a new client if the old one failed.
// A request made while the server is starting waits for it (vscode-languageclient does).
// Its state (starting, running, stopped, failed) drives the status bar; a start that fails, or a
// server that stopped for good, is told once, in the display language, with "Show Output".
import * as vscode from 'vscode';
import { CloseAction, State, type BaseLanguageClient, type CloseHandlerResult, type ErrorHandler, type LanguageClientOptions } from 'vscode-languageclient';
import type { Messages } from './messages';

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

export class LanguageServer implements vscode.Disposable {
  private client: BaseLanguageClient;
  /**
   * vscode-languageclient shows its own English notification ("Starting client failed", "…will not be
   * restarted", with "Go to output") for the failures this class tells the user itself: while
   * `quiet`, its errors are only logged.
   */
  private quiet = false;
  private current: ServerState = 'stopped';
  private readonly changed = new vscode.EventEmitter<ServerState>();
  private clientSubscription: vscode.Disposable | undefined;
  /** Set while this class itself stops or replaces the client: that stop is not a failure. */
  private stopping = false;
  private starting: Promise<void> | undefined;
  readonly onDidChangeState = this.changed.event;

  constructor(
    /** Makes a client for the host (a Node process or a web worker) with these options. */
    private readonly createClient: (options: LanguageClientOptions) => BaseLanguageClient,
    private readonly clientOptions: LanguageClientOptions,
    private readonly output: vscode.LogOutputChannel,
    private readonly text: () => Messages,
    /** How many crashes in 3 minutes the client restarts the server after (vscode-languageclient's default error handler). */
    private readonly maxRestartCount: number,
  ) {
    this.client = this.create();
  }

  get state(): ServerState {
    return this.current;
  }

  private setState(state: ServerState): void {
    if (state === this.current) return;
    this.current = state;
    this.changed.fire(state);
  }

  /** A new client; one whose start failed cannot start again, so a restart needs a new one. */
  private create(): BaseLanguageClient {
    // The default handler decides (restart after a crash, up to maxRestartCount); when it gives up, the user is told here.
    const errorHandler: ErrorHandler = {
      error: (error, message, count) => defaults.error(error, message, count),
      closed: async (): Promise<CloseHandlerResult> => {
        const result = await defaults.closed();
        if (result.action === CloseAction.DoNotRestart && !this.stopping) {
          this.setState('failed');
          this.notify(this.text().serverCrashed);
          return { ...result, handled: true };
        }
        return result;
      },
    };
    const client = this.createClient({ ...this.clientOptions, errorHandler });
    const showError = client.error.bind(client);
    client.error = (message, data, showNotification = true) => showError(message, data, this.quiet ? false : showNotification);
    const defaults = client.createDefaultErrorHandler(this.maxRestartCount);
    this.clientSubscription?.dispose();
    this.clientSubscription = client.onDidChangeState(({ newState }) => {
      if (newState === State.Starting) this.setState('starting');
      else if (newState === State.Running) this.setState('running');
      else if (this.current !== 'failed') this.setState(this.stopping ? 'stopped' : 'failed');
    });
    return client;
  }

  private notify(message: string): void {
    const { showOutput, restartServer } = this.text();
    void vscode.window.showErrorMessage(message, showOutput, restartServer).then((choice) => {
      if (choice === showOutput) this.output.show(true);
      else if (choice === restartServer) void this.restart();
    });
  }

  /** Starts the server. A failure is not thrown: it is logged, the state says `failed` and a notification offers the output. */
  start(): Promise<void> {
    this.starting ??= this.startClient().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async startClient(): Promise<void> {
    this.setState('starting');
    const client = this.client;
    this.quiet = true;
    try {
      await client.start();
    } catch (error) {
      if (client !== this.client) return; // replaced meanwhile (a restart)
      this.output.error('Starting the language server failed', error);
      this.setState('failed');
      this.notify(this.text().serverStartFailed(error instanceof Error ? error.message : String(error)));
    } finally {
      this.quiet = false;
    }
  }

  /** Restarts a running server; a server that stopped or never started gets a new client. */
  async restart(): Promise<void> {
    if (this.starting) return this.starting; // already on its way
    this.stopping = true;
    try {
      if (this.client.isRunning()) {
        try {
          this.quiet = true;
          await this.client.stop();
          await this.client.start();
          return;
        } catch (error) {
          this.output.error('Restarting the language server failed', error);
        } finally {
          this.quiet = false;
        }
      }
      await this.client.dispose().catch(() => undefined); // a client that is not running refuses to stop
      this.client = this.create();
    } finally {
      this.stopping = false;
    }
    await this.start();
  }

  isRunning(): boolean {
    return this.client.isRunning();
  }

  sendRequest<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R> {
    // An undefined token passed on would travel as a second parameter (`params: [{}, null]`).
    return token ? this.client.sendRequest<R>(method, params, token) : this.client.sendRequest<R>(method, params);
  }

  /** Sends a notification if the server runs (a server started later reads the same facts from its initialization options). */
  async sendNotification(method: string, params?: unknown): Promise<void> {
    if (this.client.isRunning()) await this.client.sendNotification(method, params);
  }

  showOutput(): void {
    this.output.show(true);
  }

  async dispose(): Promise<void> {
    this.stopping = true;
    this.clientSubscription?.dispose();
    this.changed.dispose();
    await this.client.dispose().catch(() => undefined);
  }
}
