import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tensor } from '@nagare/tensor';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { SafetensorsError } from '../errors/safetensors-error';
import { downloadSafetensors, loadSafetensors, saveSafetensors } from './files';
import { serializeSafetensors } from './serialize';

const dir = mkdtempSync(join(tmpdir(), 'nagare-safetensors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dict = () => ({
  'fc.weight': tensor([
    [1, 2],
    [3, 4],
  ]),
  'fc.bias': tensor([0.5, -0.5]),
});

describe('saveSafetensors / loadSafetensors with paths', () => {
  test('a saved file has the serialized bytes and loads back with its metadata', async () => {
    const path = join(dir, 'model.safetensors');
    await saveSafetensors(path, dict(), { format: 'pt' });
    expect(new Uint8Array(readFileSync(path))).toEqual(serializeSafetensors(dict(), { format: 'pt' }));
    const { tensors, metadata } = await loadSafetensors(path);
    expect(metadata).toEqual({ format: 'pt' });
    expect(tensors['fc.weight'].toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('file URLs work like paths', async () => {
    const url = pathToFileURL(join(dir, 'url model.safetensors'));
    await saveSafetensors(url, dict());
    expect((await loadSafetensors(url)).tensors['fc.bias'].toArray()).toEqual([0.5, -0.5]);
  });

  test('a failed save leaves the existing file untouched and no temporary file behind', async () => {
    const path = join(dir, 'keep.safetensors');
    writeFileSync(path, 'previous');
    await expect(saveSafetensors(path, { w: 'not a tensor' as never })).rejects.toThrow(SafetensorsError);
    await expect(saveSafetensors(join(dir, 'missing-dir', 'x.safetensors'), dict())).rejects.toThrow(
      /ENOENT/,
    );
    expect(readFileSync(path, 'utf8')).toBe('previous');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a corrupt file names its path in the error', async () => {
    const path = join(dir, 'corrupt.safetensors');
    writeFileSync(path, new Uint8Array([1, 2, 3]));
    await expect(loadSafetensors(path)).rejects.toThrow(`${path}: file is 3 bytes`);
  });
});

describe('sinks, buffers and the browser download helper', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('a sink receives the header chunk, then one chunk per tensor, awaiting each write', async () => {
    const chunks: Uint8Array[] = [];
    await saveSafetensors({ write: async (chunk: Uint8Array) => void chunks.push(chunk) }, dict());
    expect(chunks.length).toBe(3);
    expect(new Uint8Array(Buffer.concat(chunks))).toEqual(serializeSafetensors(dict()));
  });

  test('loadSafetensors accepts an ArrayBuffer', async () => {
    const bytes = serializeSafetensors(dict());
    const { tensors } = await loadSafetensors(bytes.slice().buffer);
    expect(tensors['fc.bias'].shape).toEqual([2]);
  });

  test('downloadSafetensors clicks a link to a blob of the file', async () => {
    const link = { href: '', download: '', click: vi.fn() };
    let blob: Blob | undefined;
    vi.stubGlobal('document', { createElement: (tag: string) => (tag === 'a' ? link : null) });
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:test';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    downloadSafetensors('weights.safetensors', dict(), { format: 'pt' });
    expect([link.href, link.download, link.click.mock.calls.length]).toEqual([
      'blob:test',
      'weights.safetensors',
      1,
    ]);
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(serializeSafetensors(dict(), { format: 'pt' }));
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(revoke).toHaveBeenCalledWith('blob:test');
    vi.restoreAllMocks();
  });
});
