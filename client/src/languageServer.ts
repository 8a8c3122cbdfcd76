// The client's handle on the language server: started in the background (commands exist before it
// runs) and started again on demand (the Restart command), with a new client if the old one failed.
// A request made while the server is starting waits for it (vscode-languageclient does).
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';

export class LanguageServer implements vscode.Disposable {
  private client: BaseLanguageClient;

  constructor(
    /** Makes a new client; a client whose start failed cannot start again, so a restart needs a new one. */
    private readonly create: () => BaseLanguageClient,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.client = create();
  }

  /**
   * Starts the server. A failure is not thrown: vscode-languageclient has logged it and shown it in
   * a notification with "Go to output"; the preview shows its error state and offers a retry.
   */
  async start(): Promise<void> {
    await this.client.start().catch(() => undefined);
  }

  /** Restarts a running server; a server that stopped or never started gets a new client. */
  async restart(): Promise<void> {
    if (this.client.state === State.Starting) return this.start(); // already on its way
    if (this.client.isRunning()) {
      try {
        await this.client.stop();
        await this.client.start();
        return;
      } catch (error) {
        this.output.error('Restarting the language server failed', error);
      }
    }
    await this.client.dispose().catch(() => undefined); // a client that is not running refuses to stop
    this.client = this.create();
    await this.start();
  }

  isRunning(): boolean {
    return this.client.isRunning();
  }

  sendRequest<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R> {
    return this.client.sendRequest<R>(method, params, token);
  }

  async dispose(): Promise<void> {
    await this.client.dispose().catch(() => undefined);
  }
}
