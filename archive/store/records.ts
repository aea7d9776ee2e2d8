import { closeSync, openSync, readSync } from 'node:fs';
import { crc32 } from './crc32.js';
import { DamagedIndexError } from './generations.js';

/**
 * A file of records read where they lie (postings lists, release texts): each record is its bytes
 * followed by their CRC-32, so that one damaged by the disk is refused when it is read, not used.
 * The file is opened once and read with positioned reads; nothing of it is held in memory.
 */
const READ_AHEAD = 4 * 1048576;

export class RecordFile {
  private fd: number | null;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
  }

  read(offset: number, length: number): Uint8Array {
    if (this.fd === null) throw new DamagedIndexError(`the index file ${this.path} was closed`);
    const buf = Buffer.allocUnsafe(length + 4);
    const got = readSync(this.fd, buf, 0, length + 4, offset);
    if (got !== length + 4 || buf.readUInt32LE(length) !== crc32(buf.subarray(0, length))) throw new DamagedIndexError(`a record of ${this.path.split(/[\\/]/).pop()} is damaged (its checksum does not match)`);
    return buf.subarray(0, length);
  }

  private window: { at: number; bytes: Buffer } | null = null;

  /**
   * Like `read`, for records read in the order they lie (copying a file's records into a new
   * one): the file is read ahead a few megabytes at a time, not once a record.
   */
  readInOrder(offset: number, length: number): Uint8Array {
    if (this.fd === null) throw new DamagedIndexError(`the index file ${this.path} was closed`);
    const w = this.window;
    if (!w || offset < w.at || offset + length + 4 > w.at + w.bytes.length) {
      const size = Math.max(READ_AHEAD, length + 4);
      const buf = Buffer.allocUnsafe(size);
      this.window = { at: offset, bytes: buf.subarray(0, readSync(this.fd, buf, 0, size, offset)) };
    }
    const from = offset - this.window!.at;
    const record = this.window!.bytes.subarray(from, from + length + 4);
    if (record.length !== length + 4 || record.readUInt32LE(length) !== crc32(record.subarray(0, length))) throw new DamagedIndexError(`a record of ${this.path.split(/[\\/]/).pop()} is damaged (its checksum does not match)`);
    return record.subarray(0, length);
  }

  close(): void {
    this.window = null;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Writes records one after another into chunks, giving each one's place: what RecordFile reads. */
export class RecordWriter {
  private chunks: Uint8Array[] = [];

  /** `offset`: where the first record goes (the size of the file they are appended to). */
  constructor(public offset = 0) {}

  /** Appends a record and returns [offset, length] of its bytes. */
  add(bytes: Uint8Array): [number, number] {
    const at = this.offset;
    const sum = Buffer.allocUnsafe(4);
    sum.writeUInt32LE(crc32(bytes));
    this.chunks.push(bytes, sum);
    this.offset += bytes.length + 4;
    return [at, bytes.length];
  }

  result(): Uint8Array {
    return Buffer.concat(this.chunks);
  }
}
