/** One block of a server-sent event stream: a named event with JSON data, or a comment line. */
export interface StreamBlock {
  event?: string;
  data?: unknown;
  comment?: string;
}

/** Reads a text/event-stream response body block by block, each read bounded by a timeout. */
export class EventStreamReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** The next block, or null once the server ended the stream. */
  async next(timeoutMs = 5000): Promise<StreamBlock | null> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const lines = this.buffer.slice(0, end).split('\n');
        this.buffer = this.buffer.slice(end + 2);
        const block: StreamBlock = {};
        for (const line of lines) {
          if (line.startsWith(':')) block.comment = line.slice(1).trim();
          else if (line.startsWith('event: ')) block.event = line.slice('event: '.length);
          else if (line.startsWith('data: ')) block.data = JSON.parse(line.slice('data: '.length));
        }
        return block;
      }
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no stream data within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) return null;
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  /** The next event, skipping heartbeats. */
  async nextEvent(timeoutMs?: number): Promise<StreamBlock | null> {
    for (;;) {
      const block = await this.next(timeoutMs);
      if (block === null || block.event !== undefined) return block;
    }
  }

  /** Reads until the server ends the stream; throws if it does not within the timeout. */
  async untilEnd(timeoutMs?: number): Promise<void> {
    while ((await this.next(timeoutMs)) !== null) {
      // skip what is still sent
    }
  }
}
