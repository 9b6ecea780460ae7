/** A buffer that images of one planned batch are packed into. */
export type StagingBuffer = ArrayBuffer | SharedArrayBuffer;

/**
 * The batch-sized buffers a flow's loads pack into (shared with the worker threads, or plain in-thread), reused:
 * a buffer goes back to the free list once every image planned into it was copied out into its batch or left
 * out. So a run holds a few of them (the prefetch window's) however many epochs it runs, and the batches the
 * caller keeps are plain ArrayBuffers of their own, which the garbage collector accounts for (a
 * SharedArrayBuffer's memory is not counted towards collection, so a new one per batch piled up).
 *
 * @example
 * const staging = new StagingBuffers(batchBytes(32, pack), workers > 0);
 * const buffer = staging.take(32); // … each of its 32 images: staging.release(buffer)
 */
export class StagingBuffers {
  private readonly free: StagingBuffer[] = [];
  /** Per buffer in use: its images not yet released. */
  private readonly left = new Map<StagingBuffer, number>();

  constructor(
    private readonly bytes: number,
    private readonly shared: boolean,
  ) {}

  /** A free buffer (or a new one) that `images` images are about to be planned into. */
  take(images: number): StagingBuffer {
    const buffer = this.free.pop() ?? (this.shared ? new SharedArrayBuffer(this.bytes) : new ArrayBuffer(this.bytes));
    this.left.set(buffer, images);
    return buffer;
  }

  /** One image of `buffer` was copied out or left out: the buffer is free again after its last. */
  release(buffer: StagingBuffer): void {
    const left = this.left.get(buffer)! - 1;
    if (left > 0) {
      this.left.set(buffer, left);
      return;
    }
    this.left.delete(buffer);
    this.free.push(buffer);
  }
}
