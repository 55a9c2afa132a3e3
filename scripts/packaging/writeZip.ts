import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

// A fixed timestamp: the same tree gives the same zip, whoever builds it.
const mtime = new Date('2000-01-01T00:00:00Z');

/** A file zipped under another name: `source` is its path from the root. */
export interface RenamedFile {
  name: string;
  source: string;
}

/** Streams `files` (paths from `root`) into a zip at `target`; entries keep their POSIX paths and modes. */
export async function writeZip(root: string, files: (string | RenamedFile)[], target: string): Promise<void> {
  const out = createWriteStream(target);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  let failure: Error | undefined;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else out.write(chunk);
    if (final || error) out.end();
  });
  for (const item of files) {
    const file = typeof item === 'string' ? item : item.name;
    const path = join(root, typeof item === 'string' ? item : item.source);
    const mode = statSync(path).mode & 0o777;
    // Native binaries (.node) are already dense; deflating them only costs time.
    const entry = file.endsWith('.node') ? new ZipPassThrough(file) : new ZipDeflate(file, { level: 6 });
    entry.mtime = mtime;
    entry.os = 3; // Unix, so the file mode below is honoured on extraction
    entry.attrs = (0o100000 | mode) << 16;
    zip.add(entry);
    for await (const chunk of createReadStream(path)) entry.push(chunk as Uint8Array);
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
  await done;
  if (failure) throw failure;
}
