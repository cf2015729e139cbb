// A small JSON-RPC 2.0 client for the Language Server Protocol over stdio (Content-Length framing),
// enough to drive the real ESLint language server from a test the way an editor does.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

import { childEnv } from './harness';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

type RequestHandler = (params: unknown) => unknown;

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  /** Every message the server sent, in order, for assertions and for failure reports. */
  readonly received: Message[] = [];
  /** What the server wrote to stderr. */
  stderr = '';
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string }
  >();
  private readonly handlers = new Map<string, RequestHandler>();
  private readonly listeners: Array<(message: Message) => void> = [];
  private exited: Error | undefined;

  constructor(command: string, args: readonly string[], cwd: string) {
    this.child = spawn(command, args, { cwd, env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.child.on('exit', (code, signal) => {
      this.exited = new Error(
        `language server exited (code ${code}, signal ${signal})\n${this.stderr}`,
      );
      for (const { reject } of this.pending.values()) reject(this.exited);
      this.pending.clear();
    });
  }

  /** Answers the server's requests of one method (the server waits for each answer). */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 60_000): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms\n${this.transcript()}`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first message from the server, from now on, that matches. */
  waitFor(predicate: (message: Message) => boolean, timeoutMs = 30_000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server sent no matching message within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const listener = (message: Message): void => {
        if (!predicate(message)) return;
        clearTimeout(timer);
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        resolve(message);
      };
      this.listeners.push(listener);
    });
  }

  /** shutdown, exit, and wait for the process to end (killing it if it will not). */
  async close(): Promise<void> {
    if (this.exited) return;
    const ended = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.request('shutdown', null, 10_000);
      this.notify('exit', null);
    } catch {
      // fall through to kill
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await ended;
    clearTimeout(timer);
  }

  /** The methods exchanged so far, for error messages. */
  transcript(): string {
    return this.received
      .map((message) =>
        message.method
          ? `<- ${message.method}${message.id === undefined ? '' : ` #${message.id}`}`
          : `<- answer #${message.id}`,
      )
      .join('\n');
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length: *(\d+)/i.exec(header);
      if (!match) throw new Error(`bad LSP header: ${header}`);
      const length = Number(match[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(
        this.buffer.subarray(start, start + length).toString('utf8'),
      ) as Message;
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    this.received.push(message);
    for (const listener of [...this.listeners]) listener(message);
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server: answer it, or say we do not handle it.
      const handler = this.handlers.get(message.method);
      if (!handler) {
        this.send({
          jsonrpc: '2.0',
          id: message.id,
          error: { code: -32601, message: `unhandled: ${message.method}` },
        });
        return;
      }
      Promise.resolve()
        .then(() => handler(message.params))
        .then(
          (result) =>
            this.send({ jsonrpc: '2.0', id: message.id, result: (result ?? null) as Json }),
          (error: Error) =>
            this.send({
              jsonrpc: '2.0',
              id: message.id,
              error: { code: -32603, message: error.message },
            }),
        );
      return;
    }
    if (message.method === undefined && typeof message.id === 'number') {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error)
        waiting.reject(new Error(`${waiting.method} failed: ${message.error.message}`));
      else waiting.resolve(message.result);
    }
  }
}
